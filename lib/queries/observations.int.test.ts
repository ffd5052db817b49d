import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTidyCsv } from '@/lib/import/tidy-import';
import { copyObservationsCsv } from '@/lib/export/observations-csv';
import { budgetedSql, sql as appSql } from '@/lib/sql';
import { testDownload } from '@/lib/testing/download';
import { connectTestDatabase } from '@/lib/testing/database';
import type { ObservationQuery } from '@/lib/validations/observations';
import { PAGE_QUERY_BUDGET_MS } from '@/lib/validations/observation-parameters';
import {
  findUnknownCodes,
  getObservationFacets,
  getObservationsPage,
  isOverBudget,
  streamObservations,
} from './observations';
import { partnerNames } from './partner-names';

// The tests own a source of their own (unique per worker): every query filters on it, so the
// bundled data never changes what they see.
const sql = connectTestDatabase();
const SOURCE = `test_data_${process.env.VITEST_POOL_ID ?? '0'}_${process.pid}`;
const dir = mkdtempSync(path.join(os.tmpdir(), 'data-'));

interface Fixture {
  reporter?: string;
  partner: string;
  flow?: string;
  year: number | null;
  period?: string;
  value: string;
  scale?: number;
  flag?: string;
  estimate?: boolean;
  derivation?: 'PUBLISHED' | 'DERIVED' | 'INFERRED';
  note?: string;
  series?: string;
}

const FIXTURES: Fixture[] = [
  { partner: 'DEU', year: 2013, value: '900', scale: 6, note: 'FOB' },
  // Larger in units though smaller as published: 2 billion > 900 million.
  { partner: 'FRA', year: 2013, value: '2', scale: 9, flag: 'rounded', note: '=cmd|50% of it' },
  // Croatia joined the EU on 1 July 2013; the United Kingdom left on 31 January 2020.
  { partner: 'HRV', year: 2013, value: '10', scale: 6, flag: 'e', estimate: true },
  { partner: 'HRV', year: 2014, value: '11', scale: 6 },
  { partner: 'GBR', year: 2013, value: '-5.25', scale: 6, flag: 'derived', derivation: 'DERIVED', flow: 'turnover' },
  { partner: 'GBR', year: 2020, value: '7', scale: 6 },
  // Mirror data: France's report of its trade with Kazakhstan.
  { reporter: 'FRA', partner: 'KAZ', year: 2014, value: '3', scale: 6 },
  { partner: 'CHN', year: null, period: 'cumulative 2005-2023', value: '4', scale: 0, series: 'a' },
  { partner: 'CHN', year: null, period: 'cumulative 2005-2023', value: '5', scale: 0, series: 'b' },
  ...Array.from({ length: 21 }, (_, i): Fixture => ({
    partner: 'USA',
    year: 1995 + i,
    value: String(100 + i),
    scale: 6,
  })),
];

const q = (extra: Partial<ObservationQuery> = {}): ObservationQuery => ({ source: [SOURCE], format: 'json', ...extra });

beforeAll(async () => {
  await sql`
    INSERT INTO source (id, kind, title, publisher, attribution)
    VALUES (${SOURCE}, 'RESEARCH_DATASET', 'Data test source', 'Test publisher', 'Test attribution.')`;
  for (const f of FIXTURES) {
    const period = f.period ?? 'FY';
    await sql`
      INSERT INTO observation (source_id, reporter_code, partner_code, indicator_code, year, period, period_kind, period_start, period_end,
                               period_key, series_key, value, unit, scale, flag, is_estimate, derivation, note, qualifier)
      VALUES (${SOURCE}, ${f.reporter ?? 'KAZ'}, ${f.partner}, ${f.flow ?? 'export'}, ${f.year}, ${period}, ${f.year === null ? 'MULTI_YEAR' : 'YEAR'},
              ${f.year === null ? null : `${f.year}-01-01`}, ${f.year === null ? null : `${f.year}-12-31`}, ${`${f.year ?? ''}|${period}`},
              ${f.series ?? ''}, ${f.value}, 'USD', ${f.scale ?? 6}, ${f.flag ?? ''}, ${f.estimate ?? false}, ${f.derivation ?? 'PUBLISHED'},
              ${f.note ?? null}, ${f.estimate ? 'ESTIMATE' : f.flag === 'rounded' ? 'ABOUT' : 'EXACT'})`;
  }
});

afterAll(async () => {
  await sql`DELETE FROM observation_revision WHERE observation_id IN (SELECT id FROM observation WHERE source_id = ${SOURCE})`;
  await sql`DELETE FROM observation WHERE source_id = ${SOURCE}`;
  await sql`DELETE FROM import_batch WHERE source_id = ${SOURCE} OR file_name LIKE ${`%${SOURCE}%`}`;
  await sql`DELETE FROM source WHERE id = ${SOURCE}`;
  await sql.end();
  await appSql.end();
});

const codes = (rows: { partner_code: string; year: number | null }[]) =>
  rows.map((r) => `${r.partner_code}${r.year ?? ''}`);

describe('getObservationsPage', () => {
  it('counts every matching row and pages in the natural order by default', async () => {
    const all = await getObservationsPage(q({ size: 100 }));
    expect(all.total).toBe(FIXTURES.length);
    expect(all.pageCount).toBe(1);
    const page2 = await getObservationsPage(q({ size: 10, page: 2 }));
    expect(page2).toMatchObject({ total: FIXTURES.length, page: 2, size: 10, pageCount: 3 });
    expect(page2.rows.map((r) => r.id)).toEqual(all.rows.slice(10, 20).map((r) => r.id));
  });

  it('sorts by several keys, values compared in units, missing years last', async () => {
    const byValue = await getObservationsPage(
      q({ size: 100, from: 2013, to: 2013, sort: [{ id: 'value', desc: true }] }),
    );
    expect(codes(byValue.rows)).toEqual(['FRA2013', 'DEU2013', 'USA2013', 'HRV2013', 'GBR2013']);
    const byYear = await getObservationsPage(
      q({
        size: 100,
        sort: [
          { id: 'year', desc: false },
          { id: 'partner', desc: true },
        ],
      }),
    );
    expect(codes(byYear.rows).slice(-2)).toEqual(['CHN', 'CHN']);
    const y2013 = codes(byYear.rows).filter((c) => c.endsWith('2013'));
    // Partner names descending within the year: United States, United Kingdom, Germany, France, Croatia.
    expect(y2013).toEqual(['USA2013', 'GBR2013', 'DEU2013', 'FRA2013', 'HRV2013']);
  });

  it('filters by group membership covering the whole year', async () => {
    const eu2013 = await getObservationsPage(q({ group: ['AGG_EU'], from: 2013, to: 2013 }));
    expect(codes(eu2013.rows).sort()).toEqual(['DEU2013', 'FRA2013', 'GBR2013']);
    const eu = await getObservationsPage(q({ group: ['AGG_EU'], size: 100 }));
    expect(codes(eu.rows)).toContain('HRV2014');
    expect(codes(eu.rows)).not.toContain('GBR2020');
  });

  it('filters by flags (any of them), source kind and text', async () => {
    const estimate = await getObservationsPage(q({ flags: ['estimate'] }));
    expect(codes(estimate.rows)).toEqual(['HRV2013']);
    const either = await getObservationsPage(q({ flags: ['derived', 'partner'] }));
    expect(codes(either.rows).sort()).toEqual(['GBR2013', 'KAZ2014']);
    expect(either.rows.find((r) => r.partner_code === 'KAZ')).toMatchObject({
      partner_reported: true,
      reporter_code: 'FRA',
    });
    expect((await getObservationsPage(q({ kind: ['RESEARCH_DATASET'] }))).total).toBe(FIXTURES.length);
    expect((await getObservationsPage(q({ kind: ['NEWS_ARTICLE'] }))).total).toBe(0);
    // "%" is a character, not a wildcard.
    expect(codes((await getObservationsPage(q({ q: '50%' }))).rows)).toEqual(['FRA2013']);
    expect((await getObservationsPage(q({ q: '5%' }))).total).toBe(0);
    expect(codes((await getObservationsPage(q({ q: 'croatia' }))).rows).sort()).toEqual(['HRV2013', 'HRV2014']);
  });

  it('sorts and searches partners by their names in the page language', async () => {
    // The bureau's Russian names, as the partner table holds them (its dictionary lists every
    // partner but Kazakhstan itself).
    const ru = new Map(
      (
        await sql<{ code: string; name_ru: string }[]>`
        SELECT code, name_ru FROM partner WHERE code IN ('DEU', 'FRA', 'HRV', 'GBR', 'CHN', 'USA')`
      ).map((p) => [p.code, p.name_ru]),
    );
    expect(ru.size).toBe(6);
    const partnersInOrder = (rows: { partner_code: string }[]) => [...new Set(rows.map((r) => r.partner_code))];
    const sort = [{ id: 'partner' as const, desc: false }];
    const russian = partnersInOrder((await getObservationsPage(q({ sort, size: 100 }), 'ru')).rows);
    const collator = new Intl.Collator('ru');
    expect(russian.filter((code) => ru.has(code))).toEqual(
      [...ru.keys()].sort((a, b) => collator.compare(ru.get(a) ?? '', ru.get(b) ?? '')),
    );
    // English sorts by the English names, which order these partners differently.
    const english = partnersInOrder((await getObservationsPage(q({ sort, size: 100 }))).rows);
    expect(english).not.toEqual(russian);
    expect(english.slice(0, 2)).toEqual(['CHN', 'HRV']);
    // A Russian name finds its rows on every page, and in the API (English) too.
    const hrvRu = ru.get('HRV')?.slice(0, 5) ?? 'missing';
    expect(codes((await getObservationsPage(q({ q: hrvRu }), 'ru')).rows).sort()).toEqual(['HRV2013', 'HRV2014']);
    expect(codes((await getObservationsPage(q({ q: hrvRu }))).rows).sort()).toEqual(['HRV2013', 'HRV2014']);
  });

  it('keeps exact decimals and says what each row is', async () => {
    const [gbr] = (await getObservationsPage(q({ partner: ['GBR'], from: 2013, to: 2013 }))).rows;
    expect(gbr).toMatchObject({
      value: '-5.25',
      scale: 6,
      flag: 'derived',
      derivation: 'DERIVED',
      is_estimate: false,
      source_kind: 'RESEARCH_DATASET',
    });
  });
});

describe('the page budget', () => {
  it('cuts a statement off after PAGE_QUERY_BUDGET_MS and says so, and lets a quicker one through', async () => {
    const over = budgetedSql`SELECT pg_sleep(${(PAGE_QUERY_BUDGET_MS + 1_000) / 1000})`.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isOverBudget(await over)).toBe(true);
    const [row] = await budgetedSql<{ ok: number }[]>`SELECT 1 AS ok FROM pg_sleep(0.05)`;
    expect(row?.ok).toBe(1);
    // The limit is the budgeted pool's own: the pages' pool keeps the server's default.
    const [budgeted] = await budgetedSql<{ ms: string }[]>`SELECT current_setting('statement_timeout') AS ms`;
    expect(budgeted?.ms).toBe(`${PAGE_QUERY_BUDGET_MS}ms`);
    const [setting] = await appSql<{ ms: string }[]>`SELECT current_setting('statement_timeout') AS ms`;
    expect(setting?.ms).not.toBe(`${PAGE_QUERY_BUDGET_MS}ms`);
  });

  it('gives a page and its total with overBudget false when within the budget', async () => {
    const page = await getObservationsPage(q({ sort: [{ id: 'value', desc: true }], q: 'FOB' }));
    expect(page.overBudget).toBe(false);
    expect(page.total).toBe(FIXTURES.filter((f) => f.note === 'FOB').length);
  });
});

describe('streamObservations', () => {
  it('streams every matching row in the order of the pages', async () => {
    const sort = [{ id: 'value' as const, desc: false }];
    const streamed: string[] = [];
    for await (const batch of streamObservations(q({ sort }), { db: appSql, batchSize: 7 }))
      streamed.push(...batch.map((r) => r.id));
    const paged = await getObservationsPage(q({ sort, size: 100 }));
    expect(streamed).toEqual(paged.rows.map((r) => r.id));
  });

  it('round-trips: export → import changes nothing → export gives the same bytes', async () => {
    // The API's CSV, written by PostgreSQL (COPY TO STDOUT).
    const exportCsv = async () =>
      new Response(await copyObservationsCsv(await testDownload(), q({ sort: [{ id: 'year', desc: true }] }))).text();
    const first = await exportCsv();
    const file = path.join(dir, `${SOURCE.replace(/\W/g, '_')}.csv`);
    writeFileSync(file, first);
    const summary = await importTidyCsv(sql, file);
    expect(summary).toMatchObject({
      rows: FIXTURES.length,
      inserted: 0,
      updated: 0,
      unchanged: FIXTURES.length,
      rejected: 0,
    });
    expect(await exportCsv()).toBe(first);
  });
});

describe('pages as a deferred join', () => {
  // Every row in the order of the whole statement (no LIMIT: every row's columns sorted at once),
  // the pages' expectation: each page must be its slice, whole rows alike.
  const everyRow = async (query: ObservationQuery, locale: 'en' | 'ru' = 'en') => {
    const rows = [];
    const names = await partnerNames(locale);
    for await (const batch of streamObservations(query, { db: appSql, batchSize: 1000, names })) rows.push(...batch);
    return rows;
  };
  /** Every page, or the first three and the last when `sample` (a large view). */
  const expectPagesToBeSlices = async (
    query: ObservationQuery,
    size: number,
    { locale = 'en', sample = false }: { locale?: 'en' | 'ru'; sample?: boolean } = {},
  ) => {
    const all = await everyRow(query, locale);
    expect(all.length).toBeGreaterThan(size);
    const last = Math.ceil(all.length / size);
    const pages = sample ? [1, 2, 3, last] : Array.from({ length: last }, (_, i) => i + 1);
    for (const page of pages) {
      const got = await getObservationsPage({ ...query, size, page }, locale);
      expect(got.total).toBe(all.length);
      expect(got.rows).toEqual(all.slice((page - 1) * size, page * size));
    }
    return all;
  };

  it('gives each page the slice of the whole ordered list, ties and missing keys included', async () => {
    const sorts: NonNullable<ObservationQuery['sort']>[] = [
      // Many rows share a year (2013) and two share none (CHN): the natural key orders them.
      [{ id: 'year', desc: true }],
      [
        { id: 'year', desc: false },
        { id: 'partner', desc: true },
      ],
      [{ id: 'value', desc: false }],
      [
        { id: 'flow', desc: true },
        { id: 'reporter', desc: false },
        { id: 'period', desc: true },
      ],
      [
        { id: 'source', desc: true },
        { id: 'unit', desc: false },
        { id: 'qualifier', desc: true },
      ],
    ];
    for (const sort of sorts) await expectPagesToBeSlices(q({ sort }), 7);
    // No sort: the natural key alone.
    await expectPagesToBeSlices(q(), 10);
    // Names in Russian order.
    await expectPagesToBeSlices(q({ sort: [{ id: 'partner', desc: false }] }), 10, { locale: 'ru' });
  });

  it('keeps the order the sort asks for, independently of the statement', async () => {
    const all = await expectPagesToBeSlices(q({ sort: [{ id: 'year', desc: true }] }), 7);
    const years = all.map((r) => r.year);
    const known = years.filter((y): y is number => y !== null);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    // Missing years last.
    expect(years.slice(known.length)).toEqual([null, null]);
    expect(all.map((r) => r.id).sort()).toEqual((await everyRow(q())).map((r) => r.id).sort());
  });

  it('pages filtered views the same way', async () => {
    await expectPagesToBeSlices(q({ partner: ['USA', 'HRV', 'GBR'], sort: [{ id: 'year', desc: true }] }), 10);
    await expectPagesToBeSlices(
      q({ kind: ['RESEARCH_DATASET'], from: 2000, sort: [{ id: 'source', desc: false }] }),
      10,
    );
    // The search finds every row through the source's title; the group keeps four.
    await expectPagesToBeSlices(q({ group: ['AGG_EU'], q: 'source', sort: [{ id: 'value', desc: true }] }), 1);
    // The data screen's default view on the bundled data: the official series, newest first.
    const official = await expectPagesToBeSlices(
      { format: 'json', flags: ['official'], sort: [{ id: 'year', desc: true }] },
      100,
      { sample: true },
    );
    expect(official.every((r) => r.is_official)).toBe(true);
  });
});

describe('findUnknownCodes and getObservationFacets', () => {
  it('names unknown codes per parameter', async () => {
    expect(await findUnknownCodes(q({ partner: ['DEU', 'ZZZ'], flow: ['export', 'nope'] }))).toEqual([
      { parameter: 'partner', codes: ['ZZZ'] },
      { parameter: 'flow', codes: ['nope'] },
    ]);
  });

  it('offers only codes that occur, with names', async () => {
    const facets = await getObservationFacets();
    expect(facets.sources).toContainEqual({ value: SOURCE, label: 'Data test source', kind: 'RESEARCH_DATASET' });
    expect(facets.reporters.map((r) => r.value)).toContain('FRA');
    expect(facets.partners.find((p) => p.value === 'HRV')?.label).toBe('Croatia');
    expect(facets.minYear).toBeLessThanOrEqual(1992);
  });
});

describe('the EU under one code, on the bundled data', () => {
  it('returns the EU over all years for partner=AGG_EU, each row naming its source and composition', async () => {
    const page = await getObservationsPage({
      format: 'json',
      reporter: ['KAZ'],
      partner: ['AGG_EU'],
      flow: ['turnover'],
      // The bundled sources only: other test files import EU rows of their own.
      source: ['imf_dots_2022_via_SamLeBlanc', 'derived_eu27_from_bns_312101'],
      size: 100,
      sort: [{ id: 'year', desc: false }],
    });
    const years = page.rows.map((r) => r.year);
    expect(Math.min(...(years as number[]))).toBe(1992);
    expect(Math.max(...(years as number[]))).toBe(2025);
    // The IMF's EU row to 2020 and the bureau-derived EU-27 sums from 2020, as stored.
    expect(new Set(page.rows.filter((r) => r.year === 2021).map((r) => [r.partner_code, r.source_id].join()))).toEqual(
      new Set(['AGG_EU27,derived_eu27_from_bns_312101']),
    );
    expect(page.rows.find((r) => r.year === 2019)?.partner_code).toBe('AGG_EU');
    // 2020 is in both; the official series uses the bureau-derived row.
    const in2020 = page.rows.filter((r) => r.year === 2020);
    expect(in2020.map((r) => [r.partner_code, r.is_official]).sort()).toEqual([
      ['AGG_EU', false],
      ['AGG_EU27', true],
    ]);
  });
});
