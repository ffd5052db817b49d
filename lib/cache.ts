// Query results cached in memory, keyed by their arguments and the dataset version. The dataset
// only changes through imports, and every import that changes a row leaves an import_batch row,
// so the highest batch id is a version that every server replica can read for itself: no
// invalidation messages are needed between replicas, and an import shows up within a second.
import 'server-only';
import { sql } from '@/lib/sql';

const VERSION_TTL_MS = 1_000;
const MAX_ENTRIES = 1_000;

let version: { value: string; checkedAt: number } | null = null;
let versionInFlight: Promise<string> | null = null;

async function readVersion(): Promise<string> {
  const [row] = await sql<{ v: string }[]>`SELECT coalesce(max(id), 0)::text AS v FROM import_batch`;
  return row?.v ?? '0';
}

/** The current dataset version, read at most once a second. */
export async function datasetVersion(): Promise<string> {
  if (version && Date.now() - version.checkedAt < VERSION_TTL_MS) return version.value;
  versionInFlight ??= readVersion()
    .then((value) => {
      version = { value, checkedAt: Date.now() };
      return value;
    })
    .finally(() => {
      versionInFlight = null;
    });
  return versionInFlight;
}

const entries = new Map<string, Promise<unknown>>();

/**
 * Every caller shares one cached result: freezing it makes a caller that sorts or edits it in
 * place fail loudly in tests, instead of changing what the next request sees.
 */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Wraps a query function so that equal arguments on the same dataset version share one result.
 * Failed queries are not kept. The oldest entries go first once MAX_ENTRIES is reached.
 */
export function cachedQuery<A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    const key = `${await datasetVersion()}|${name}|${JSON.stringify(args)}`;
    const hit = entries.get(key) as Promise<R> | undefined;
    if (hit) return hit;
    const pending = fn(...args).then(deepFreeze);
    entries.set(key, pending);
    pending.catch(() => entries.delete(key));
    if (entries.size > MAX_ENTRIES) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
    return pending;
  };
}
