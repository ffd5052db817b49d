// Query results cached in memory, keyed by their arguments and the dataset version. The dataset
// only changes through imports, and every import that changes a row leaves an import_batch row,
// so the highest batch id is a version that every server replica can read for itself: no
// invalidation messages are needed between replicas, and an import shows up within a second.
import 'server-only';
import { LRUCache } from 'lru-cache';
import { sql } from '@/lib/sql';

const VERSION_TTL_MS = 1_000;
const MAX_ENTRIES = 1_000;
/** QUERY_CACHE=off runs every query every time: the benchmark's "before" and a debugging aid. */
const DISABLED = process.env.QUERY_CACHE === 'off';

/**
 * The version's state lives on globalThis because proxy.ts (the page cache, lib/page-cache.ts) and
 * the pages are bundled separately and would otherwise each hold a copy of this module. Sharing it
 * means the proxy never keys a page by a version newer than the one the page's queries read: a
 * page rendered after the proxy read version V sees V or later, never older.
 */
const state = ((globalThis as typeof globalThis & { __datasetVersion?: VersionState }).__datasetVersion ??= {
  version: null,
  inFlight: null,
});

interface VersionState {
  version: { value: string; checkedAt: number } | null;
  inFlight: Promise<string> | null;
}

async function readVersion(): Promise<string> {
  const [row] = await sql<{ v: string }[]>`SELECT coalesce(max(id), 0)::text AS v FROM import_batch`;
  return row?.v ?? '0';
}

/** The current dataset version, read at most once a second. */
export async function datasetVersion(): Promise<string> {
  if (state.version && Date.now() - state.version.checkedAt < VERSION_TTL_MS) return state.version.value;
  state.inFlight ??= readVersion()
    .then((value) => {
      state.version = { value, checkedAt: Date.now() };
      return value;
    })
    .finally(() => {
      state.inFlight = null;
    });
  return state.inFlight;
}

/** Least recently used entries go first once MAX_ENTRIES is reached. */
const entries = new LRUCache<string, Promise<unknown>>({ max: MAX_ENTRIES });

/**
 * Cached results are shared by every request that asks the same question, so they are frozen:
 * a caller that sorted or edited one in place would change what the next request sees; frozen,
 * it fails at once (TypeError in strict-mode modules) and the tests catch it.
 */
function freezeDeep<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Reflect.ownKeys(value)) freezeDeep((value as Record<PropertyKey, unknown>)[key]);
  return value;
}

/**
 * Wraps a query function so that equal arguments on the same dataset version share one result.
 * Failed queries are not kept.
 */
export function cachedQuery<A extends unknown[], R>(
  name: string,
  fn: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  if (DISABLED) return fn;
  return async (...args: A) => {
    const key = `${await datasetVersion()}|${name}|${JSON.stringify(args)}`;
    const hit = entries.get(key) as Promise<R> | undefined;
    if (hit) return hit;
    const pending = fn(...args).then(freezeDeep);
    entries.set(key, pending);
    pending.catch(() => entries.delete(key));
    return pending;
  };
}
