// The one sort grammar of every screen and of the API: `sort=key:dir,key2:dir`, keys from the
// screen's allow-list, each at most once, up to the screen's maximum. A bare key sorts its natural
// way. The API's zod schema and the screens' nuqs parsers both read it through `parseSortList`.
import { createParser } from 'nuqs/server';

export interface SortItem<K extends string = string> {
  id: K;
  desc: boolean;
}

export type SortDirection = 'asc' | 'desc';

interface SortGrammar<K extends string> {
  max: number;
  /** The direction of a bare key (`?sort=name`): names A→Z, amounts largest first. */
  naturalDesc: (key: K) => boolean;
}

export type SortListResult<K extends string> = { ok: true; items: SortItem<K>[] } | { ok: false; message: string };

const ITEM = /^([a-z_]{1,40})(?::(asc|desc))?$/;

/** Reads `key:dir,key2:dir`; every failure says what was expected (the API returns it as a 400). */
export function parseSortList<K extends string>(
  text: string,
  keys: readonly K[],
  { max, naturalDesc }: SortGrammar<K>,
): SortListResult<K> {
  const allowed: ReadonlySet<string> = new Set(keys);
  const isKey = (key: string): key is K => allowed.has(key);
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) return { ok: false, message: 'sort must not be empty' };
  if (parts.length > max) return { ok: false, message: `at most ${max} sort keys` };
  const items: SortItem<K>[] = [];
  for (const part of parts) {
    const match = ITEM.exec(part);
    const key = match?.[1];
    if (!match || key === undefined || !isKey(key)) {
      return { ok: false, message: `each sort key must be key:asc or key:desc with key one of: ${keys.join(', ')}` };
    }
    items.push({ id: key, desc: match[2] === undefined ? naturalDesc(key) : match[2] === 'desc' });
  }
  if (new Set(items.map((item) => item.id)).size !== items.length) {
    return { ok: false, message: 'each sort key may appear once' };
  }
  return { ok: true, items };
}

/** Always with the direction, so that one view has one URL. */
export function serializeSortList(items: readonly SortItem[]): string {
  return items.map((item) => `${item.id}:${item.desc ? 'desc' : 'asc'}`).join(',');
}

const sameSort = (a: readonly SortItem[], b: readonly SortItem[]) =>
  a.length === b.length && a.every((item, i) => item.id === b[i]?.id && item.desc === b[i]?.desc);

/** A multi-key sort for tables that sort by several columns (`/partners`, `/data`). */
export function parseAsSort<K extends string>(keys: readonly K[], grammar: SortGrammar<K>) {
  return createParser<SortItem<K>[]>({
    parse: (text) => {
      const result = parseSortList(text, keys, grammar);
      return result.ok ? result.items : null;
    },
    serialize: serializeSortList,
    eq: sameSort,
  });
}

/** A one-key sort (`/`, `/compare`): the same grammar, its value a single item. */
export function parseAsSingleSort<K extends string>(keys: readonly K[], naturalDesc: (key: K) => boolean) {
  return createParser<SortItem<K>>({
    parse: (text) => {
      const result = parseSortList(text, keys, { max: 1, naturalDesc });
      return result.ok ? (result.items[0] ?? null) : null;
    },
    serialize: (item) => serializeSortList([item]),
    eq: (a, b) => a.id === b.id && a.desc === b.desc,
  });
}

export const sortDirection = (item: SortItem): SortDirection => (item.desc ? 'desc' : 'asc');

/**
 * `/` and `/compare` once wrote `sort=share&dir=desc`. Returns the same parameters in today's
 * grammar (`sort=share:desc`, `dir` gone; a lone `dir` applies to the default key), or null when
 * there is no `dir`. Values are carried over as given, so a bad one is still named in the notice.
 */
export function foldLegacySortDirection(search: URLSearchParams, defaultKey: string): URLSearchParams | null {
  const dir = search.get('dir');
  if (dir === null) return null;
  const next = new URLSearchParams(search);
  next.delete('dir');
  const key = search.get('sort') || defaultKey;
  next.set('sort', dir === '' ? key : `${key}:${dir}`);
  return next;
}
