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
import { sharedRows } from '@/lib/testing/shared-data';
import { IMF, insertTradeRows, refreshSeries } from '@/lib/testing/trade-fixtures';
import { getTurnoverShareCheck } from './turnover-share';

const sql = connectTestDatabase();

afterAll(async () => {
  await sql.end();
});

describe('on the bundled data', () => {
  it('recomputes the EU’s “about 30%” of Jan-Nov 2023 over the bureau’s monthly totals of the same months', async () => {
    const months = sharedRows('bns_total_trade_monthly_2019_2026.csv').filter(
      (r) => r.year === '2023' && r.period >= '2023-01' && r.period <= '2023-11',
    );
    expect(months).toHaveLength(22);
    const total = months.reduce((sum, r) => sum + Number(r.value) * Number(r.scale), 0);
    const eu = articleValue({ flow: 'turnover', partner: 'AGG_EU', year: 2023, period: 'Jan-Nov' });
    const check = inEnglish(await getTurnoverShareCheck());
    const [item] = check.items;
    expect(item?.outcome).toBe('pass');
    expect(valueOf(item!, 'Kazakhstan total turnover')?.value).toBeCloseTo(total, 0);
    expect(valueOf(item!, 'recomputed share')?.value).toBeCloseTo((eu / total) * 100, 9);
  });
});

describe('with a reporter of its own', () => {
  let reporter = '';
  const NEWS = `test_share_${process.env.VITEST_POOL_ID ?? '0'}_${process.pid}`;

  beforeAll(async () => {
    reporter = await setUpReporter(sql, 'share');
    await insertSource(sql, NEWS);
    await insertTradeRows(sql, [
      { source: IMF, reporter, partner: 'CHN', flow: 'turnover', year: 2031, value: 20 },
      { source: IMF, reporter, partner: 'AGG_WORLD', flow: 'turnover', year: 2031, value: 100 },
      // "Half of the total": the official series says a fifth.
      {
        source: NEWS,
        reporter,
        partner: 'CHN',
        flow: 'turnover_share_pct',
        year: 2031,
        value: 50,
        unit: 'percent',
        scale: 0,
        qualifier: 'ABOUT',
      },
    ]);
    await refreshSeries(sql);
  });

  afterAll(() => tearDown(sql, [reporter], [NEWS]));

  it('recomputes a full-year share from the official series, as the screens show it', async () => {
    const check = inEnglish(await getTurnoverShareCheck({ reporter }));
    const item = findItem(check, (i) => i.title.includes(NEWS));
    expect(item.outcome).toBe('fail');
    expect(valueOf(item, 'partner turnover (official series)')).toMatchObject({ sourceIds: [IMF], value: 20e6 });
    expect(valueOf(item, 'recomputed share')?.value).toBeCloseTo(20, 9);
  });
});
