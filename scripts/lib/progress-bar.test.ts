import { describe, expect, it } from 'vitest';
import { formatProgress } from './progress-bar';

describe('formatProgress', () => {
  it('shows the bar, percentage, rows, rate and time left', () => {
    expect(formatProgress({ rows: 420_000, bytesRead: 42, totalBytes: 100, elapsedMs: 4_000 })).toBe(
      '[##########--------------]  42 %  420,000 rows  105,000 rows/s  ETA 6 s',
    );
  });

  it('says how much is written while reading, and counts the rest down once only writing is left', () => {
    expect(formatProgress({ rows: 420_000, written: 400_000, bytesRead: 42, totalBytes: 100, elapsedMs: 4_000 })).toBe(
      '[##########--------------]  42 %  420,000 rows (400,000 written)  105,000 rows/s  ETA 6 s',
    );
    expect(
      formatProgress({
        rows: 300_000,
        written: 120_000,
        toWrite: 300_000,
        bytesRead: 100,
        totalBytes: 100,
        elapsedMs: 9_000,
        writeElapsedMs: 2_000,
      }),
    ).toBe('[##########--------------]  40 %  writing 120,000 of 300,000 rows  60,000 rows/s  ETA 3 s');
  });

  it('copes with the start and with long imports', () => {
    expect(formatProgress({ rows: 0, bytesRead: 0, totalBytes: 0, elapsedMs: 0 })).toContain('ETA ?');
    expect(formatProgress({ rows: 10, bytesRead: 1, totalBytes: 100, elapsedMs: 10_000 })).toContain('ETA 16 min 30 s');
  });
});
