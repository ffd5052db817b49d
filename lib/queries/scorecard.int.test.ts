import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BNS_BY_PARTNER_SOURCE_ID, IMF_DOTS_SOURCE_ID } from '@/lib/constants';
import { db } from '@/lib/db';
import { SCORECARD_DEFAULTS, type ScorecardParams } from '@/lib/search-params/partners';
import { connectTestDatabase } from '@/lib/testing/database';
import { getScorecard, getScorecardYears, streamScorecard } from './scorecard';

// The scorecard reads the official sources by id, so the fixtures are rows of those sources for
// partners of their own (unique per worker), removed afterwards; world totals come from the
// seeded monthly series, which the tests recompute independently.
const sql = connectTestDatabase();
const TAG = `${process.env.VITEST_POOL_ID ?? '0'}${process.pid}`.replace(/\D/g, '').slice(-6);
const ALPHA = `AGG_TESTA${TAG}`;
const BETA = `AGG_TESTB${TAG}`;

const params = (overrides: Partial<ScorecardParams> = {}): ScorecardParams => ({
  ...SCORECARD_DEFAULTS,
  sort: [...SCORECARD_DEFAULTS.sort],
  q: `TESTCOUNTRY${TAG}`,
  ...overrides,
});

async function insert(
  source: string,
  partner: string,
  flow: string,
  year: number,
  value: string,
  scale: number,
  flag = '',
) {
  await sql`
    INSERT INTO observation (source_id, reporter_code, partner_code, indicator_code, year, period, period_kind, period_key, value, unit, scale, flag, is_estimate)
    VALUES (${source}, 'KAZ', ${partner}, ${flow}, ${year}, 'FY', 'YEAR', ${`${year}|FY`}, ${value}, 'USD', ${scale}, ${flag}, ${flag === 'e'})`;
}

beforeAll(async () => {
  await sql`INSERT INTO partner (code, name, kind) VALUES (${ALPHA}, ${`Alpha TESTCOUNTRY${TAG}`}, 'COUNTRY'), (${BETA}, ${`Beta TESTCOUNTRY${TAG}`}, 'COUNTRY')`;
  // Alpha: IMF through 2020 (USD million), the bureau from 2021 (USD thousand).
  await insert(IMF_DOTS_SOURCE_ID, ALPHA, 'turnover', 2020, '100', 6);
  await insert(IMF_DOTS_SOURCE_ID, ALPHA, 'turnover', 2019, '80', 6, 'e');
  await insert(BNS_BY_PARTNER_SOURCE_ID, ALPHA, 'turnover', 2021, '121000', 3);
  await insert(BNS_BY_PARTNER_SOURCE_ID, ALPHA, 'export', 2021, '100000', 3);
  await insert(BNS_BY_PARTNER_SOURCE_ID, ALPHA, 'import', 2021, '21000', 3);
  // Beta: only 2021, and an export without import (no turnover, no balance).
  await insert(BNS_BY_PARTNER_SOURCE_ID, BETA, 'export', 2021, '5000', 3);
  await sql`INSERT INTO group_membership (group_code, member_code, valid_from) VALUES ('AGG_EAEU', ${ALPHA}, '2021-01-01'), ('AGG_CIS', ${BETA}, '2021-03-01')`;
});

afterAll(async () => {
  await sql`DELETE FROM observation WHERE partner_code IN (${ALPHA}, ${BETA})`;
  await sql`DELETE FROM group_membership WHERE member_code IN (${ALPHA}, ${BETA})`;
  await sql`DELETE FROM partner WHERE code IN (${ALPHA}, ${BETA})`;
  await sql.end();
  await db.$disconnect();
});

describe('getScorecard', () => {
  it('derives 2021 world turnover from 12 months of bureau totals and computes share, balance, change and growth', async () => {
    const [monthly] = await sql<{ total: string; months: string }[]>`
      SELECT (sum(value * power(10::numeric, scale)) / 1e6)::text AS total, count(*)::text AS months
      FROM observation WHERE source_id = 'bns_446905_monthly_via_makenerzhan' AND partner_code = 'AGG_WORLD' AND year = 2021`;
    expect(monthly?.months).toBe('24');
    const card = await getScorecard({ year: 2021, params: params({ window: 3 }) });
    expect(card.world).toMatchObject({ derived: true, sourceId: 'bns_446905_monthly_via_makenerzhan', months: 12 });
    expect(card.world.turnoverUsdMn).toBeCloseTo(Number(monthly?.total), 6);

    const alpha = card.rows.find((r) => r.code === ALPHA);
    expect(alpha).toMatchObject({
      turnoverUsdMn: 121,
      exportUsdMn: 100,
      importUsdMn: 21,
      balanceUsdMn: 79,
      previousTurnoverUsdMn: 100,
      groups: ['AGG_EAEU'],
    });
    expect(alpha?.share).toBeCloseTo(121 / Number(monthly?.total), 12);
    expect(alpha?.change).toBeCloseTo(0.21, 12);
    // 2020 is IMF, 2021 the bureau: the comparison crosses sources and says so.
    expect(alpha?.changeSourceBreak).toBe(true);
    // No 2018 value: no growth rate over 2018-2021.
    expect(alpha?.cagr).toBeNull();

    const beta = card.rows.find((r) => r.code === BETA);
    expect(beta).toMatchObject({
      turnoverUsdMn: null,
      exportUsdMn: 5,
      balanceUsdMn: null,
      share: null,
      rank: null,
      groups: [],
    });
  });

  it('uses the IMF world row through 2020 and computes compound growth over the window', async () => {
    const card = await getScorecard({ year: 2020, params: params({ window: 1 }) });
    expect(card.world).toMatchObject({ derived: false, sourceId: IMF_DOTS_SOURCE_ID });
    const alpha = card.rows.find((r) => r.code === ALPHA);
    expect(alpha?.cagr).toBeCloseTo(100 / 80 - 1, 12);
    expect(alpha?.changeSourceBreak).toBe(false);
  });

  it('shows no share for a year whose months are incomplete, and says how many there are', async () => {
    const card = await getScorecard({ year: 2026, params: params() });
    expect(card.world.turnoverUsdMn).toBeNull();
    expect(card.world.months).toBe(6);
  });

  it('ranks countries by turnover among all partners of the year, and the rank change against the year before', async () => {
    const card = await getScorecard({
      year: 2021,
      params: params({ q: undefined, size: 100, sort: [{ id: 'rank', desc: false }] }),
    });
    const ranks = card.rows.filter((r) => r.rank !== null).map((r) => r.rank);
    expect(ranks.slice(0, 3)).toEqual([1, 2, 3]);
    for (const row of card.rows) {
      if (row.rank !== null && row.previousRank !== null) expect(row.rankChange).toBe(row.previousRank - row.rank);
    }
    // Groups are never listed (nor summed) among countries.
    expect(card.rows.some((r) => r.code.startsWith('AGG_') && !r.code.startsWith('AGG_TEST'))).toBe(false);
  });

  it('filters by group membership covering the whole year, and by name', async () => {
    const eaeu = await getScorecard({ year: 2021, params: params({ group: ['AGG_EAEU'] }) });
    expect(eaeu.rows.map((r) => r.code)).toEqual([ALPHA]);
    // Beta joined the CIS in March 2021: not a member for 2021.
    const cis = await getScorecard({ year: 2021, params: params({ group: ['AGG_CIS'] }) });
    expect(cis.rows).toEqual([]);
    const byName = await getScorecard({ year: 2021, params: params({ q: `Beta TESTCOUNTRY${TAG}` }) });
    expect(byName.rows.map((r) => r.code)).toEqual([BETA]);
  });

  it('sorts by several keys with missing values last, pages in SQL, and streams the same order', async () => {
    const sorted = await getScorecard({ year: 2021, params: params({ sort: [{ id: 'turnover', desc: false }] }) });
    expect(sorted.rows.map((r) => r.code)).toEqual([ALPHA, BETA]);
    const paged = await getScorecard({
      year: 2021,
      params: params({ size: 10, page: 1, sort: [{ id: 'name', desc: true }] }),
    });
    expect(paged.rows.map((r) => r.code)).toEqual([BETA, ALPHA]);
    expect(paged.total).toBe(2);
    const streamed: string[] = [];
    for await (const batch of streamScorecard(
      { year: 2021, params: params({ sort: [{ id: 'name', desc: true }] }) },
      1,
    ))
      streamed.push(...batch.map((r) => r.code));
    expect(streamed).toEqual([BETA, ALPHA]);
  });

  it('lists the EU as a group, from the derived EU-27 totals after 2020', async () => {
    const card = await getScorecard({ year: 2025, params: params({ q: undefined, view: 'groups' }) });
    const eu = card.rows.find((r) => r.code === 'AGG_EU');
    expect(eu?.turnoverUsdMn).toBeGreaterThan(0);
    expect(eu?.sourceId).toBe('derived_eu27_from_bns_312101');
    expect(card.rows.every((r) => r.rank === null)).toBe(true);
  });

  it('returns the sparkline points of the page only', async () => {
    const card = await getScorecard({ year: 2021, params: params() });
    expect(card.sparklines[ALPHA]).toEqual([
      { year: 2019, valueUsdMn: 80 },
      { year: 2020, valueUsdMn: 100 },
      { year: 2021, valueUsdMn: 121 },
    ]);
    expect(Object.keys(card.sparklines)).toEqual([ALPHA]);
  });
});

describe('getScorecardYears', () => {
  it('lists the years of the official series', async () => {
    const years = await getScorecardYears();
    expect(years[0]).toBe(1992);
    expect(years.at(-1)).toBe(2025);
  });
});
