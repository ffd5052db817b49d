// Done-when for the importer: an IMF DOTS workbook of another reporter, an SDMX-CSV file from the
// IMF and one from Eurostat, and a UN Comtrade+ download each import with one command and show up
// in the running dashboard's API with their source.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { csvResponseText } from './fixtures/downloads';
import {
  comtradeCsv,
  eurostatComext10,
  imfSdmx20,
  UZBEKISTAN_DOTS,
  writeDotsWorkbook,
  writeText,
  type DotsWorkbook,
} from '../lib/testing/import-fixtures';
import { test as pageTest } from './fixtures/test';

const ROOT = path.resolve(import.meta.dirname, '..');

function runImport(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      path.join(ROOT, 'node_modules', '.bin', 'tsx'),
      ['scripts/import.ts', ...args],
      { cwd: ROOT, env: process.env },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

test.describe('import, then the dashboard', () => {
  test.describe.configure({ timeout: 120_000 });

  test('each format imports with one command and is served with its source', async ({ request }) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-import-'));
    const dots = path.join(dir, 'DOTS_927_uzbekistan.xlsx');
    await writeDotsWorkbook(dots, UZBEKISTAN_DOTS);
    const imf = writeText(
      path.join(dir, 'imf_imts_kaz.csv'),
      imfSdmx20([
        { reporter: 'KAZ', partner: 'MNG', indicator: 'XG_FOB_USD', period: '2024', value: '95.5' },
        { reporter: 'KAZ', partner: 'MNG', indicator: 'MG_CIF_USD', period: '2024', value: '41.25' },
      ]),
    );
    const eurostat = writeText(
      path.join(dir, 'estat_comext_kz.csv'),
      eurostatComext10([{ reporter: 'EU27_2020', partner: 'KZ', flow: '1', period: '2024', value: '27012345678' }]),
    );
    const comtrade = writeText(
      path.join(dir, 'comtrade_kaz.csv'),
      comtradeCsv([
        {
          reporter: ['398', 'KAZ', 'Kazakhstan'],
          partner: ['496', 'MNG', 'Mongolia'],
          flow: 'X',
          year: 2023,
          value: '123456789',
        },
      ]),
      'latin1',
    );

    const runs = [
      [dots, 'e2e_dots_uzb', 'International Monetary Fund'],
      [imf, 'e2e_sdmx_imf', 'International Monetary Fund'],
      [eurostat, 'e2e_sdmx_estat', 'Eurostat'],
      [comtrade, 'e2e_comtrade', 'United Nations Statistics Division (UN Comtrade)'],
    ] as const;
    for (const [file, sourceId] of runs) {
      const result = await runImport([file, '--source-id', sourceId]);
      expect(result.stderr, result.stderr).not.toContain('✖');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`source ${sourceId} created`);
    }

    const response = await request.get('/api/sources');
    const { sources } = (await response.json()) as { sources: { id: string; publisher: string; figures: number }[] };
    const figures = { e2e_dots_uzb: 41, e2e_sdmx_imf: 3, e2e_sdmx_estat: 1, e2e_comtrade: 1 };
    for (const [, sourceId, publisher] of runs) {
      expect(sources.find((s) => s.id === sourceId)).toMatchObject({ publisher, figures: figures[sourceId] });
    }

    const csv = await request.get(
      '/api/observations?source=e2e_dots_uzb&partner=KAZ&flow=export,turnover&from=2020&to=2020&format=csv',
    );
    expect(csv.status()).toBe(200);
    const rows = parse(await csvResponseText(csv), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.reporter_code, r.partner_code, r.flow, r.value, r.flag, r.source_publisher])).toEqual([
      ['UZB', 'KAZ', 'export', '1000.25', '', 'International Monetary Fund'],
      ['UZB', 'KAZ', 'turnover', '2273.05', 'derived', 'International Monetary Fund'],
    ]);

    const eu = await request.get('/api/observations?source=e2e_sdmx_estat');
    expect(await eu.json()).toEqual([
      expect.objectContaining({
        reporter_code: 'AGG_EU27',
        partner_code: 'KAZ',
        flow: 'import',
        unit: 'EUR',
        value: 27012345678,
      }),
    ]);
  });

  test('a malformed file is refused with its line and adds nothing', async ({ request }) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-import-bad-'));
    const bad = writeText(
      path.join(dir, 'bad.csv'),
      imfSdmx20([
        { reporter: 'KAZ', partner: 'MNG', indicator: 'XG_FOB_USD', period: '2022', value: '1' },
        { reporter: 'KAZ', partner: 'Narnia', indicator: 'XG_FOB_USD', period: '2022', value: '2' },
      ]),
    );
    const result = await runImport([bad, '--source-id', 'e2e_refused']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('bad.csv line 3, column COUNTERPART_COUNTRY: found "Narnia"');
    const { sources } = (await (await request.get('/api/sources')).json()) as { sources: { id: string }[] };
    expect(sources.map((s) => s.id)).not.toContain('e2e_refused');
  });
});

pageTest.describe('a newer vintage, then the revision history', () => {
  pageTest.describe.configure({ timeout: 180_000 });

  pageTest(
    'marks the revised value in the data screen and shows its old value, vintages and import',
    async ({ page, request }) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-revisions-'));
      const first = path.join(dir, 'DOTS_927_2021.xlsx');
      await writeDotsWorkbook(first, UZBEKISTAN_DOTS);
      const revised: DotsWorkbook = structuredClone(UZBEKISTAN_DOTS);
      const kaz = revised.sheets['Exports, FOB']?.partners.find(([name]) => name === 'Kazakhstan, Rep. of');
      if (kaz) kaz[3] = 1_010.75;
      const second = path.join(dir, 'DOTS_927_2022.xlsx');
      await writeDotsWorkbook(second, revised);
      expect((await runImport([first, '--source-id', 'e2e_revised', '--vintage', '2021-06'])).code).toBe(0);
      const update = await runImport([second, '--source-id', 'e2e_revised', '--vintage', '2022-01']);
      expect(update.code).toBe(0);
      expect(update.stdout).toContain('2 old values kept as revisions');

      await page.goto('/data?source=e2e_revised&partner=KAZ&from=2020&to=2020');
      const table = page.getByTestId('observations-table');
      // Exports and the turnover derived from them changed; imports did not.
      await expect(table.getByTestId('revised-marker')).toHaveCount(2);
      const exportRow = table.locator('[data-row-key="e2e_revised|UZB|KAZ|export|2020|FY|"]');
      await exportRow.getByTestId('revised-marker').click();

      await expect(page).toHaveURL(/\/observations\/\d+$/);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Uzbekistan');
      await expect(page.getByTestId('observation-value')).toContainText('1010.75 million USD');
      const history = page.getByTestId('revision-history');
      await expect(history.getByTestId('revision')).toHaveCount(1);
      await expect(history.getByTestId('revision-old-value')).toHaveText('1000.25 million USD');
      await expect(history.getByTestId('revision-vintages')).toHaveText('2021-06 → 2022-01');
      await expect(history).toContainText('DOTS_927_2022.xlsx');
      await expect(
        page.getByText('Direction of Trade Statistics (DOTS): Uzbekistan, Rep. of as reporter').first(),
      ).toBeVisible();
      await page.screenshot({ path: pageTest.info().outputPath('observation-revisions.png'), fullPage: true });

      const id = page.url().split('/').at(-1) ?? '';
      const api = await request.get(`/api/observations/${id}/revisions`);
      expect(api.status()).toBe(200);
      const body = (await api.json()) as { observation: { value: string }; revisions: Record<string, unknown>[] };
      expect(body.observation.value).toBe('1010.75');
      expect(body.revisions).toEqual([
        expect.objectContaining({
          old_value: '1000.25',
          new_value: '1010.75',
          old_vintage: '2021-06',
          new_vintage: '2022-01',
          import_batch: expect.objectContaining({ file_name: 'DOTS_927_2022.xlsx', format: 'imf-dots' }),
        }),
      ]);

      // The import value was never replaced: no marker.
      const importRow = table.locator('[data-row-key="e2e_revised|UZB|KAZ|import|2020|FY|"]');
      await page.goBack();
      await expect(importRow.getByTestId('revised-marker')).toHaveCount(0);
    },
  );
});

test('answers 404 for an unknown observation and 400 for an id that is not a number', async ({ page, request }) => {
  expect((await request.get('/api/observations/abc/revisions')).status()).toBe(400);
  expect(await (await request.get('/api/observations/1e3/revisions')).json()).toMatchObject({
    error: 'invalid_parameter',
    parameter: 'id',
  });
  const missing = await request.get('/api/observations/9223372036854775807/revisions');
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toMatchObject({ error: 'not_found' });
  // The browser logs the 404 of the document itself as a console error, so the console check is off here.
  for (const url of ['/observations/9223372036854775807', '/observations/abc']) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole('heading', { name: 'Observation not found' })).toBeVisible();
  }
});
