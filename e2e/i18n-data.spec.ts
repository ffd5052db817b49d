// The data screen and an observation's page in Russian and Kazakh (docs/i18n.md): /ru/data,
// /kk/data and /ru/observations/<id>, with headers, filters, chips, paging, notices and provenance
// from the catalogues, partner names in the language, numbers with the language's separators,
// links that stay in the language, and downloads that stay English.
// Expected figures come from the bundled bureau table; words from the catalogues (lib/i18n/messages).
import { readFileSync } from 'node:fs';
import type en from '../lib/i18n/messages/en.json';
import { expectNoAxeViolations, isAxeAvailable } from './fixtures/axe';
import { expectAlternates, interfaceText, LOCALE_AMOUNT } from './fixtures/i18n';
import { expect, test } from './fixtures/test';

// The same shape in every language (lib/i18n/messages.test.ts).
const catalogue = (lang: string) =>
  JSON.parse(readFileSync(new URL(`../lib/i18n/messages/${lang}.json`, import.meta.url), 'utf8')) as typeof en;

const SCREENS = [
  {
    lang: 'ru',
    germany: 'Германия',
    kazakhstan: 'Казахстан',
    unit: 'тыс. долл. США',
    oneRow: '1–1 из 1 наблюдения',
    ...catalogue('ru'),
  },
  {
    lang: 'kk',
    germany: 'Германия',
    kazakhstan: 'Қазақстан',
    unit: 'мың АҚШ доллары',
    oneRow: '1–1, барлығы 1 жазба',
    ...catalogue('kk'),
  },
] as const;

const BNS = 'bns_312101_via_makenerzhan';
// Germany's exports in 2021 in the bureau's table, thousand USD: 398537.55969.
const GERMANY_2021 = `${BNS}|KAZ|DEU|export|2021|FY|`;
const germanyValue = new Intl.NumberFormat('ru', { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(
  398537.55969,
);
const spaced = (text: string) => text.replaceAll('\u00a0', ' ');

for (const s of SCREENS) {
  test(`/${s.lang}/data is in its language throughout`, async ({ page }) => {
    // The landing redirect keeps the language.
    const response = await page.goto(`/${s.lang}/data`);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(new RegExp(`/${s.lang}/data\\?flags=official&sort=year:desc$`));
    await expect(page.locator('html')).toHaveAttribute('lang', s.lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(s.Data.title);
    const table = page.getByTestId('observations-table');
    await expect(table.locator('tbody tr').first()).toContainText(s.Data.chips.official);
    for (const column of ['reporter', 'partner', 'flow', 'year', 'value', 'qualifier', 'source'] as const)
      await expect(table.getByRole('columnheader', { name: new RegExp(`^${s.Data.columns[column]}`) })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: new RegExp(s.Data.columns.usd) })).toBeVisible();
    // Thousands of rows, grouped with a space as the language writes them (never "1,234").
    await expect(page.getByTestId('data-summary')).toHaveText(/^\d{1,3}(?:[\s\u00a0]\d{3})+ \S/);
    await expectAlternates(page, '/data');

    // Each value leads to its page in the language; downloads keep the API's English.
    await expect(table.getByTestId('provenance-link').first()).toHaveAttribute(
      'href',
      new RegExp(`^/${s.lang}/observations/\\d+$`),
    );
    await expect(page.getByTestId('export-csv')).toHaveAttribute('href', /^\/api\/observations\?.*format=csv$/);
  });

  test(`/${s.lang}/data: names, numbers, units and filters in the language`, async ({ page }) => {
    // Several pages and filter round trips: more than the default 30 s on a loaded two-core machine.
    test.setTimeout(90_000);
    await page.goto(`/${s.lang}/data?partner=DEU&source=${BNS}&flow=export&from=2021&to=2021`);
    const row = page.getByTestId('observations-table').locator(`tr[data-row-key="${GERMANY_2021}"]`);
    await expect(row).toContainText(s.germany);
    await expect(row).toContainText(s.kazakhstan);
    await expect(row).toContainText(s.Indicators.export);
    await expect(row).toContainText(s.Data.cells.fullYear);
    await expect(row).toContainText(s.unit);
    const value = spaced(await row.getByTestId('provenance-link').innerText());
    expect(value).toContain(spaced(germanyValue));
    expect(value).toMatch(LOCALE_AMOUNT);
    await expect(page.getByTestId('pagination-summary')).toHaveText(s.oneRow);

    // The partner filter finds Germany by its name in the language.
    await page.goto(`/${s.lang}/data?source=${BNS}&from=2021&to=2021`);
    await page.getByTestId('filter-partner').getByRole('button').first().click();
    await page.getByTestId('filter-partner').getByRole('searchbox').fill(s.germany.slice(0, 4));
    await page.getByRole('checkbox', { name: new RegExp(`^${s.germany}`) }).check();
    await expect(page).toHaveURL(new RegExp(`/${s.lang}/data\\?.*partner=DEU`));
    await page.keyboard.press('Escape');

    // Columns: the panel and its boxes in the language.
    await page.getByTestId('view-options').getByRole('button', { name: s.DataTable.columns }).click();
    await page.getByRole('checkbox', { name: s.Data.columns.note, exact: true }).check();
    await expect(page).toHaveURL(/cols=[a-z,]*note/);
  });

  test(`/${s.lang}/data: the search finds names in the language, and a sort by partner follows its alphabet`, async ({
    page,
  }) => {
    await page.goto(`/${s.lang}/data?source=${BNS}&flow=export&from=2021&to=2021&q=${encodeURIComponent(s.germany)}`);
    const table = page.getByTestId('observations-table');
    await expect(table.locator(`tr[data-row-key="${GERMANY_2021}"]`)).toBeVisible();
    await page.goto(
      `/${s.lang}/data?source=${BNS}&flow=export&from=2021&to=2021&sort=partner:asc&size=100&cols=partner,value`,
    );
    // Each cell is the name and the code.
    const partners = (await table.locator('tbody tr > :first-child').allInnerTexts()).map((n) =>
      n.replace(/\s+[A-Z_]+$/, ''),
    );
    expect(partners.length).toBeGreaterThan(50);
    const collator = new Intl.Collator(s.lang === 'kk' ? 'kk' : 'ru');
    expect(partners).toEqual([...partners].sort(collator.compare));
  });

  test(`/${s.lang}/observations/<id>: provenance and revisions in the language`, async ({ page }) => {
    await page.goto(`/${s.lang}/data?partner=DEU&source=${BNS}&flow=export&from=2021&to=2021`);
    const row = page.getByTestId('observations-table').locator(`tr[data-row-key="${GERMANY_2021}"]`);
    await row.getByTestId('provenance-link').click();
    await expect(page).toHaveURL(new RegExp(`/${s.lang}/observations/\\d+$`));
    await expect(page.locator('html')).toHaveAttribute('lang', s.lang);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(s.germany);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(s.Indicators.export);
    await expect(page.getByTestId('observation-value')).toContainText(s.unit);
    await expect(page.getByTestId('observation-value')).toContainText('398537,55969');
    await expect(page.getByRole('heading', { level: 2, name: s.Observation.provenance.heading })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: s.Observation.revisions.heading })).toBeVisible();
    await expect(page.getByTestId('revision-history-empty')).toHaveText(s.Observation.revisions.empty);
    const back = page.getByRole('link', { name: s.Observation.back });
    await expect(back).toHaveAttribute('href', new RegExp(`^/${s.lang}/data\\?`));
    const path = new URL(page.url()).pathname.replace(`/${s.lang}`, '');
    await expectAlternates(page, path);
  });
}

test('an unknown observation is not found in the language', async ({ browser }) => {
  // The browser logs the document's 404 status as a console error: a context of its own, without the check.
  const context = await browser.newContext();
  const page = await context.newPage();
  for (const [lang, s] of [
    ['ru', catalogue('ru')],
    ['kk', catalogue('kk')],
  ] as const) {
    for (const id of ['9223372036854775807', 'abc']) {
      const response = await page.goto(`/${lang}/observations/${id}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(s.Observation.notFound.title);
      await expect(page.getByRole('link', { name: s.Observation.notFound.link })).toHaveAttribute(
        'href',
        `/${lang}/data`,
      );
    }
  }
  await context.close();
});

test('the switcher keeps the data view, query included', async ({ page }) => {
  await page.goto('/data?partner=DEU&sort=year:desc');
  await page.getByTestId('language-switcher').getByRole('link', { name: 'Қазақша' }).click();
  await expect(page).toHaveURL(/\/kk\/data\?partner=DEU&sort=year:desc$/);
  // A client-side render of the whole document in the other language (docs/i18n.md).
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(catalogue('kk').Data.title, { timeout: 15_000 });
});

test('Russian and Kazakh data pages have no English word of the interface left', async ({ page }) => {
  test.setTimeout(120_000);
  const paths = [
    '/ru/data',
    '/kk/data?source=news:at2409&sort=year:asc',
    '/ru/data?partner=DEU&flags=partner,estimate&cols=partner,flow,year,value,unit,usd,qualifier,flags,source,note',
    '/kk/data?sort=colour:up&size=7&group=AGG_MARS',
    '/ru/data?partner=ZZZ',
  ];
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expectNoEnglish(await interfaceText(page), path, []);
  }
  // An observation's page, and one with a source's own words (a news figure with a locator).
  for (const [lang, query] of [
    ['ru', `partner=DEU&source=${BNS}&flow=export&from=2021&to=2021`],
    ['kk', 'source=news:at2409&sort=year:asc'],
  ] as const) {
    await page.goto(`/${lang}/data?${query}`);
    await page.getByTestId('provenance-link').first().click();
    await expect(page).toHaveURL(/\/observations\/\d+$/);
    // Less the codes line (source id / … / FY) and the API's address (/api/observations/…), which are identifiers.
    expectNoEnglish(await interfaceText(page), page.url(), ['FY', 'observation']);
  }
});

function expectNoEnglish(text: string, where: string, identifiers: readonly string[]) {
  const words = [
    'Data',
    'Reporter',
    'Partner',
    'Indicator',
    'Year',
    'Period',
    'Value',
    'Unit',
    'Qualifier',
    'Flags',
    'Source',
    'Note',
    'Search',
    'Group',
    'Reset',
    'Columns',
    'Rows per page',
    'observation',
    'official series',
    'estimate',
    'derived',
    'revised',
    'partner-reported',
    'exact',
    'about',
    'more than',
    'million',
    'thousand',
    'Kazakhstan',
    'Germany',
    'Trade turnover',
    'Exports',
    'Provenance',
    'Vintage',
    'Revision',
    'not stated',
    'import #',
    'FY',
    ' and ',
    ' the ',
    ' of ',
  ];
  for (const word of words.filter((w) => !identifiers.includes(w))) {
    expect(text, `${where}: ${word}`).not.toContain(word);
  }
}

test.describe('the data screen and an observation at 375 px, light and dark', () => {
  test.use({ viewport: { width: 375, height: 800 } });
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`/kk/observations/<id> has no axe violations and does not scroll sideways (${colorScheme})`, async ({
      page,
    }, testInfo) => {
      test.setTimeout(120_000);
      expect(await isAxeAvailable()).toBe(true);
      await page.emulateMedia({ colorScheme });
      await page.goto(`/kk/data?partner=DEU&source=${BNS}&flow=export&from=2021&to=2021`);
      await page.getByTestId('provenance-link').first().click();
      await expect(page).toHaveURL(/\/kk\/observations\/\d+$/);
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, testInfo);
    });
  }
});
