import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { CheckItem, ConsistencyCheck } from '@/lib/consistency/types';
import { connectTestDatabase } from '@/lib/testing/database';
import {
  getConsistencyReport,
  getEstablishmentsCheck,
  getEu27MembersSumCheck,
  getListedCountsCheck,
  getPartialPeriodsCheck,
  getSameFigureCheck,
  getStatedGrowthCheck,
  getStatedTurnoverPartsCheck,
  getTurnoverShareCheck,
  getTurnoverSumCheck,
} from './consistency';

// The first block reads the bundled dataset the throwaway database is seeded with (the figures
// the checks exist for); the second adds rows of its own, under sources unique to this worker, in
// years no bundled source covers, and removes them afterwards.
const sql = connectTestDatabase();

// Integration files share one database and run one after another; rows that earlier files
// imported under their own test_ sources would otherwise join the bundled figures compared here.
beforeAll(async () => {
  await sql`DELETE FROM observation_revision WHERE observation_id IN (SELECT id FROM observation WHERE source_id LIKE 'test\_%')`;
  await sql`DELETE FROM observation WHERE source_id LIKE 'test\_%'`;
});
const WORKER = `${process.env.VITEST_POOL_ID ?? '0'}_${process.pid}`;
const SOURCE_A = `test_consistency_a_${WORKER}`;
const SOURCE_B = `test_consistency_b_${WORKER}`;

afterAll(async () => {
  await sql.end();
  await db.$disconnect();
});

const item = (check: ConsistencyCheck, predicate: (item: CheckItem) => boolean): CheckItem => {
  const found = check.items.find(predicate);
  if (!found) throw new Error(`no such item in ${check.id}: ${check.items.map((i) => i.title).join(' | ')}`);
  return found;
};

const value = (entry: CheckItem, role: string) => entry.values.find((v) => v.role === role);

describe('on the bundled data', () => {
  it('fails the establishments abroad: 75 stated, 46 + 6 + 8 + 6 = 66 listed', async () => {
    const check = await getEstablishmentsCheck();
    expect(check.id).toBe('establishments-abroad');
    expect(check.outcome).toBe('fail');
    const [entry] = check.items;
    expect(entry?.outcome).toBe('fail');
    expect(value(entry as CheckItem, 'stated total')?.value).toBe(75);
    expect(value(entry as CheckItem, 'sum of parts')?.value).toBe(66);
    expect(entry?.values.filter((v) => v.role === 'listed part').map((v) => v.value)).toEqual([46, 6, 8, 6]);
    expect(entry?.difference).toMatchObject({ value: 9, unit: 'count' });
    // The derived "other types" row (75 − 66) is shown, but never counted as a part.
    expect(value(entry as CheckItem, 'not counted')?.value).toBe(9);
  });

  it('finds the base of the EU 2022 +38% growth (the BNS EU-27 sum for 2021), not the circular one', async () => {
    const { check } = await getStatedGrowthCheck();
    const eu2022 = item(check, (i) => i.title.includes('AGG_EU turnover, FY 2022'));
    expect(eu2022.outcome).toBe('pass');
    const base = value(eu2022, 'base (used)');
    expect(base).toMatchObject({ sourceIds: ['derived_eu27_from_bns_312101'], period: 'FY 2021', unit: 'USD' });
    expect(base?.value).toBeCloseTo(28_909_272_234.91, 0);
    expect(base?.note).toMatch(/same 27-member composition/);
    expect(value(eu2022, 'recomputed growth')?.value).toBeCloseTo(38.36, 1);
    // The article's own 2021 figure was derived from the stated growth: listed, excluded.
    expect(value(eu2022, 'excluded: circular')).toMatchObject({
      sourceIds: ['article:001_8d469a298dbc54d2'],
      period: 'FY 2021',
    });
  });

  it('reports the missing like-for-like bases by name instead of using another period', async () => {
    const { check } = await getStatedGrowthCheck();
    expect(check.outcome).toBe('not_checkable');
    const janNov = item(check, (i) => i.title.includes('AGG_EU turnover, Jan-Nov 2023'));
    expect(janNov.outcome).toBe('not_checkable');
    expect(janNov.explanation).toMatch(/needs KAZ → AGG_EU turnover for Jan-Nov 2022 in USD/);
    expect(value(janNov, 'base (used)')).toBeUndefined();
    const germany = item(check, (i) => i.title.startsWith('DEU → KAZ turnover, Jan-Aug 2021'));
    expect(germany.outcome).toBe('not_checkable');
    expect(germany.explanation).toMatch(/Jan-Aug 2020 in EUR/);
  });

  it('never compares a growth rate with a base of another period', async () => {
    const { comparisons } = await getStatedGrowthCheck();
    expect(comparisons.length).toBeGreaterThanOrEqual(3);
    for (const comparison of comparisons) {
      if (comparison.basePeriod !== null) expect(comparison.basePeriod).toBe(comparison.statedPeriod);
    }
    const partial = await getPartialPeriodsCheck({ growthComparisons: comparisons });
    expect(partial.outcome).toBe('pass');
    expect(partial.items.length).toBeGreaterThan(10);
    for (const entry of partial.items) {
      const [figure, ...comparators] = entry.values;
      for (const comparator of comparators) {
        // Same period label, other year (or other source): "Jan-Nov 2022" against "Jan-Nov 2023".
        expect(comparator.period.replace(/\d{4}/, 'YYYY')).toBe(figure?.period.replace(/\d{4}/, 'YYYY'));
      }
    }
  });

  it('checks thousands of derived turnover rows against export + import, without a mismatch', async () => {
    const check = await getTurnoverSumCheck();
    expect(check.outcome).toBe('pass');
    const checked = check.stats.find((s) => s.label === 'rows checked')?.value ?? 0;
    expect(checked).toBeGreaterThan(6000);
    expect(check.stats.find((s) => s.label === 'mismatches')?.value).toBe(0);
    // Turnover derived from a stated growth rate is listed, not checked.
    expect(check.items.filter((i) => i.outcome === 'info').length).toBe(3);
  });

  it('sums the 27 member rows for every EU-27 year and flow', async () => {
    const check = await getEu27MembersSumCheck();
    expect(check.outcome).toBe('pass');
    expect(check.items).toHaveLength(18);
    for (const entry of check.items) expect(value(entry, 'sum of members')?.label).toMatch(/27 of 27 members/);
  });

  it('passes the listed counts: planned embassies per year and in total, honorary consulates in France', async () => {
    const check = await getListedCountsCheck();
    expect(check.outcome).toBe('pass');
    const titles = check.items.map((i) => i.title);
    expect(titles.filter((t) => t.startsWith('embassies planned, FY'))).toHaveLength(3);
    expect(titles.some((t) => t.startsWith('embassies planned, 2012-2014'))).toBe(true);
    const france = item(check, (i) => i.title.startsWith('honorary consulates in partner'));
    expect(value(france, 'sum of parts')?.value).toBe(3);
  });

  it('recomputes the EU’s “about 30%” share of Jan-Nov 2023 from the monthly totals', async () => {
    const check = await getTurnoverShareCheck();
    const [entry] = check.items;
    expect(entry?.outcome).toBe('pass');
    expect(value(entry as CheckItem, 'Kazakhstan total turnover')?.note).toMatch(/11 monthly totals/);
    expect(value(entry as CheckItem, 'recomputed share')?.value).toBeCloseTo(29.66, 1);
  });

  it('fails the stated turnover whose stated parts add up to more than its rounding allows', async () => {
    const check = await getStatedTurnoverPartsCheck();
    expect(item(check, (i) => i.title.includes('news:at2307uz')).outcome).toBe('fail');
    expect(item(check, (i) => i.title.includes('news:qazaqtv')).outcome).toBe('pass');
  });

  it('sets the same figure side by side, prefers the bureau, and fails official sources more than 5 % apart', async () => {
    const check = await getSameFigureCheck();
    expect(check.outcome).toBe('fail');
    const china = item(check, (i) => i.title === 'KAZ → CHN turnover, FY 2020');
    expect(china.outcome).toBe('info');
    expect(china.values.map((v) => v.sourceIds[0]).filter((id) => !id?.startsWith('test_'))).toEqual([
      'bns_312101_via_makenerzhan',
      'imf_dots_2022_via_SamLeBlanc',
      'news:qb_trade',
    ]);
    expect(china.values[0]?.preferred).toBe(true);
    expect(china.explanation).toMatch(/own statistical office/);
    const emirates = item(check, (i) => i.title === 'KAZ → ARE imports, FY 2020');
    expect(emirates.outcome).toBe('fail');
    expect(Math.abs(emirates.difference?.relative ?? 0)).toBeGreaterThan(0.05);
    // AGG_EU (IMF) and AGG_EU27 (BNS sum) are one group from 2020.
    const eu = item(check, (i) => i.title === 'KAZ → AGG_EU27 turnover, FY 2020');
    expect(eu.values.map((v) => v.label)).toEqual(['KAZ → AGG_EU27 turnover', 'KAZ → AGG_EU turnover']);
    // Euro figures are only compared through the stated ECB rate of the year.
    const germany = item(check, (i) => i.title === 'DEU → KAZ turnover, FY 2018');
    expect(germany.values.find((v) => v.unit === 'EUR')?.note).toMatch(/ECB 2018 average of 1\.1810 USD per EUR/);
  });

  it('runs every check in one report, with the counts of outcomes', async () => {
    const report = await getConsistencyReport();
    expect(report.checks.map((c) => c.id)).toEqual([
      'stated-growth',
      'turnover-sum',
      'stated-turnover-parts',
      'eu27-members-sum',
      'establishments-abroad',
      'listed-counts',
      'turnover-share',
      'same-figure',
      'reporter-vs-partner',
      'partial-periods',
    ]);
    const total = Object.values(report.counts).reduce((sum, n) => sum + n, 0);
    expect(total).toBe(report.checks.length);
    expect(report.counts.fail).toBeGreaterThanOrEqual(1);
  });
});

describe('with rows of its own', () => {
  interface Row {
    source: string;
    flow: string;
    year: number;
    period: 'FY' | 'Jan-Nov';
    value: string;
    derivation?: 'PUBLISHED' | 'DERIVED';
    growth?: string;
  }

  // Mongolia in the 2030s: no bundled source has figures there.
  const ROWS: Row[] = [
    // Turnover derived as export + import, but stored wrong: 10 + 5 ≠ 16.
    { source: SOURCE_A, flow: 'export', year: 2030, period: 'FY', value: '10' },
    { source: SOURCE_A, flow: 'import', year: 2030, period: 'FY', value: '5' },
    { source: SOURCE_A, flow: 'turnover', year: 2030, period: 'FY', value: '16', derivation: 'DERIVED' },
    // Jan-Nov 2031 +20% on Jan-Nov 2030 (12 on 10): passes on the same months, whatever the full year says.
    { source: SOURCE_B, flow: 'turnover', year: 2030, period: 'Jan-Nov', value: '10' },
    { source: SOURCE_A, flow: 'turnover', year: 2031, period: 'Jan-Nov', value: '12', growth: '20' },
    // Jan-Nov 2032 +50% on 12: the stored values give +8.3%, a failure.
    { source: SOURCE_A, flow: 'turnover', year: 2032, period: 'Jan-Nov', value: '13', growth: '50' },
    // Full year 2033 +10%: only a Jan-Nov 2032 figure exists, which is not a base for a full year.
    { source: SOURCE_A, flow: 'turnover', year: 2033, period: 'FY', value: '14', growth: '10' },
  ];

  beforeAll(async () => {
    for (const source of [SOURCE_A, SOURCE_B]) {
      await sql`
        INSERT INTO source (id, kind, title, publisher, attribution)
        VALUES (${source}, 'STATISTICAL_DATASET', 'Test source', 'Test publisher', 'Test attribution.')`;
    }
    for (const row of ROWS) {
      const isYear = row.period === 'FY';
      const start = `${row.year}-01-01`;
      const end = isYear ? `${row.year}-12-31` : `${row.year}-11-30`;
      await sql`
        INSERT INTO observation (source_id, reporter_code, partner_code, indicator_code, year, period, period_kind, period_start,
                                 period_end, period_key, value, unit, scale, derivation, flag, stated_growth_pct)
        VALUES (${row.source}, 'KAZ', 'MNG', ${row.flow}, ${row.year}, ${row.period}, ${isYear ? 'YEAR' : 'MONTHS_TO_DATE'},
                ${start}, ${end}, ${`${row.year}|${row.period}`}, ${row.value}, 'USD', 6, ${row.derivation ?? 'PUBLISHED'},
                ${row.derivation === 'DERIVED' ? 'derived' : ''}, ${row.growth ?? null})`;
    }
  });

  afterAll(async () => {
    await sql`DELETE FROM observation WHERE source_id IN (${SOURCE_A}, ${SOURCE_B})`;
    await sql`DELETE FROM source WHERE id IN (${SOURCE_A}, ${SOURCE_B})`;
  });

  it('fails a derived turnover that is not export + import, and lists it', async () => {
    const check = await getTurnoverSumCheck();
    expect(check.outcome).toBe('fail');
    expect(check.stats.find((s) => s.label === 'mismatches')?.value).toBe(1);
    const entry = item(check, (i) => i.outcome === 'fail' && i.title.startsWith('KAZ → MNG turnover, FY 2030'));
    expect(entry.difference).toMatchObject({ value: 1_000_000, unit: 'USD' });
    expect(value(entry, 'export + import')?.value).toBe(15_000_000);
    expect(item(check, (i) => i.key === `turnover-sum:source:${SOURCE_A}`).outcome).toBe('fail');
  });

  it('compares growth rates only with the same months, and fails one the stored values contradict', async () => {
    const { check, comparisons } = await getStatedGrowthCheck();
    const pass = item(check, (i) => i.title === 'KAZ → MNG turnover, Jan-Nov 2031: stated growth on Jan-Nov 2030');
    expect(pass.outcome).toBe('pass');
    expect(value(pass, 'base (used)')).toMatchObject({ sourceIds: [SOURCE_B], period: 'Jan-Nov 2030' });

    const fail = item(check, (i) => i.title === 'KAZ → MNG turnover, Jan-Nov 2032: stated growth on Jan-Nov 2031');
    expect(fail.outcome).toBe('fail');
    expect(value(fail, 'recomputed growth')?.value).toBeCloseTo(8.33, 1);
    expect(check.outcome).toBe('fail');

    const fullYear = item(check, (i) => i.title === 'KAZ → MNG turnover, FY 2033: stated growth on FY 2032');
    expect(fullYear.outcome).toBe('not_checkable');
    expect(fullYear.explanation).toMatch(/1 figure\(s\) of 2032 for other periods/);

    for (const comparison of comparisons) {
      if (comparison.basePeriod !== null) expect(comparison.basePeriod).toBe(comparison.statedPeriod);
    }
    const partial = await getPartialPeriodsCheck({ growthComparisons: comparisons });
    expect(partial.outcome).toBe('pass');
    const mongolia = item(partial, (i) => i.title.startsWith('KAZ → MNG turnover, Jan-Nov 2031'));
    expect(mongolia.values.map((v) => v.period)).toEqual(['Jan-Nov 2031', 'Jan-Nov 2030', 'Jan-Nov 2032']);
    expect(mongolia.explanation).toMatch(/\d+ full-year figure\(s\) of this series exist and are never compared/);
  });

  it('fails the partial-period check when a growth comparison used another period', async () => {
    const partial = await getPartialPeriodsCheck({
      growthComparisons: [{ statedId: '1', statedPeriod: 'Jan-Nov', basePeriod: 'FY' }],
    });
    expect(partial.outcome).toBe('fail');
  });
});
