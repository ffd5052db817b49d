import { describe, expect, it } from 'vitest';
import { appDatabaseUrl } from './database-url';

const WRITER = 'postgresql://writer:w@127.0.0.1:5432/kaz_trade';
const READER = 'postgresql://reader:r@127.0.0.1:5432/kaz_trade';

describe('appDatabaseUrl', () => {
  it('is the reader when DATABASE_READER_URL is set', () => {
    expect(appDatabaseUrl({ DATABASE_URL: WRITER, DATABASE_READER_URL: READER })).toBe(READER);
  });

  it('is DATABASE_URL when no reader is given, or the reader is blank', () => {
    expect(appDatabaseUrl({ DATABASE_URL: WRITER })).toBe(WRITER);
    expect(appDatabaseUrl({ DATABASE_URL: WRITER, DATABASE_READER_URL: ' ' })).toBe(WRITER);
  });

  it('is undefined with neither', () => {
    expect(appDatabaseUrl({})).toBeUndefined();
  });
});
