import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runQuery } from './run-query';

/** The error postgres.js rejects a query with when its connection was not open within connect_timeout. */
const connectTimeout = () =>
  Object.assign(new Error('write CONNECT_TIMEOUT 127.0.0.1:5432'), { code: 'CONNECT_TIMEOUT' });

describe('runQuery', () => {
  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => vi.restoreAllMocks());

  it('runs a query once more when its connection could not be opened in time, and answers with it', async () => {
    const query = vi
      .fn()
      .mockRejectedValueOnce(connectTimeout())
      .mockResolvedValueOnce([{ year: 2024 }]);
    await expect(runQuery('test', null, query)).resolves.toEqual([{ year: 2024 }]);
    expect(query).toHaveBeenCalledTimes(2);
    expect(console.error).not.toHaveBeenCalled();
  });

  it('fails with the generic message when the second connection times out too', async () => {
    const query = vi.fn().mockRejectedValue(connectTimeout());
    await expect(runQuery('test', null, query)).rejects.toThrow('Could not load data (test).');
    expect(query).toHaveBeenCalledTimes(2);
  });

  it('does not run a query again that failed in PostgreSQL', async () => {
    const failure = Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
    const query = vi.fn().mockRejectedValue(failure);
    await expect(runQuery('test', null, query)).rejects.toThrow('Could not load data (test).');
    expect(query).toHaveBeenCalledTimes(1);
    expect(console.error).toHaveBeenCalledWith('[queries] test failed', { input: null, error: failure });
  });
});
