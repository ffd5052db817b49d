import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findItem, inEnglish, setUpReporter, statOf, tearDown, valueOf } from '@/lib/testing/consistency-fixtures';
import { connectTestDatabase } from '@/lib/testing/database';
import { sharedRowsFor, sharedValue } from '@/lib/testing/shared-data';
import { IMF, insertPartner, insertTradeRows, refreshSeries, type TradeRow } from '@/lib/testing/trade-fixtures';
import { getSeriesBreaksCheck } from './series-breaks';

const sql = connectTestDatabase();
const KAZ_FILE = 'imf_dots_kaz_reported.csv';
const MIRROR_FILE = 'imf_dots_mirror_partner_reported.csv';

afterAll(async () => {
  await sql.end();
});

describe('on the bundled data', () => {
  it('finds the 2010 customs-union break in Russia’s mirror ratio, explained by the known break', async () => {
    const check = inEnglish(await getSeriesBreaksCheck());
    const customsUnion = findItem(check, (i) => i.key === 'known-break:kaz-2010-customs-union');
    expect(customsUnion.outcome).toBe('info');
    expect(customsUnion.explanation).toMatch(/Russian Federation.* 2009 to .* 2010/);
    // The ratio's inputs are the IMF's figures as compiled in ../shared/data.
    const imports = (year: number) => sharedValue(KAZ_FILE, { partner: 'RUS', flow: 'import', year });
    const mirror = (year: number) =>
      sharedValue(MIRROR_FILE, { reporter: 'RUS', partner: 'KAZ', flow: 'export', year });
    // Into the break (2009 → 2010) and out of it (2010 → 2011).
    const ratios = customsUnion.values.filter((v) => v.role === 'ratio');
    expect(ratios.map((v) => v.period)).toEqual(['FY 2009', 'FY 2010', 'FY 2010', 'FY 2011']);
    expect(ratios[0]?.value).toBeCloseTo(imports(2009) / mirror(2009), 6);
    expect(ratios[1]?.value).toBeCloseTo(imports(2010) / mirror(2010), 6);
    expect((ratios[0]?.value ?? 0) / (ratios[1]?.value ?? 1)).toBeGreaterThan(2);
    // Nothing about Russia is left to review: 2010 and the way back in 2011 are both explained.
    expect(check.items.some((i) => i.outcome === 'review' && i.title.includes('(RUS)'))).toBe(false);
  });

  it('finds the partner-count jumps of 1993 and 1994, explained by the incomplete years 1992-1993', async () => {
    const check = inEnglish(await getSeriesBreaksCheck());
    const incomplete = findItem(check, (i) => i.key === 'known-break:kaz-1992-1993-incomplete');
    // Partner countries (former ones included) with at least USD 1 million of turnover, from the IMF file.
    const groups = new Set(
      (parse(readFileSync('prisma/data/reference/partners.csv'), { columns: true }) as { code: string; kind: string }[])
        .filter((p) => p.kind === 'GROUP' || p.kind === 'OTHER')
        .map((p) => p.code),
    );
    const counted = (year: number) =>
      sharedRowsFor(KAZ_FILE, 'turnover', year).filter(
        (r) => !groups.has(r.partner_code) && Number(r.value) * Number(r.scale) >= 1e6,
      ).length;
    expect(counted(1993) / counted(1992) - 1).toBeGreaterThan(0.2);
    expect(counted(1994) / counted(1993) - 1).toBeGreaterThan(0.2);
    const counts = incomplete.values.filter((v) => v.role === 'partners' && v.label.includes('≥'));
    expect(counts.map((v) => [v.period, v.value])).toEqual([
      ['FY 1992', counted(1992)],
      ['FY 1993', counted(1993)],
      ['FY 1993', counted(1993)],
      ['FY 1994', counted(1994)],
    ]);
  });

  it('shows every known break, and flags only a handful of other years to review', async () => {
    const check = inEnglish(await getSeriesBreaksCheck());
    expect(check.items.filter((i) => i.key.startsWith('known-break:')).map((i) => i.key)).toEqual([
      'known-break:kaz-1992-1993-incomplete',
      'known-break:kaz-2010-customs-union',
      'known-break:kaz-2020-source-change',
    ]);
    const pairs = statOf(check, 'partner-year pairs compared (mirror ratio)') ?? 0;
    const toReview = check.items.filter((i) => i.outcome === 'review');
    expect(pairs).toBeGreaterThan(100);
    expect(toReview.length).toBeGreaterThan(0);
    expect(toReview.length).toBeLessThan(pairs / 10);
    expect(statOf(check, 'signals to review')).toBe(toReview.length);
    expect(check.outcome).toBe('review');
  });

  it('lists a partner appearing with more than 5 % of the total for review (Bermuda, 2003)', async () => {
    const bermuda = sharedValue(KAZ_FILE, { partner: 'BMU', flow: 'turnover', year: 2003 });
    const world = sharedValue(KAZ_FILE, { partner: 'AGG_WORLD', flow: 'turnover', year: 2003 });
    expect(bermuda / world).toBeGreaterThan(0.05);
    const check = inEnglish(await getSeriesBreaksCheck());
    const item = findItem(check, (i) => i.key === 'break-signal:coverage:2003');
    expect(item.outcome).toBe('review');
    expect(valueOf(item, 'appearing')?.note).toMatch(/^Bermuda/);
  });
});

describe('with a reporter of its own', () => {
  let reporter = '';
  const partner = `ZZP${process.env.VITEST_POOL_ID ?? '0'}${process.pid}`;

  /** Turnover, imports and the partner's mirror exports of one year (USD million). */
  const year = (y: number, imports: number, mirrorExports: number): TradeRow[] => [
    { source: IMF, reporter, partner, flow: 'import', year: y, value: imports },
    { source: IMF, reporter, partner, flow: 'turnover', year: y, value: imports + 100 },
    { source: IMF, reporter: partner, partner: reporter, flow: 'export', year: y, value: mirrorExports },
    { source: IMF, reporter, partner: 'AGG_WORLD', flow: 'turnover', year: y, value: 10_000 },
  ];

  beforeAll(async () => {
    reporter = await setUpReporter(sql, 'breaks');
    await insertPartner(sql, partner, 'Test partner');
    // The ratio is 1 in 2031 and 2032, 0.4 in 2033 (a factor of 2.5), 1 again in 2034; a small
    // partner's ratio jumps too, but below the size floor.
    await insertTradeRows(sql, [
      ...year(2031, 1000, 1000),
      ...year(2032, 1000, 1000),
      ...year(2033, 600, 1500),
      ...year(2034, 1000, 1000),
      { source: IMF, reporter, partner: 'NPL', flow: 'import', year: 2032, value: 10 },
      { source: IMF, reporter, partner: 'NPL', flow: 'import', year: 2033, value: 40 },
      { source: IMF, reporter: 'NPL', partner: reporter, flow: 'export', year: 2032, value: 10 },
      { source: IMF, reporter: 'NPL', partner: reporter, flow: 'export', year: 2033, value: 10 },
    ]);
    await refreshSeries(sql);
  });

  afterAll(() => tearDown(sql, [reporter, partner]));

  it('flags the jump into and out of 2033 for review, and nothing else', async () => {
    const check = inEnglish(await getSeriesBreaksCheck({ reporter }));
    const review = check.items.filter((i) => i.outcome === 'review').map((i) => i.key);
    expect(review).toEqual([`break-signal:mirror:${partner}:2033`, `break-signal:mirror:${partner}:2034`]);
  });

  it('shows the same signals as explained once a break is recorded for that partner', async () => {
    await sql`
      INSERT INTO series_break (key, reporter_code, kind, first_year, last_year, partner_codes, label, description)
      VALUES (${`test-${reporter}`}, ${reporter}, 'DISCONTINUITY', 2033, 2033, ${[partner]}, 'Test break', 'A test break.')`;
    const check = inEnglish(await getSeriesBreaksCheck({ reporter }));
    expect(check.items.filter((i) => i.outcome === 'review')).toEqual([]);
    const known = findItem(check, (i) => i.key === `known-break:test-${reporter}`);
    expect(known.outcome).toBe('info');
    expect(known.values.filter((v) => v.role === 'ratio').map((v) => [v.period, v.value])).toEqual([
      ['FY 2032', 1],
      ['FY 2033', 0.4],
      ['FY 2033', 0.4],
      ['FY 2034', 1],
    ]);
  });
});
