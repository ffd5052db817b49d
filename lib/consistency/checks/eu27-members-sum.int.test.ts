import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findItem, inEnglish, setUpReporter, tearDown, valueOf } from '@/lib/testing/consistency-fixtures';
import { connectTestDatabase } from '@/lib/testing/database';
import { sharedRows } from '@/lib/testing/shared-data';
import { BNS, BNS_EU27, insertTradeRows, type TradeRow } from '@/lib/testing/trade-fixtures';
import { getEu27MembersSumCheck } from './eu27-members-sum';

const sql = connectTestDatabase();

afterAll(async () => {
  await sql.end();
});

describe('on the bundled data', () => {
  it('sums the 27 member rows for every EU-27 year and flow of the derived file', async () => {
    const check = inEnglish(await getEu27MembersSumCheck());
    expect(check.outcome).toBe('pass');
    expect(check.items).toHaveLength(sharedRows('derived_eu27_from_bns_2020_2025.csv').length);
    for (const entry of check.items) expect(valueOf(entry, 'sum of members')?.label).toMatch(/27 of 27 members/);
  });
});

describe('with a reporter of its own', () => {
  let reporter = '';
  let members: string[] = [];

  beforeAll(async () => {
    reporter = await setUpReporter(sql, 'eu27');
    members = (
      await sql<{ code: string }[]>`
        SELECT member_code AS code FROM group_membership
        WHERE group_code = 'AGG_EU27' AND valid_from <= '2031-01-01' AND (valid_to IS NULL OR valid_to >= '2033-12-31')
        ORDER BY member_code`
    ).map((r) => r.code);
    const memberRows = (year: number, codes: readonly string[]): TradeRow[] =>
      codes.map((partner) => ({ source: BNS, reporter, partner, flow: 'export', year, value: 1 }));
    const total = (year: number, value: number): TradeRow => ({
      source: BNS_EU27,
      reporter,
      partner: 'AGG_EU27',
      flow: 'export',
      year,
      value,
      derivation: 'DERIVED',
    });
    await insertTradeRows(sql, [
      ...memberRows(2031, members),
      total(2031, members.length),
      ...memberRows(2032, members),
      total(2032, members.length - 1),
      ...memberRows(2033, members.slice(1)),
      total(2033, members.length - 1),
    ]);
  });

  afterAll(() => tearDown(sql, [reporter]));

  it('passes the sum of every member, fails a wrong total and a missing member', async () => {
    expect(members).toHaveLength(27);
    const check = inEnglish(await getEu27MembersSumCheck());
    const year = (y: number) => findItem(check, (i) => i.title === `${reporter} → AGG_EU27 exports, FY ${y}`);
    expect(year(2031).outcome).toBe('pass');
    expect(year(2032).outcome).toBe('fail');
    expect(year(2033).outcome).toBe('fail');
    expect(valueOf(year(2033), 'sum of members')?.note).toBe(`No row for: ${members[0]}.`);
  });
});
