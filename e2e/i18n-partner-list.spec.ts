// The partner list in Russian and Kazakh (docs/i18n.md): /ru/partners and /kk/partners with every
// word from the catalogues, partner names in the language (searched and sorted by them), numbers
// with the language's separators, links that stay in the language, hreflang and the switcher.
// Expected words are the catalogues' (lib/i18n/messages); names are the bureau's and CLDR's.
import { expectNoAxeViolations, isAxeAvailable } from './fixtures/axe';
import { ENGLISH_AMOUNT, expectAlternates, interfaceText, LOCALE_AMOUNT, openInLanguage } from './fixtures/i18n';
import { expect, test } from './fixtures/test';

const LISTS = [
  {
    lang: 'ru',
    heading: /^Партнёры, \d{4}$/,
    nav: 'Партнёры',
    turnover: /^Оборот.*млн долл\. США, \d{4}/,
    partner: 'Партнёр',
    china: 'Китай',
    summary: /^\d+ (стран-партнёров|страна-партнёр|страны-партнёра) с данными о торговле за \d{4} год$/,
    pagination: /^1–25 из \d+ (партнёров|партнёра)$/,
    rowsPerPage: 'Строк на странице',
    notes: 'Бюро национальной статистики',
    search: 'Фильтр партнёров по названию',
    germany: 'Германия',
  },
  {
    lang: 'kk',
    heading: /^Серіктестер, \d{4}$/,
    nav: 'Серіктестер',
    turnover: /^Айналым.*млн АҚШ доллары, \d{4}/,
    partner: 'Серіктес',
    china: 'Қытай',
    summary: /^\d{4} жылы сауда деректері бар \d+ серіктес ел$/,
    pagination: /^1–25, барлығы \d+ серіктес$/,
    rowsPerPage: 'Беттегі жолдар',
    notes: 'Ұлттық статистика бюросы',
    search: 'Серіктестерді атауы бойынша сүзу',
    germany: 'Германия',
  },
] as const;

for (const list of LISTS) {
  test(`/${list.lang}/partners is in its language throughout`, async ({ page }) => {
    await openInLanguage(page, `/${list.lang}/partners`, { lang: list.lang, heading: list.heading, nav: list.nav });
    const table = page.getByTestId('partner-list-table');
    await expect(table.locator('tbody tr').first()).toBeVisible();
    await expect(table.getByRole('columnheader', { name: list.turnover })).toBeVisible();
    await expect(page.getByTestId('partner-list-summary')).toHaveText(list.summary);
    await expect(page.getByTestId('pagination-summary')).toHaveText(list.pagination);
    await expect(page.getByTestId('pagination')).toContainText(list.rowsPerPage);
    await expect(page.getByTestId('partner-list-notes')).toContainText(list.notes);
    // Partners named in the language, linked to their profiles in the language.
    const china = table.getByRole('link', { name: new RegExp(`^${list.china} CHN$`) });
    await expect(china).toHaveAttribute('href', `/${list.lang}/partners/CHN`);
    // Amounts with the language's separators: a decimal comma, never "1,234.5".
    const turnovers = await table.locator('tbody tr td[data-column="turnover"]').allInnerTexts();
    expect(turnovers.length).toBeGreaterThan(0);
    for (const cell of turnovers.filter((t) => t !== '–')) {
      expect(cell).toMatch(LOCALE_AMOUNT);
      expect(cell).not.toMatch(ENGLISH_AMOUNT);
    }
    await expectAlternates(page, '/partners');
  });
}

test('/ru/partners searches and sorts by the Russian names', async ({ page }) => {
  await page.goto('/ru/partners');
  const table = page.getByTestId('partner-list-table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  await page.getByRole('searchbox', { name: 'Фильтр партнёров по названию' }).fill('Герм');
  await expect(page).toHaveURL(/\/ru\/partners\?q=(%D0%93%D0%B5%D1%80%D0%BC|Герм)$/);
  await expect(table.getByRole('link', { name: 'Китай CHN' })).toHaveCount(0);
  await expect(table.getByRole('link', { name: 'Германия DEU' })).toBeVisible();
  // The English name still matches.
  await page.goto('/ru/partners?q=Germany');
  await expect(table.getByRole('link', { name: 'Германия DEU' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'Китай CHN' })).toHaveCount(0);

  await page.goto('/ru/partners?sort=name:asc&size=50');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  const names = (await table.locator('tbody tr th a').allInnerTexts()).map((n) => n.replace(/\s+[A-Z_]+$/, ''));
  expect(names.length).toBe(50);
  // In Russian alphabetical order, not the English names' (Албания before Афганистан).
  expect(names).toEqual([...names].sort(new Intl.Collator('ru').compare));
  expect(names.indexOf('Албания')).toBeLessThan(names.indexOf('Афганистан'));
});

test('the switcher keeps the partner list view, query included', async ({ page }) => {
  await page.goto('/partners?view=groups&window=10');
  await page.getByTestId('language-switcher').getByRole('link', { name: 'Қазақша' }).click();
  await expect(page).toHaveURL(/\/kk\/partners\?view=groups&window=10$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Серіктестер, \d{4}$/);
  await expect(
    page.getByTestId('partner-list-table').getByRole('link', { name: /^Еуропалық Одақ AGG_EU$/ }),
  ).toBeVisible();
  await expect(page.getByTestId('pagination-summary')).toHaveText(/^1–\d+, барлығы \d+ топ$/);
  const switcher = page.getByTestId('language-switcher');
  await expect(switcher.getByRole('link', { name: 'English' })).toHaveAttribute(
    'href',
    '/partners?view=groups&window=10',
  );
  await expect(switcher.getByRole('link', { name: 'Русский' })).toHaveAttribute(
    'href',
    '/ru/partners?view=groups&window=10',
  );
});

test('a mistyped parameter and an incomplete year are explained in the language', async ({ page }) => {
  await page.goto('/kk/partners?window=7&year=1992');
  const notice = page.getByTestId('params-notice');
  await expect(notice).toContainText('window');
  await expect(notice).toContainText('мыналардың бірі: 3, 5, 10, 15, 20 (жыл)');
  await expect(page.getByTestId('incomplete-year-notice')).toContainText('1992 — толық емес жыл: Толық емес қамту');
  await expect(page.getByTestId('incomplete-year-notice')).toContainText('Ресей, Украина және Өзбекстан');
});

test('Russian and Kazakh partner lists have no English word of the interface left', async ({ page }) => {
  // Several pages, each with its disclosures opened.
  test.setTimeout(120_000);
  for (const path of ['/ru/partners', '/kk/partners?view=groups', '/ru/partners?year=1992&group=AGG_CIS&min=0']) {
    await page.goto(path);
    await expect(page.getByTestId('partner-list-table').locator('tbody tr').first()).toBeVisible();
    // The group filter's panel, so its words count too.
    if (!path.includes('groups')) await page.getByTestId('filter-group').getByRole('button').first().click();
    const text = await interfaceText(page);
    for (const word of [
      'Partners',
      'Partner',
      'Overview',
      'Turnover',
      'Exports',
      'Imports',
      'Balance',
      'Share',
      'Change',
      'Growth',
      'Rank',
      'Trend',
      'Groups',
      'Agreements',
      'Investment',
      'Filter',
      'Reset',
      'Year',
      'years',
      'any size',
      'members',
      'Rows per page',
      'Page ',
      'Download',
      'estimate',
      'Source',
      'million',
      'Kazakhstan',
      ' and ',
      ' the ',
      ' of ',
    ]) {
      expect(text, `${path}: ${word}`).not.toContain(word);
    }
  }
});

test.describe('partner lists at 375 px', () => {
  test.use({ viewport: { width: 375, height: 800 } });
  for (const path of ['/ru/partners', '/kk/partners']) {
    test(`${path} has no axe violations and does not scroll sideways`, async ({ page }, testInfo) => {
      test.setTimeout(120_000);
      expect(await isAxeAvailable()).toBe(true);
      await page.goto(path, { waitUntil: 'networkidle' });
      await expect(page.getByTestId('partner-list-table').locator('tbody tr').first()).toBeVisible();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, testInfo);
    });
  }
});
