import { afterAll, describe, expect, it } from 'vitest';
import { CHECK_OUTCOMES } from '@/lib/consistency/types';
import en from '@/lib/i18n/messages/en.json';
import { connectTestDatabase } from '@/lib/testing/database';
import { getConsistencyReport } from './index';

const sql = connectTestDatabase();

afterAll(async () => {
  await sql.end();
});

describe('getConsistencyReport', () => {
  it('runs every check once, each with its prose, and counts the checks by outcome', async () => {
    const report = await getConsistencyReport();
    expect(report.checks.map((c) => c.id)).toEqual([
      'world-total',
      'series-breaks',
      'same-figure',
      'turnover-sum',
      'eu27-members-sum',
      'stated-growth',
      'turnover-share',
      'part-year',
      'stated-turnover-parts',
      'stated-totals',
      'reporter-vs-partner',
    ]);
    for (const check of report.checks) {
      // Its words are the catalogues' (Consistency.checks.<id>, complete in every language: messages.test.ts).
      expect(Object.keys(en.Consistency.checks)).toContain(check.id);
      expect(CHECK_OUTCOMES).toContain(check.outcome);
    }
    expect(Object.values(report.counts).reduce((sum, n) => sum + n, 0)).toBe(report.checks.length);
    // The bundled data has one failure of its own (article 003's establishments) and breaks to review.
    expect(report.counts.fail).toBe(1);
    expect(report.checks.find((c) => c.id === 'series-breaks')?.outcome).toBe('review');
  });
});
