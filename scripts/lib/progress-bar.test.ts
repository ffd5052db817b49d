import { describe, expect, it } from 'vitest';
import { formatProgress } from './progress-bar';

describe('formatProgress', () => {
  it('shows the bar, percentage, rows, rate and time left', () => {
    expect(formatProgress({ rows: 420_000, bytesRead: 42, totalBytes: 100, elapsedMs: 4_000 }))
      .toBe('[##########--------------]  42 %  420,000 rows  105,000 rows/s  ETA 6 s');
  });

  it('copes with the start and with long imports', () => {
    expect(formatProgress({ rows: 0, bytesRead: 0, totalBytes: 0, elapsedMs: 0 })).toContain('ETA ?');
    expect(formatProgress({ rows: 10, bytesRead: 1, totalBytes: 100, elapsedMs: 10_000 })).toContain('ETA 16 min 30 s');
  });
});
