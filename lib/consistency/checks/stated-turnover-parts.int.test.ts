import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { insertTradeRows, type TradeRow } from '@/lib/testing/trade-fixtures';
import { getStatedTurnoverPartsCheck, STATED_TURNOVER_PARTS } from './stated-turnover-parts';

const sql = connectTestDatabase();
const NEWS_FILE = 'news_reported_figures.csv';

afterAll(async () => {
  await sql.end();
});

describe('on the bundled data', () => {
  it('grades Uzbekistan’s H1 2023 total, cut off below its parts, by the stated tolerance: not a failure', async () => {
    const key = { reporter: 'UZB', partner: 'KAZ', year: 2023, period: 'H1' };
    const total = sharedValue(NEWS_FILE, { ...key, flow: 'turnover' });
    const parts =
      sharedValue(NEWS_FILE, { ...key, flow: 'export' }) + sharedValue(NEWS_FILE, { ...key, flow: 'import' });
    // 2.19 billion stands for 2,185-2,195 million; the parts add up to more, by less than one unit (10 million).
    expect(parts - (total + 5e6)).toBeGreaterThan(0);
    expect(parts - total).toBeLessThan(10e6);
    const check = inEnglish(await getStatedTurnoverPartsCheck());
    const item = findItem(check, (i) => i.title.includes('news:at2307uz'));
    expect(item.outcome).toBe('pass');
    expect(item.explanation).toMatch(/cuts the digits off/);
    expect(valueOf(item, 'sum of parts')?.value).toBeCloseTo(parts, 0);
    expect(check.values).toEqual(STATED_TURNOVER_PARTS.values);
    expect(findItem(check, (i) => i.title.includes('news:qazaqtv')).outcome).toBe('pass');
  });
});

describe('with a reporter of its own', () => {
  let reporter = '';
  const NEWS = `test_parts_${process.env.VITEST_POOL_ID ?? '0'}_${process.pid}`;

  beforeAll(async () => {
    reporter = await setUpReporter(sql, 'parts');
    await insertSource(sql, NEWS);
    const row = (flow: string, value: string, scale: number): TradeRow => ({
      source: NEWS,
      reporter,
      partner: 'CHN',
      flow,
      year: 2031,
      value,
      scale,
    });
    // 2.17 billion against 699.3 + 1,496.2 million: two units of its last digit short.
    await insertTradeRows(sql, [row('turnover', '2.17', 9), row('export', '699.3', 6), row('import', '1496.2', 6)]);
  });

  afterAll(() => tearDown(sql, [reporter], [NEWS]));

  it('fails a total further off than one unit of its last digit', async () => {
    const check = inEnglish(await getStatedTurnoverPartsCheck());
    expect(findItem(check, (i) => i.title.includes(NEWS)).outcome).toBe('fail');
    expect(check.outcome).toBe('fail');
  });
});
