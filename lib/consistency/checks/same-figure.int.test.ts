import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findItem, inEnglish, insertSource, setUpReporter, statOf, tearDown } from '@/lib/testing/consistency-fixtures';
import { connectTestDatabase } from '@/lib/testing/database';
import { ecbRate, sharedRows, sharedValue } from '@/lib/testing/shared-data';
import { BNS, IMF, insertTradeRows, MONTHLY, refreshSeries } from '@/lib/testing/trade-fixtures';
import { getSameFigureCheck } from './same-figure';

const sql = connectTestDatabase();
const BNS_FILE = 'bns_trade_by_partner_2020_2025.csv';
const IMF_FILE = 'imf_dots_kaz_reported.csv';

/** 2020 keys the bureau's table (EU-27 sums as AGG_EU) and the IMF both give, with their relative gap. */
function overlaps2020(): number[] {
  const imf = new Map(
    sharedRows(IMF_FILE)
      .filter((r) => r.year === '2020' && r.period === 'FY')
      .map((r) => [`${r.partner_code}|${r.flow}`, Number(r.value) * Number(r.scale)]),
  );
  const bureau = [...sharedRows(BNS_FILE), ...sharedRows('derived_eu27_from_bns_2020_2025.csv')].filter(
    (r) => r.year === '2020' && r.period === 'FY',
  );
  const gaps: number[] = [];
  for (const r of bureau) {
    const partner = r.partner_code === 'AGG_EU27' ? 'AGG_EU' : r.partner_code;
    const other = imf.get(`${partner}|${r.flow}`);
    if (other !== undefined) gaps.push(Math.abs(other / (Number(r.value) * Number(r.scale)) - 1));
  }
  // The world total: the bureau's partner rows summed, against the IMF's world row.
  for (const flow of ['export', 'import'] as const) {
    const total = bureau
      .filter((r) => r.flow === flow && r.partner_code !== 'AGG_EU27')
      .reduce((sum, r) => sum + Number(r.value) * Number(r.scale), 0);
    gaps.push(Math.abs((imf.get(`AGG_WORLD|${flow}`) ?? 0) / total - 1));
  }
  return gaps;
}

afterAll(async () => {
  await sql.end();
});

describe('on the bundled data', () => {
  it('sets every 2020 key of the official series against the IMF’s, and asks for review beyond 5 %', async () => {
    const check = inEnglish(await getSameFigureCheck());
    const summary = findItem(check, (i) => i.key === `same:source:${IMF}`);
    const gaps = overlaps2020();
    // Turnover of the world is compared too (export + import on both sides). Read from the IMF's
    // own summary: other test files import statistical sources of their own meanwhile.
    expect(summary.explanation).toContain(
      `${gaps.length + 1} keys of the official series are also given by ${IMF}; ${gaps.filter((g) => g > 0.05).length} differ by more than 5 %`,
    );
    expect(statOf(check, 'keys of the official series another statistical source gives')).toBeGreaterThanOrEqual(
      gaps.length + 1,
    );
    expect(summary.outcome).toBe('review');
    expect(check.outcome).toBe('review');
  });

  it('shows the official series first: the bureau’s 2020 imports from the Emirates, the IMF’s beside them, graded once per source', async () => {
    const check = inEnglish(await getSameFigureCheck());
    const emirates = findItem(check, (i) => i.title === 'KAZ → ARE imports, FY 2020');
    // More than 5 % apart, graded once in the IMF's summary: here described, not graded again.
    expect(emirates.outcome).toBe('info');
    expect(emirates.explanation).toMatch(/graded once for the source/);
    expect(emirates.values[0]).toMatchObject({ role: 'shown on the screens (official series)', sourceIds: [BNS] });
    expect(emirates.values[0]?.value).toBeCloseTo(
      sharedValue(BNS_FILE, { partner: 'ARE', flow: 'import', year: 2020 }),
      0,
    );
    expect(emirates.values[1]?.value).toBeCloseTo(
      sharedValue(IMF_FILE, { partner: 'ARE', flow: 'import', year: 2020 }),
      0,
    );
  });

  it('lists a news figure beside the official series it restates (China 2020)', async () => {
    const check = inEnglish(await getSameFigureCheck());
    const china = findItem(check, (i) => i.title === 'KAZ → CHN turnover, FY 2020');
    // Sources other test files import meanwhile (test_*) are left out of the comparison.
    expect(china.values.map((v) => v.sourceIds[0]).filter((id) => !id?.startsWith('test_'))).toEqual([
      BNS,
      IMF,
      'news:qb_trade',
    ]);
    expect(china.values[0]?.role).toBe('shown on the screens (official series)');
  });

  it('never says a full-year world total is shown from the bureau’s monthly totals', async () => {
    const check = inEnglish(await getSameFigureCheck());
    const world = check.items.filter((i) => i.title.startsWith('KAZ → AGG_WORLD') && i.title.includes('FY'));
    for (const item of world) expect(item.values[0]?.sourceIds).not.toEqual([MONTHLY]);
  });

  it('compares euros with dollars only through the ECB average of the year, and says so', async () => {
    const check = inEnglish(await getSameFigureCheck());
    const germany = findItem(check, (i) => i.title === 'DEU → KAZ turnover, FY 2018');
    expect(germany.values.find((v) => v.unit === 'EUR')?.note).toContain(
      `ECB 2018 average of ${ecbRate(2018)} USD per EUR`,
    );
  });
});

describe('with a reporter of its own', () => {
  let reporter = '';
  const OTHER = `test_samefig_${process.env.VITEST_POOL_ID ?? '0'}_${process.pid}`;

  beforeAll(async () => {
    reporter = await setUpReporter(sql, 'same');
    await insertSource(sql, OTHER, 'STATISTICAL_DATASET');
    await insertTradeRows(sql, [
      { source: IMF, reporter, partner: 'CHN', flow: 'export', year: 2031, value: 100 },
      { source: OTHER, reporter, partner: 'CHN', flow: 'export', year: 2031, value: 112 },
      { source: IMF, reporter, partner: 'RUS', flow: 'export', year: 2031, value: 100 },
      { source: OTHER, reporter, partner: 'RUS', flow: 'export', year: 2031, value: 101 },
    ]);
    await refreshSeries(sql);
  });

  afterAll(() => tearDown(sql, [reporter], [OTHER]));

  it('sums another statistical source up against the official series, and lists its keys', async () => {
    const check = inEnglish(await getSameFigureCheck());
    const summary = findItem(check, (i) => i.key === `same:source:${OTHER}`);
    expect(summary.outcome).toBe('review');
    expect(summary.values.map((v) => v.value)).toEqual([2, 1, expect.closeTo(0.12, 9)]);
    const china = findItem(check, (i) => i.title === `${reporter} → CHN exports, FY 2031`);
    expect(china.explanation).toMatch(/more than 5 %/);
    expect(china.values[0]).toMatchObject({ sourceIds: [IMF], preferred: true });
    expect(findItem(check, (i) => i.title === `${reporter} → RUS exports, FY 2031`).outcome).toBe('info');
  });
});
