import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import postgres from 'postgres';
import { importFile } from '../lib/import/import-file';
import { csvResponseText, csvText } from './fixtures/downloads';

type Row = Record<string, string>;
const ARTICLES = path.join(import.meta.dirname, '..', 'prisma', 'data', 'articles', 'observations.csv');
const keyOf = (r: Row) =>
  [r.source_id, r.reporter_code, r.partner_code, r.year, r.period, r.flow, r.series_key].join('|');

test.describe('GET /api/observations', () => {
  test('finds every figure of the five articles, with its value, unit, period, qualifier and source', async ({
    request,
  }) => {
    const expected = parse(readFileSync(ARTICLES), { columns: true, bom: true }) as Row[];
    const sources = [...new Set(expected.map((r) => r.source_id))].join(',');
    const response = await request.get(`/api/observations?source=${encodeURIComponent(sources)}&format=csv`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('text/csv');
    const text = await csvResponseText(response);
    const header = text.split('\n')[0];
    expect(
      header?.startsWith(
        'source_id,reporter,reporter_code,partner,partner_code,year,period,flow,value,unit,scale,flag,note,',
      ),
    ).toBe(true);
    const actual = new Map((parse(text, { columns: true }) as Row[]).map((r) => [keyOf(r), r]));
    expect(actual.size).toBe(expected.length);
    for (const want of expected) {
      const got = actual.get(keyOf(want));
      expect(got, keyOf(want)).toBeDefined();
      for (const column of [
        'value',
        'unit',
        'scale',
        'period',
        'flag',
        'qualifier',
        'derivation',
        'locator',
        'period_start',
        'period_end',
      ]) {
        expect(`${column}=${got?.[column]}`, keyOf(want)).toBe(`${column}=${want[column]}`);
      }
    }
  });

  test('returns JSON with exact values and filters by partner, flow and years', async ({ request }) => {
    const response = await request.get(
      '/api/observations?reporter=KAZ&partner=DEU&flow=export&from=2019&to=2020&source=imf_dots_2022_via_SamLeBlanc',
    );
    expect(response.status()).toBe(200);
    const rows = (await response.json()) as {
      partner_code: string;
      flow: string;
      year: number;
      value: number;
      unit: string;
      scale: string;
    }[];
    expect(rows.map((r) => r.year)).toEqual([2019, 2020]);
    expect(
      rows.every((r) => r.partner_code === 'DEU' && r.flow === 'export' && r.unit === 'USD' && r.scale === '1e6'),
    ).toBe(true);
  });

  for (const [qs, parameter] of [
    ['partner=de', 'partner'],
    ['partner=ZZZ', 'partner'],
    ['from=2020&to=1990', 'from'],
    ['format=xls', 'format'],
    ['colour=blue', 'colour'],
  ] as const) {
    test(`answers 400 naming the parameter for ${qs}`, async ({ request }) => {
      const response = await request.get(`/api/observations?${qs}`);
      expect(response.status()).toBe(400);
      const body = (await response.json()) as { parameter: string; message: string };
      expect(body.parameter).toBe(parameter);
      expect(body.message).toContain(parameter);
    });
  }

  test('exports CSV that the importer reads back as unchanged', async ({ request }) => {
    const response = await request.get('/api/observations?partner=DEU,FRA,AGG_EU,AGG_EU27,CHN&format=csv');
    const file = path.join(os.tmpdir(), `roundtrip-${process.pid}.csv`);
    // As downloaded: with the byte-order mark that Excel needs, which the importer skips.
    writeFileSync(file, await response.body());
    const rows = (parse(csvText(readFileSync(file)), { columns: true }) as Row[]).length;
    expect(rows).toBeGreaterThan(400);
    const sql = postgres(process.env.DATABASE_URL ?? '', { max: 1, onnotice: () => {} });
    try {
      // As `npm run import -- <file>` reads it: the format detected from the file, mark and all.
      const summary = await importFile(sql, file);
      expect(summary).toMatchObject({ rows, inserted: 0, updated: 0, unchanged: rows, rejected: 0 });
    } finally {
      await sql.end();
    }
  });
});

test('GET /api/sources lists every source with attribution and its number of figures', async ({ request }) => {
  const response = await request.get('/api/sources');
  expect(response.status()).toBe(200);
  const { sources } = (await response.json()) as { sources: { id: string; attribution: string; figures: number }[] };
  const imf = sources.find((s) => s.id === 'imf_dots_2022_via_SamLeBlanc');
  expect(imf?.attribution).toMatch(/International Monetary Fund/);
  expect(imf?.figures).toBe(11144 + 9754);
  expect(sources.filter((s) => s.id.startsWith('article:'))).toHaveLength(5);
  expect(sources.every((s) => s.attribution.length > 10)).toBe(true);
});
