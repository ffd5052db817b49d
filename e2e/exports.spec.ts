import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { csvResponseText, csvText } from './fixtures/downloads';
import { rawGet, type RawAnswer } from './fixtures/raw-get';

type Row = Record<string, string>;

test.describe('GET /api/observations: data screen parameters', () => {
  test('sorts by several keys like the data screen', async ({ request }) => {
    const response = await request.get(
      '/api/observations?partner=DEU,FRA&flow=turnover&reporter=KAZ&sort=year:desc,value:asc&format=csv',
    );
    expect(response.status()).toBe(200);
    expect(response.headers()['content-disposition']).toMatch(
      /attachment; filename="kaz-trade-turnover-DEU-FRA-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const rows = parse(await csvResponseText(response), { columns: true }) as Row[];
    const years = rows.map((r) => Number(r.year));
    expect(years).toEqual([...years].sort((a, b) => b - a));
    const inUnits = (r: Row) => Number(r.value) * Number(r.scale);
    for (let i = 1; i < rows.length; i += 1) {
      const [a, b] = [rows[i - 1] as Row, rows[i] as Row];
      if (a.year === b.year) expect(inUnits(a)).toBeLessThanOrEqual(inUnits(b));
    }
  });

  test('serves XLSX with typed numbers and Data, Sources, Flags and README sheets', async ({ request }) => {
    const response = await request.get('/api/observations?partner=CHN&flow=export&from=2018&to=2020&format=xlsx');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.body()) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Data', 'Sources', 'Flags', 'README']);
    const data = workbook.getWorksheet('Data');
    expect(typeof data?.getRow(2).getCell(9).value).toBe('number');
    const readme: string[] = [];
    workbook.getWorksheet('README')?.eachRow((row) => readme.push(row.getCell(2).text));
    expect(readme.join('\n')).toContain('Partners: CHN');
  });

  for (const [qs, parameter, allowed] of [
    ['sort=colour:asc', 'sort', 'reporter, partner, flow, year'],
    ['flags=odd', 'flags', 'estimate, derived, partner'],
    ['size=7', 'size', '10, 25, 50, 100'],
    ['format=xls', 'format', 'json, csv, xlsx'],
  ] as const) {
    test(`answers 400 naming ${parameter} and its allowed values for ${qs}`, async ({ request }) => {
      const response = await request.get(`/api/observations?${qs}`);
      expect(response.status()).toBe(400);
      const body = (await response.json()) as { parameter: string; message: string };
      expect(body.parameter).toBe(parameter);
      expect(body.message).toContain(allowed);
    });
  }
});

test.describe('GET /api/export/partners', () => {
  test('exports the partner list in the order asked, with its columns and units', async ({ request }) => {
    const response = await request.get('/api/export/partners?year=2020&sort=name:asc&format=json');
    expect(response.status()).toBe(200);
    const rows = (await response.json()) as {
      partner: string;
      year: number;
      turnover_usd_mn: number | null;
      source_id: string;
    }[];
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.every((r) => r.year === 2020)).toBe(true);
    expect(rows[0]?.partner).toMatch(/^Afghanistan/);
  });

  test('answers 400 naming a parameter it cannot use', async ({ request }) => {
    const response = await request.get('/api/export/partners?window=4');
    expect(response.status()).toBe(400);
    expect(((await response.json()) as { parameter: string }).parameter).toBe('window');
  });
});

test.describe('compression (scripts/serve.mjs)', () => {
  const BROWSER = { 'accept-encoding': 'gzip, deflate, br, zstd' };
  /** The body as the client reads it, decoded by its Content-Encoding. */
  const decoded = (answer: RawAnswer) =>
    answer.headers['content-encoding'] === 'br'
      ? brotliDecompressSync(answer.body)
      : answer.headers['content-encoding'] === 'gzip'
        ? gunzipSync(answer.body)
        : answer.body;

  test('compresses a CSV download once, as the client asks, and sends it as it is otherwise', async ({ baseURL }) => {
    const url = `${baseURL}/api/observations?partner=DEU&flow=export&format=csv`;
    const plain = await rawGet(url, {});
    const brotli = await rawGet(url, BROWSER);
    const gzip = await rawGet(url, { 'accept-encoding': 'gzip' });
    expect([plain.status, brotli.status, gzip.status]).toEqual([200, 200, 200]);
    expect([plain, brotli, gzip].map((a) => a.headers['content-encoding'])).toEqual([undefined, 'br', 'gzip']);
    expect(csvText(plain.body)).toMatch(/^source_id,reporter,/);
    // Decoded once, each is the same file: the CSV, not a second compressed stream.
    expect(decoded(brotli).equals(plain.body)).toBe(true);
    expect(decoded(gzip).equals(plain.body)).toBe(true);
  });

  test('still compresses a page Next.js renders', async ({ baseURL }) => {
    // A search of its own, so that the page cache has not stored the page and Next.js renders it.
    const page = await rawGet(`${baseURL}/data?q=compressed-${Date.now()}`, BROWSER);
    expect(page.status).toBe(200);
    expect(page.headers['x-page-cache']).toBe('miss');
    expect(page.headers['content-encoding']).toBe('br');
    expect(decoded(page).toString('utf8')).toMatch(/^<!DOCTYPE html>/i);
  });
});
