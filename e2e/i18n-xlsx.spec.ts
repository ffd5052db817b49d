// The XLSX download in the reader's language (docs/i18n.md, "Exports"): on a Russian or Kazakh
// page the XLSX link carries `lang`, and its README and Flags sheets are in that language, while
// sheet names, column keys, the data, CSV and JSON stay English. A bad `lang` is a clear 400.
// Expected words are the catalogues' (lib/i18n/messages).
import { readFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import ExcelJS from 'exceljs';
import type en from '../lib/i18n/messages/en.json';
import { expect, test } from './fixtures/test';

// The same shape in every language (lib/i18n/messages.test.ts).
const catalogue = (lang: string) =>
  (JSON.parse(readFileSync(new URL(`../lib/i18n/messages/${lang}.json`, import.meta.url), 'utf8')) as typeof en).Export;

async function workbookAt(request: APIRequestContext, href: string) {
  const response = await request.get(href);
  expect(response.status(), href).toBe(200);
  expect(response.headers()['content-type']).toContain('spreadsheetml');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await response.body()) as unknown as ArrayBuffer);
  return book;
}

function rowsOf(book: ExcelJS.Workbook, name: string): string[][] {
  const rows: string[][] = [];
  book.getWorksheet(name)?.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => cells.push(cell.text));
    rows.push(cells);
  });
  return rows;
}

const SCREENS = [
  { lang: 'ru', path: '/ru/partners', subject: (t: ReturnType<typeof catalogue>) => t.partnerList.subject },
  { lang: 'kk', path: '/kk/partners/DEU', subject: (t: ReturnType<typeof catalogue>) => t.profile.subject },
] as const;

for (const screen of SCREENS) {
  test(`the XLSX link on ${screen.path} gives a workbook whose README is in its language`, async ({
    page,
    request,
  }) => {
    const t = catalogue(screen.lang);
    await page.goto(screen.path);
    const xlsx = page.getByTestId('export-xlsx');
    const href = await xlsx.getAttribute('href');
    expect(href).toMatch(new RegExp(`[?&]lang=${screen.lang}(&|$)`));
    // CSV and JSON are English whatever the page: their links carry no language.
    expect(await page.getByTestId('export-csv').getAttribute('href')).not.toContain('lang=');
    expect(await page.getByTestId('export-json').getAttribute('href')).not.toContain('lang=');

    const book = await workbookAt(request, href ?? '');
    const readme = rowsOf(book, 'README');
    // The title starts with the site's name and the subject's first words in the language.
    const subject = screen.subject(t).split('{')[0] ?? '';
    expect(readme[0]?.[0]).toContain(`${t.site}: ${subject}`);
    const labels = readme.map((cells) => cells[0]);
    for (const label of [t.readme.generated, t.readme.view, t.readme.rows, t.readme.howToCite, t.readme.formulas])
      expect(labels).toContain(label);
    expect(labels).not.toContain('Generated');
    // The View link leads to the page in the same language.
    const view = readme.find((cells) => cells[0] === t.readme.view)?.[1] ?? '';
    expect(new URL(view).pathname).toBe(screen.path);

    // The same file in English: the same sheets and the same Data sheet, word for word.
    const english = await workbookAt(request, (href ?? '').replace(`lang=${screen.lang}`, 'lang=en'));
    expect(book.worksheets.map((s) => s.name)).toEqual(['Data', 'Sources', 'Flags', 'README']);
    expect(english.worksheets.map((s) => s.name)).toEqual(['Data', 'Sources', 'Flags', 'README']);
    expect(rowsOf(book, 'Data')[0]).toEqual(rowsOf(english, 'Data')[0]);
    expect(rowsOf(book, 'Data').length).toBe(rowsOf(english, 'Data').length);
    expect(rowsOf(english, 'README').map((cells) => cells[0])).toContain('Generated');
  });
}

test('the XLSX links of the Russian compare and data screens carry the language; English ones do not', async ({
  page,
}) => {
  for (const path of ['/ru/compare', '/ru/data']) {
    await page.goto(path);
    await expect(page.getByTestId('export-xlsx').first()).toHaveAttribute('href', /[?&]lang=ru(&|$)/);
  }
  for (const path of ['/compare', '/data', '/partners']) {
    await page.goto(path);
    await expect(page.getByTestId('export-xlsx').first()).not.toHaveAttribute('href', /lang=/);
  }
});

test('every export refuses a language it does not know with a 400 naming the accepted ones', async ({ request }) => {
  for (const href of [
    '/api/export/partners?format=xlsx&lang=de',
    '/api/export/partners/DEU?format=xlsx&lang=de',
    '/api/export/compare?partners=DEU&format=xlsx&lang=de',
    '/api/observations?partner=DEU&format=xlsx&lang=de',
    '/api/observations?partner=DEU&format=csv&lang=ru&lang=kk',
  ]) {
    const response = await request.get(href);
    expect(response.status(), href).toBe(400);
    const body = (await response.json()) as { error: string; parameter: string; message: string };
    expect(body.error, href).toBe('invalid_parameter');
    expect(body.parameter, href).toBe('lang');
    expect(body.message, href).toMatch(/^lang: (expected one of en, ru, kk|given more than once)/);
  }
});

test('CSV is the same bytes whatever the language asked for', async ({ request }) => {
  const english = await request.get('/api/export/partners?format=csv');
  const russian = await request.get('/api/export/partners?format=csv&lang=ru');
  expect(english.status()).toBe(200);
  expect(russian.status()).toBe(200);
  // The file names carry the date: the bodies are compared, not the headers.
  expect(await russian.body()).toEqual(await english.body());
});
