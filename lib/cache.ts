// Query results cached in memory, keyed by their arguments and the dataset version. The dataset
// only changes through imports, and every import that changes a row leaves an import_batch row,
// so the highest batch id is a version that every server replica can read for itself: no
// invalidation messages are needed between replicas, and an import shows up within a second.
import 'server-only';
import { LRUCache } from 'lru-cache';
import { sql } from '@/lib/sql';

const VERSION_TTL_MS = 1_000;
/** The first read of the version may wait this long (see datasetVersion). */
const VERSION_WAIT_MS = 3_000;
/** A re-read waits this long before the known version is used instead. */
const VERSION_STALE_WAIT_MS = 500;
const MAX_ENTRIES = 1_000;
/**
 * Results kept, in bytes of their JSON: the count alone let a thousand large results (a full
 * partner list, a long series) grow without bound.
 */
export const QUERY_CACHE_MAX_BYTES = 64 * 1024 * 1024;
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

function refreshVersion(): Promise<string> {
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

/**
 * The current dataset version, read at most once a second. When the known one is older than that,
 * the fresh read is awaited for at most VERSION_STALE_WAIT_MS, then the known one is used and the
 * read finishes in the background: a request right after an import sees the import, and no request
 * (a page from the page cache included) waits long on a database that hangs (while PostgreSQL was
 * frozen every request used to wait here). The very first read waits at most VERSION_WAIT_MS.
 */
export async function datasetVersion(): Promise<string> {
  const known = state.version;
  if (known && Date.now() - known.checkedAt < VERSION_TTL_MS) return known.value;
  const limit = known ? VERSION_STALE_WAIT_MS : VERSION_WAIT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<string>((resolve, reject) => {
    timer = setTimeout(
      () => (known ? resolve(known.value) : reject(new Error('The dataset version could not be read in time.'))),
      limit,
    );
  });
  const fresh = refreshVersion();
  // A failed read with a version known keeps the known one (an outage is the proxy's to answer).
  const read = known ? fresh.catch(() => known.value) : fresh;
  try {
    return await Promise.race([read, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** The last version read, without asking the database; null before the first read. */
export function knownDatasetVersion(): string | null {
  return state.version?.value ?? null;
}

interface Entry {
  result: Promise<unknown>;
  /** 1 while the query runs, then the size of its result as JSON (UTF-8). */
  bytes: number;
}

/** Least recently used entries go first once MAX_ENTRIES or QUERY_CACHE_MAX_BYTES is reached. */
const entries = new LRUCache<string, Entry>({
  max: MAX_ENTRIES,
  maxSize: QUERY_CACHE_MAX_BYTES,
  sizeCalculation: (entry) => Math.max(entry.bytes, 1),
});

/** The size a result takes as JSON: query results are plain DTOs, so this is what they hold. */
const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? '');

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
    const hit = entries.get(key)?.result as Promise<R> | undefined;
    if (hit) return hit;
    const pending = fn(...args).then(freezeDeep);
    entries.set(key, { result: pending, bytes: 1 });
    pending.then(
      // Sized once it is known; a result larger than the whole cache is not kept at all.
      (result) => {
        if (entries.peek(key)?.result === pending) entries.set(key, { result: pending, bytes: jsonBytes(result) });
      },
      () => entries.delete(key),
    );
    return pending;
  };
}
