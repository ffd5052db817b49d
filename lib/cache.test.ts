import { beforeEach, describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({ version: '1', versionReads: 0 }));
vi.mock('@/lib/sql', () => ({
  sql: async () => {
    state.versionReads += 1;
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
    expect(await cached(2020)).toBe(4040);
    expect(fn).toHaveBeenCalledTimes(3);
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
