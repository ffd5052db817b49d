import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BNS_BY_PARTNER_SOURCE_ID, IMF_DOTS_SOURCE_ID } from '@/lib/constants';
import { PARTNER_LIST_DEFAULTS, type PartnerListParams } from '@/lib/search-params/partner-list';
import { connectTestDatabase } from '@/lib/testing/database';
import {
  deleteReporterRows,
  refreshSeries,
  registerOfficialSources,
  testReporterCode,
} from '@/lib/testing/trade-fixtures';
import { sharedDir } from '@/lib/testing/shared-dir';
import { getPartnerList, getPartnerListRows, getPartnerListYears, streamPartnerList } from './partner-list';

// The fixtures are rows of the official sources under a reporter of their own (unique per
// worker), with partners of their own, removed afterwards; the bundled data is never touched.
const sql = connectTestDatabase();
const R = testReporterCode('partnerList');
const TAG = `${process.env.VITEST_POOL_ID ?? '0'}${process.pid}`.replace(/\D/g, '').slice(-6);
const ALPHA = `AGG_TESTA${TAG}`;
const BETA = `AGG_TESTB${TAG}`;
const GAMMA = `AGG_TESTG${TAG}`;

const params = (overrides: Partial<PartnerListParams> = {}): PartnerListParams => ({
  ...PARTNER_LIST_DEFAULTS,
  sort: [...PARTNER_LIST_DEFAULTS.sort],
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
    VALUES (${source}, ${R}, ${partner}, ${flow}, ${year}, 'FY', 'YEAR', ${`${year}|FY`}, ${value}, 'USD', ${scale}, ${flag}, ${flag === 'e'})`;
}

beforeAll(async () => {
  await registerOfficialSources(sql, R);
  await sql`INSERT INTO partner (code, name, kind) VALUES (${ALPHA}, ${`Alpha TESTCOUNTRY${TAG}`}, 'COUNTRY'),
    (${BETA}, ${`Beta TESTCOUNTRY${TAG}`}, 'COUNTRY'), (${GAMMA}, ${`Gamma TESTOTHER${TAG}`}, 'COUNTRY')`;
  // Alpha: IMF through 2020 (USD million), the bureau from 2021 (USD thousand).
  await insert(IMF_DOTS_SOURCE_ID, ALPHA, 'turnover', 2020, '100', 6);
  await insert(IMF_DOTS_SOURCE_ID, ALPHA, 'turnover', 2019, '80', 6, 'e');
  await insert(IMF_DOTS_SOURCE_ID, 'AGG_WORLD', 'turnover', 2019, '800', 6);
  await insert(IMF_DOTS_SOURCE_ID, 'AGG_WORLD', 'turnover', 2020, '1000', 6);
  await insert(BNS_BY_PARTNER_SOURCE_ID, ALPHA, 'turnover', 2021, '121000', 3);
  await insert(BNS_BY_PARTNER_SOURCE_ID, ALPHA, 'export', 2021, '100000', 3);
  await insert(BNS_BY_PARTNER_SOURCE_ID, ALPHA, 'import', 2021, '21000', 3);
  // Beta: only 2021, and an export without import (no turnover, no balance).
  await insert(BNS_BY_PARTNER_SOURCE_ID, BETA, 'export', 2021, '5000', 3);
  // Gamma makes up the rest of the bureau's 2021 table, whose total is the sum of its partners.
  await insert(BNS_BY_PARTNER_SOURCE_ID, GAMMA, 'turnover', 2021, '79000', 3);
  await sql`INSERT INTO group_membership (group_code, member_code, valid_from) VALUES ('AGG_EAEU', ${ALPHA}, '2021-01-01'), ('AGG_CIS', ${BETA}, '2021-03-01')`;
  await refreshSeries(sql);
});

afterAll(async () => {
  await deleteReporterRows(sql, [R, ALPHA, BETA, GAMMA]);
  await sql.end();
});

describe('getPartnerList', () => {
  it('takes 2021 shares of the bureau’s own total and computes share, balance, change and growth', async () => {
    const card = await getPartnerList({ reporter: R, year: 2021, params: params({ window: 3 }) });
    // 121 (Alpha) + 79 (Gamma): Beta has no turnover, so it adds nothing to the total's turnover.
    expect(card.world).toMatchObject({ derived: true, sourceId: BNS_BY_PARTNER_SOURCE_ID, turnoverUsdMn: 200 });

    const alpha = card.rows.find((r) => r.code === ALPHA);
    expect(alpha).toMatchObject({
      turnoverUsdMn: 121,
      exportUsdMn: 100,
      importUsdMn: 21,
      balanceUsdMn: 79,
      previousTurnoverUsdMn: 100,
      groups: ['AGG_EAEU'],
    });
    expect(alpha?.share).toBeCloseTo(121 / 200, 12);
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

  it('uses the IMF world row in the IMF years and computes compound growth over the window', async () => {
    const card = await getPartnerList({ reporter: R, year: 2020, params: params({ window: 1, min: 0 }) });
    expect(card.world).toMatchObject({ derived: false, sourceId: IMF_DOTS_SOURCE_ID, turnoverUsdMn: 1000 });
    const alpha = card.rows.find((r) => r.code === ALPHA);
    expect(alpha?.share).toBeCloseTo(0.1, 12);
    expect(alpha?.cagr).toBeCloseTo(100 / 80 - 1, 12);
    expect(alpha?.changeSourceBreak).toBe(false);
  });

  it('ranks growth only between sizeable figures: USD 100 million in both years by default', async () => {
    // Alpha's base (80 in 2019) is below the default threshold: no growth rate to rank.
    const card = await getPartnerList({ reporter: R, year: 2020, params: params({ window: 1 }) });
    expect(card.rows.find((r) => r.code === ALPHA)?.cagr).toBeNull();
    const lower = await getPartnerList({ reporter: R, year: 2020, params: params({ window: 1, min: 10 }) });
    expect(lower.rows.find((r) => r.code === ALPHA)?.cagr).toBeCloseTo(0.25, 12);
  });

  it('never takes a growth rate from an incomplete base year', async () => {
    // Russia's base year 2010 (a window of 15 from 2025) is the customs-union break: no rate.
    const card = await getPartnerList({ year: 2025, params: params({ q: 'RUS', window: 15, min: 0 }) });
    expect(card.rows[0]?.code).toBe('RUS');
    expect(card.rows[0]?.startTurnoverUsdMn).toBeGreaterThan(0);
    expect(card.rows[0]?.cagr).toBeNull();
    // China's 2010 is complete: it has one.
    const china = await getPartnerList({ year: 2025, params: params({ q: 'CHN', window: 15, min: 0 }) });
    expect(china.rows[0]?.cagr).not.toBeNull();
  });

  it('shows no share for a year the official series does not have', async () => {
    const card = await getPartnerList({ year: 2026, params: params() });
    expect(card.world.turnoverUsdMn).toBeNull();
    expect(await getPartnerListYears(R)).toEqual([2019, 2020, 2021]);
  });

  it('ranks countries by turnover among all partners of the year, and the rank change against the year before', async () => {
    const card = await getPartnerList({
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
    const eaeu = await getPartnerList({ reporter: R, year: 2021, params: params({ group: ['AGG_EAEU'] }) });
    expect(eaeu.rows.map((r) => r.code)).toEqual([ALPHA]);
    // Beta joined the CIS in March 2021: not a member for 2021.
    const cis = await getPartnerList({ reporter: R, year: 2021, params: params({ group: ['AGG_CIS'] }) });
    expect(cis.rows).toEqual([]);
    const byName = await getPartnerList({ reporter: R, year: 2021, params: params({ q: `Beta TESTCOUNTRY${TAG}` }) });
    expect(byName.rows.map((r) => r.code)).toEqual([BETA]);
  });

  it('sorts by several keys with missing values last, pages in SQL, and streams the same order', async () => {
    const sorted = await getPartnerList({
      reporter: R,
      year: 2021,
      params: params({ sort: [{ id: 'turnover', desc: false }] }),
    });
    expect(sorted.rows.map((r) => r.code)).toEqual([ALPHA, BETA]);
    const paged = await getPartnerList({
      reporter: R,
      year: 2021,
      params: params({ size: 10, page: 1, sort: [{ id: 'name', desc: true }] }),
    });
    expect(paged.rows.map((r) => r.code)).toEqual([BETA, ALPHA]);
    expect(paged.total).toBe(2);
    const streamed: string[] = [];
    for await (const batch of streamPartnerList(
      { reporter: R, year: 2021, params: params({ sort: [{ id: 'name', desc: true }] }) },
      1,
    ))
      streamed.push(...batch.map((r) => r.code));
    expect(streamed).toEqual([BETA, ALPHA]);
  });

  it('lists the EU as a group, from the derived EU-27 totals after 2020', async () => {
    const card = await getPartnerList({ year: 2025, params: params({ q: undefined, view: 'groups' }) });
    const eu = card.rows.find((r) => r.code === 'AGG_EU');
    expect(eu?.turnoverUsdMn).toBeGreaterThan(0);
    expect(eu?.sourceId).toBe('derived_eu27_from_bns_312101');
    expect(card.rows.every((r) => r.rank === null)).toBe(true);
  });

  it('returns the sparkline points of the page only', async () => {
    const card = await getPartnerList({ reporter: R, year: 2021, params: params() });
    expect(card.sparklines[ALPHA]).toEqual([
      { year: 2019, valueUsdMn: 80 },
      { year: 2020, valueUsdMn: 100 },
      { year: 2021, valueUsdMn: 121 },
    ]);
    expect(Object.keys(card.sparklines)).toEqual([ALPHA]);
  });

  it('lists about 200 partners in 2023: the bureau’s whole table', async () => {
    const card = await getPartnerList({ year: 2023, params: params({ q: undefined, size: 100 }) });
    const shared = readFileSync(path.join(sharedDir(), 'data', 'bns_trade_by_partner_2020_2025.csv'));
    const listed = new Set(
      (parse(shared, { columns: true }) as Record<string, string>[])
        .filter((r) => r.year === '2023' && r.flow === 'turnover')
        .map((r) => r.partner_code),
    );
    expect(listed.size).toBeGreaterThan(190);
    expect(card.total).toBe(listed.size);
  });

  it('gives every row of the year unpaged, or only the codes asked for (the map’s rows)', async () => {
    const all = await getPartnerListRows({ year: 2023, params: params({ q: undefined, size: 10 }) });
    const paged = await getPartnerList({ year: 2023, params: params({ q: undefined, size: 10 }) });
    expect(all).toHaveLength(paged.total);
    expect(all.slice(0, 10)).toEqual(paged.rows);
    const eu = await getPartnerListRows({
      year: 2023,
      params: params({ q: undefined, view: 'groups' }),
      codes: ['AGG_EU'],
    });
    expect(eu.map((r) => r.code)).toEqual(['AGG_EU']);
    expect(eu[0]?.turnoverUsdMn).toBe(
      (await getPartnerList({ year: 2023, params: params({ q: undefined, view: 'groups', size: 100 }) })).rows.find(
        (r) => r.code === 'AGG_EU',
      )?.turnoverUsdMn,
    );
  });

  it('names and sorts partners in the page’s language, and finds them by their name in any language', async () => {
    const ru = await getPartnerList({ year: 2023, locale: 'ru', params: params({ q: 'Герм' }) });
    expect(ru.rows.map((r) => [r.code, r.name])).toEqual([['DEU', 'Германия']]);
    const kk = await getPartnerList({ year: 2023, locale: 'kk', params: params({ q: 'Germany' }) });
    expect(kk.rows.map((r) => [r.code, r.name])).toEqual([['DEU', 'Германия']]);
    // An English page (and the export, English) finds the same rows, named in English.
    const en = await getPartnerList({ year: 2023, params: params({ q: 'Герм' }) });
    expect(en.rows.map((r) => [r.code, r.name])).toEqual([['DEU', 'Germany']]);
    const exported = [];
    for await (const batch of streamPartnerList({ year: 2023, params: params({ q: 'Қытай' }) }))
      exported.push(...batch);
    expect(exported.map((r) => [r.code, r.name])).toEqual([['CHN', 'China']]);
    const sorted = await getPartnerList({
      year: 2023,
      locale: 'ru',
      params: params({ q: undefined, size: 100, sort: [{ id: 'name', desc: false }] }),
    });
    const names = sorted.rows.map((r) => r.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('ru').compare));
    // Албания (Albania) before Афганистан (Afghanistan): the Russian order, not the English one.
    expect(names.indexOf('Албания')).toBeGreaterThanOrEqual(0);
    expect(names.indexOf('Албания')).toBeLessThan(names.indexOf('Афганистан'));
  });

  it('sorts Kazakh names in the Kazakh alphabet, whatever the database collates', async () => {
    // Kazakh alphabet: А Ә Б … И Й К Қ … О Ө … У Ұ Ү …; PostgreSQL's root collation put Ү before Ұ.
    const list = await getPartnerList({
      year: 2023,
      locale: 'kk',
      codes: ['IND', 'GBR', 'CHN', 'CYP', 'AZE', 'UZB'],
      params: params({ q: undefined, size: 100, sort: [{ id: 'name', desc: false }] }),
    });
    expect(list.rows.map((r) => r.name)).toEqual([
      'Әзірбайжан',
      'Кипр',
      'Қытай',
      'Өзбекстан',
      'Ұлыбритания',
      'Үндістан',
    ]);
    const reversed = await getPartnerList({
      year: 2023,
      locale: 'kk',
      codes: ['IND', 'GBR'],
      params: params({ q: undefined, size: 100, sort: [{ id: 'name', desc: true }] }),
    });
    expect(reversed.rows.map((r) => r.code)).toEqual(['IND', 'GBR']);
  });

  it('takes a 2020 share as the bureau’s partner value over the bureau’s own total', async () => {
    const rows = (
      parse(readFileSync(path.join(sharedDir(), 'data', 'bns_trade_by_partner_2020_2025.csv')), {
        columns: true,
      }) as Record<string, string>[]
    ).filter((r) => r.year === '2020' && r.flow === 'turnover');
    const usdMn = (r: Record<string, string>) => (Number(r.value) * Number(r.scale)) / 1e6;
    const total = rows.reduce((sum, r) => sum + usdMn(r), 0);
    const china = rows.find((r) => r.partner_code === 'CHN');
    const card = await getPartnerList({ year: 2020, params: params({ q: 'CHN' }) });
    expect(card.world.turnoverUsdMn).toBeCloseTo(total, 6);
    expect(card.world.turnoverUsdMn).toBeCloseTo(86469.8, 1);
    expect(card.rows[0]?.share).toBeCloseTo(usdMn(china!) / total, 12);
  });
});

describe('getPartnerListYears', () => {
  it('lists the years of the official series', async () => {
    const years = await getPartnerListYears();
    expect(years[0]).toBe(1992);
    expect(years.at(-1)).toBe(2025);
  });
});
