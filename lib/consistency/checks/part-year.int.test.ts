import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleValue } from '@/lib/testing/article-data';
import {
  findItem,
  inEnglish,
  insertSource,
  setUpReporter,
  tearDown,
  valueOf,
} from '@/lib/testing/consistency-fixtures';
import { connectTestDatabase } from '@/lib/testing/database';
import { sharedValue } from '@/lib/testing/shared-data';
import { BNS_EU27, IMF, insertTradeRows, refreshSeries, type TradeRow } from '@/lib/testing/trade-fixtures';
import { getPartYearCheck } from './part-year';

const sql = connectTestDatabase();

afterAll(async () => {
  await sql.end();
});

describe('on the bundled data', () => {
  it('sets the EU’s Jan-Nov 2023 against the official series’ whole 2023', async () => {
    const check = inEnglish(await getPartYearCheck());
    const item = findItem(check, (i) => i.title.startsWith('KAZ → AGG_EU turnover, Jan-Nov 2023 (article:001'));
    expect(item.outcome).toBe('pass');
    const whole = valueOf(item, 'whole year (official series, shown)');
    expect(whole).toMatchObject({ sourceIds: [BNS_EU27], period: 'FY 2023' });
    expect(whole?.value).toBeCloseTo(
      sharedValue('derived_eu27_from_bns_2020_2025.csv', { partner: 'AGG_EU27', flow: 'turnover', year: 2023 }),
      0,
    );
    expect(valueOf(item, 'part of the year')?.value).toBe(
      articleValue({ flow: 'turnover', partner: 'AGG_EU', year: 2023, period: 'Jan-Nov' }),
    );
    // Every bundled part-year figure with a whole year to compare fits inside it.
    expect(check.outcome).toBe('pass');
  });
});

describe('with a reporter of its own', () => {
  let reporter = '';
  const NEWS = `test_partyear_${process.env.VITEST_POOL_ID ?? '0'}_${process.pid}`;

  beforeAll(async () => {
    reporter = await setUpReporter(sql, 'part');
    await insertSource(sql, NEWS);
    const h1 = (partner: string, value: number): TradeRow => ({
      source: NEWS,
      reporter,
      partner,
      flow: 'turnover',
      year: 2031,
      value,
      period: 'H1',
      periodKind: 'MONTHS_TO_DATE',
      periodStart: '2031-01-01',
      periodEnd: '2031-06-30',
    });
    await insertTradeRows(sql, [
      { source: IMF, reporter, partner: 'CHN', flow: 'turnover', year: 2031, value: 100 },
      { source: IMF, reporter, partner: 'RUS', flow: 'turnover', year: 2031, value: 100 },
      h1('CHN', 150),
      h1('RUS', 40),
    ]);
    await refreshSeries(sql);
  });

  afterAll(() => tearDown(sql, [reporter], [NEWS]));

  it('fails a half year larger than its whole year, and passes one inside it', async () => {
    const check = inEnglish(await getPartYearCheck());
    expect(findItem(check, (i) => i.title.startsWith(`${reporter} → CHN turnover, H1 2031`)).outcome).toBe('fail');
    expect(findItem(check, (i) => i.title.startsWith(`${reporter} → RUS turnover, H1 2031`)).outcome).toBe('pass');
    expect(check.outcome).toBe('fail');
  });
});
