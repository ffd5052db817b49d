import { beforeEach, describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({ version: '1', versionReads: 0, hang: false }));
vi.mock('@/lib/sql', () => ({
  sql: async () => {
    state.versionReads += 1;
    // A frozen PostgreSQL: the read never answers.
    if (state.hang) await new Promise(() => {});
    return [{ v: state.version }];
  },
}));

describe('cachedQuery', () => {
  beforeEach(() => {
    vi.resetModules();
    // The version's state is shared through globalThis (see lib/cache.ts); each test starts afresh.
    delete (globalThis as { __datasetVersion?: unknown }).__datasetVersion;
    vi.useFakeTimers();
    state.version = '1';
    state.versionReads = 0;
    state.hang = false;
  });

  it('runs a query once per arguments and dataset version', async () => {
    const { cachedQuery } = await import('./cache');
    const fn = vi.fn(async (year: number) => year * 2);
    const cached = cachedQuery('double', fn);
    expect(await cached(2020)).toBe(4040);
    expect(await cached(2020)).toBe(4040);
    expect(await cached(2021)).toBe(4042);
    expect(fn).toHaveBeenCalledTimes(2);

    state.version = '2';
    vi.advanceTimersByTime(1_500);
    // A request right after an import sees it.
    expect(await cached(2020)).toBe(4040);
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it('waits at most half a second for a re-read, then uses the version it knows, when the database hangs', async () => {
    const { datasetVersion, knownDatasetVersion } = await import('./cache');
    expect(knownDatasetVersion()).toBeNull();
    expect(await datasetVersion()).toBe('1');
    state.hang = true;
    vi.advanceTimersByTime(5_000);
    const stale = datasetVersion();
    vi.advanceTimersByTime(500);
    expect(await stale).toBe('1');
    expect(knownDatasetVersion()).toBe('1');
  });

  it('gives up on the very first read after a few seconds when the database hangs', async () => {
    const { datasetVersion } = await import('./cache');
    state.hang = true;
    const first = datasetVersion();
    const failed = expect(first).rejects.toThrow(/could not be read in time/);
    vi.advanceTimersByTime(3_000);
    await failed;
  });

  it('reads the version at most once a second', async () => {
    const { datasetVersion } = await import('./cache');
    await Promise.all([datasetVersion(), datasetVersion(), datasetVersion()]);
    await datasetVersion();
    expect(state.versionReads).toBe(1);
    vi.advanceTimersByTime(1_100);
    await datasetVersion();
    expect(state.versionReads).toBe(2);
  });

  it('keeps at most QUERY_CACHE_MAX_BYTES of results, least recently used out first', async () => {
    const { cachedQuery, QUERY_CACHE_MAX_BYTES } = await import('./cache');
    // Three results of 40 % of the cache each: the third pushes out the first.
    const size = Math.floor(QUERY_CACHE_MAX_BYTES * 0.4);
    const fn = vi.fn(async (n: number) => `${n}`.padEnd(size, 'x'));
    const cached = cachedQuery('large', fn);
    for (const n of [1, 2, 3]) await cached(n);
    await vi.waitFor(async () => {
      await cached(3);
      await cached(2);
      expect(fn).toHaveBeenCalledTimes(3);
    });
    await cached(1);
    expect(fn).toHaveBeenCalledTimes(4);
  });

  it('does not keep a failed result', async () => {
    const { cachedQuery } = await import('./cache');
    let calls = 0;
    const cached = cachedQuery('flaky', async () => {
      calls += 1;
      if (calls === 1) throw new Error('down');
      return 'ok';
    });
    await expect(cached()).rejects.toThrow('down');
    expect(await cached()).toBe('ok');
  });

  it('freezes results, so that no caller can change what the next request sees', async () => {
    const { cachedQuery } = await import('./cache');
    const cached = cachedQuery('rows', async () => ({ rows: [{ year: 2020, value: 1 }] }));
    const first = await cached();
    expect(() => first.rows.push({ year: 2021, value: 2 })).toThrow(TypeError);
    expect(() => {
      const row = first.rows[0];
      if (row) row.value = 5;
    }).toThrow(TypeError);
    expect(await cached()).toEqual({ rows: [{ year: 2020, value: 1 }] });
  });

  it('runs every query every time with QUERY_CACHE=off', async () => {
    vi.stubEnv('QUERY_CACHE', 'off');
    try {
      const { cachedQuery } = await import('./cache');
      const fn = vi.fn(async (year: number) => year);
      const cached = cachedQuery('plain', fn);
      await cached(2020);
      await cached(2020);
      expect(fn).toHaveBeenCalledTimes(2);
      expect(state.versionReads).toBe(0);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
