import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleRows, articleValue } from '@/lib/testing/article-data';
import {
  findItem,
  inEnglish,
  insertSource,
  setUpReporter,
  statOf,
  tearDown,
  valueOf,
} from '@/lib/testing/consistency-fixtures';
import { connectTestDatabase } from '@/lib/testing/database';
import { insertTradeRows, type TradeRow } from '@/lib/testing/trade-fixtures';
import { getStatedTotalsCheck } from './stated-totals';

const sql = connectTestDatabase();

afterAll(async () => {
  await sql.end();
});

describe('on the bundled data', () => {
  it('fails article 003’s establishments abroad: the four types it lists do not add up to its total', async () => {
    const check = inEnglish(await getStatedTotalsCheck());
    const item = findItem(check, (i) => i.title.startsWith('diplomatic establishments abroad'));
    const types = ['embassies_abroad', 'diplomatic_missions_abroad', 'consulates_general_abroad', 'consulates_abroad'];
    const listed = types.map((flow) => articleValue({ flow }));
    const total = articleValue({ flow: 'diplomatic_establishments_abroad' });
    expect(total).not.toBe(listed.reduce((a, b) => a + b, 0));
    expect(item.outcome).toBe('fail');
    expect(valueOf(item, 'stated total')?.value).toBe(total);
    expect(item.values.filter((v) => v.role === 'listed item').map((v) => v.value)).toEqual(listed);
    expect(item.difference?.value).toBe(total - listed.reduce((a, b) => a + b, 0));
    expect(check.outcome).toBe('fail');
  });

  it('checks only totals the sources state; totals the editors counted from the list are not a check', async () => {
    const check = inEnglish(await getStatedTotalsCheck());
    const counted = articleRows().filter((r) => r.partner_code === 'AGG_WORLD' && r.flow === 'embassies_planned');
    expect(counted.every((r) => r.derivation === 'DERIVED')).toBe(true);
    expect(statOf(check, 'totals counted from their own list (not checked)')).toBe(counted.length);
    expect(check.items.some((i) => i.title.startsWith('embassies planned'))).toBe(false);
    expect(findItem(check, (i) => i.title.startsWith('trade representations in kaz')).outcome).toBe('pass');
    expect(findItem(check, (i) => i.title.startsWith('honorary consulates in partner')).outcome).toBe('pass');
  });
});

describe('with a reporter of its own', () => {
  let reporter = '';
  const NEWS = `test_totals_${process.env.VITEST_POOL_ID ?? '0'}_${process.pid}`;

  beforeAll(async () => {
    reporter = await setUpReporter(sql, 'totals');
    await insertSource(sql, NEWS);
    const count = (
      partner: string,
      year: number,
      value: number,
      derivation: TradeRow['derivation'] = 'PUBLISHED',
    ): TradeRow => ({
      source: NEWS,
      reporter,
      partner,
      flow: 'embassies_planned',
      year,
      value,
      unit: 'count',
      scale: 0,
      derivation,
    });
    await insertTradeRows(sql, [
      // 2031: three stated, two listed.
      count('AGG_WORLD', 2031, 3),
      count('CHN', 2031, 1),
      count('RUS', 2031, 1),
      // 2032: the total counted from the list: not a check.
      count('AGG_WORLD', 2032, 2, 'DERIVED'),
      count('CHN', 2032, 1),
      count('RUS', 2032, 1),
    ]);
  });

  afterAll(() => tearDown(sql, [reporter], [NEWS]));

  it('fails a stated total its list does not reach, and leaves a counted total alone', async () => {
    const check = inEnglish(await getStatedTotalsCheck());
    const mine = check.items.filter((i) => i.title.includes(NEWS));
    expect(mine.map((i) => [i.title, i.outcome])).toEqual([
      [`embassies planned, FY 2031 (${NEWS}): total vs the countries listed`, 'fail'],
    ]);
  });
});
