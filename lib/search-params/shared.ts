// What every screen's URL state shares: the raw shape Next passes, the "ignored parameter" record
// behind the visible notice, and the strict nuqs parsers the screens build on. Parsers come from
// 'nuqs/server', which has no 'use client', so the same definitions run in server components, route
// handlers and client hooks. The loader that words the notices is in shared-parse.ts: its words
// must not reach the client's JavaScript (scripts/client-namespaces.test.ts).
import { createParser, type ParserMap, type SearchParams } from 'nuqs/server';

/** What Next passes as `searchParams`. */
export type RawSearchParams = SearchParams;

/** A parameter the page could not use, with what it expected, for the visible notice. */
export interface IgnoredSearchParam {
  name: string;
  value: string;
  expected: string;
  /** What the page did instead, when not simply "the default is shown". */
  outcome?: string;
}

/** For each parameter, what a usable value looks like, in words (or from the refused value). */
export type Expectations<P extends ParserMap> = { [K in keyof P]: string | ((value: string) => string) };

/** Next's record (a repeated key arrives as an array) as URLSearchParams, which nuqs's loader reads. */
export function toSearchParams(raw: RawSearchParams | URLSearchParams): URLSearchParams {
  if (raw instanceof URLSearchParams) return raw;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) search.append(key, item);
  }
  return search;
}

/** nuqs's "absent" is null; the screens' parameter objects say undefined, as optional fields do. */
export function nullToUndefined<T>(value: T | null): T | undefined {
  return value ?? undefined;
}

/** A whole number written as plain digits (no sign, no exponent, no "3x" read as 3). */
const digits = (max: number) => (text: string) => (new RegExp(`^\\d{1,${max}}$`).test(text) ? Number(text) : null);

/** One of a fixed list of whole numbers (page sizes, growth windows). */
export function parseAsIntegerIn(values: readonly number[]) {
  return createParser<number>({
    parse: (text) => {
      const n = digits(6)(text);
      return n !== null && values.includes(n) ? n : null;
    },
    serialize: String,
  });
}

/** A page number from 1. */
export function parseAsPage(maxDigits: number) {
  return createParser<number>({
    parse: (text) => {
      const n = digits(maxDigits)(text);
      return n !== null && n >= 1 ? n : null;
    },
    serialize: String,
  });
}

/**
 * A calendar year. On the server it is checked against the years that have data (or a range);
 * the client writes only years it was offered, so it needs no list.
 */
export function parseAsYear(accept: (year: number) => boolean = () => true) {
  return createParser<number>({
    parse: (text) => {
      const year = /^\d{4}$/.test(text) ? Number(text) : null;
      return year !== null && accept(year) ? year : null;
    },
    serialize: String,
  });
}

/**
 * Free text for a name search. No control characters: PostgreSQL refuses a NUL in text, which
 * would be a 500, not a search. Not trimmed here, so that the search box, which shows this value
 * while one types, keeps a space typed between two words; the loaders trim.
 */
export const parseAsSearchText = createParser<string>({
  parse: (text) => (text.length <= 100 && !/[\u0000-\u001f\u007f]/.test(text) ? text : null),
  serialize: String,
});

export const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * A comma-separated list whose every item is allow-listed; one unknown item refuses the whole list
 * (the notice then names it). Items come back deduplicated in the allow-list's order, so one
 * selection has one URL.
 */
export function parseAsAllowedList<const T extends string>(values: readonly T[]) {
  const allowed: ReadonlySet<string> = new Set(values);
  return createParser<T[]>({
    parse: (text) => {
      const items = text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
      if (items.length === 0 || items.some((item) => !allowed.has(item))) return null;
      return values.filter((value) => items.includes(value));
    },
    serialize: (items) => items.join(','),
    eq: sameList,
  });
}

/** Describes the years a parameter accepts, for the notice. */
export function describeYears(availableYears: readonly number[] | undefined): string {
  if (!availableYears) return 'a four-digit year';
  if (availableYears.length === 0) return 'a year with data (there is none yet)';
  return `a year with data, ${Math.min(...availableYears)}–${Math.max(...availableYears)}`;
}
