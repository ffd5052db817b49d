// What every screen's URL parser shares: the raw shape Next passes, the "ignored parameter" record
// behind the visible notice, and a reader that validates one parameter against a schema.
import type { z } from 'zod';

/** What Next passes as `searchParams`. */
export type RawSearchParams = Record<string, string | string[] | undefined>;

/** A parameter the page could not use, with what it expected, for the visible notice. */
export interface IgnoredSearchParam {
  name: string;
  value: string;
  expected: string;
  /** What the page did instead, when not simply "the default is shown". */
  outcome?: string;
}

export type ParamReader = <T>(name: string, schema: z.ZodType<T>, expected: string) => T | undefined;

/**
 * Returns a reader over `raw` that records each unusable parameter in `ignored`. An empty value is
 * what a cleared form field sends, so it counts as absent; a repeated parameter is ignored rather
 * than guessed at.
 */
export function createParamReader(raw: RawSearchParams | URLSearchParams, ignored: IgnoredSearchParam[]): ParamReader {
  const get = (name: string): string | string[] | undefined => {
    if (raw instanceof URLSearchParams) {
      const all = raw.getAll(name);
      return all.length === 0 ? undefined : all.length === 1 ? all[0] : all;
    }
    return raw[name];
  };
  return <T>(name: string, schema: z.ZodType<T>, expected: string): T | undefined => {
    const value = get(name);
    if (value === undefined || value === '') return undefined;
    if (Array.isArray(value)) {
      ignored.push({ name, value: value.join(', '), expected: `a single value, ${expected}` });
      return undefined;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    ignored.push({ name, value, expected });
    return undefined;
  };
}

/** Builds "?a=1&b=x,y" keeping commas readable (they are safe in a query string). */
export function toQueryString(entries: readonly (readonly [string, string])[]): string {
  if (entries.length === 0) return '';
  return `?${entries.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value).replace(/%2C/gi, ',')}`).join('&')}`;
}
