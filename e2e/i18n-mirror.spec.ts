// Where the statistics disagree, in Russian and Kazakh (docs/i18n.md): /ru/mirror and /kk/mirror,
// with the toolbar, column headers, sentences, paging and notes from the catalogues, partner names
// in the language (sorted in it), numbers with the language's separators and links that stay in
// the language. Expected figures come from the bundled IMF DOTS files; words from the catalogues.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expectNoAxeViolations, isAxeAvailable } from './fixtures/axe';
import { expectAlternates, interfaceText, LOCALE_AMOUNT, openInLanguage } from './fixtures/i18n';
import { expect, expectTableSettled, test } from './fixtures/test';

const dots = (file: string) =>
  parse(readFileSync(new URL(`../prisma/data/observations/${file}`, import.meta.url)), {
    columns: true,
  }) as Record<string, string>[];
const rows = [...dots('imf_dots_kaz_reported.csv'), ...dots('imf_dots_mirror_partner_reported.csv')];
const usdMn = (reporter: string, partner: string, year: string, flow: string) => {
  const row = rows.find(
    (r) => r.reporter_code === reporter && r.partner_code === partner && r.year === year && r.flow === flow,
  );
  return row ? (Number(row.value) * Number(row.scale)) / 1e6 : Number.NaN;
};
/** "3 148,6": Russian digits and separators, which the dashboard also uses for Kazakh (docs/i18n.md). */
const localNumber = (value: number) =>
  new Intl.NumberFormat('ru', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
const plain = (text: string) => text.replaceAll('\u00a0', ' ');

// 2020 exports to the Netherlands, as Kazakhstan records them and as the Netherlands records its imports.
const kazNld = usdMn('KAZ', 'NLD', '2020', 'export');
const nldKaz = usdMn('NLD', 'KAZ', '2020', 'import');
const times = String(Math.round(kazNld / nldKaz));

const SCREENS = [
  {
    lang: 'ru',
    heading: 'Где статистика Казахстана и его партнёров расходится',
    nav: 'Расхождения',
    toolbar: ['Поток', 'Год', 'Не меньше', 'Экспорт Казахстана'],
    columns: ['Партнёр', 'Год', 'Экспорт Казахстана', 'Импорт партнёра из Казахстана', 'Разница', 'Во сколько раз'],
    netherlands: 'Нидерланды',
    // 22 is "few" in Russian: "в 22 раза".
    sentence: `По данным Казахстана в ${times} раза больше, чем у партнёра (Нидерланды).`,
    summary: /^[\d\s]+ пар(ы|а)? «партнёр — год»$/,
    pages: /^1–25 из [\d\s]+ (строк|строки)$/,
    coverage: 'Данные партнёров заканчиваются 2020 годом',
    importFlow: 'Импорт Казахстана',
    importColumn: 'Экспорт партнёра в Казахстан',
  },
  {
    lang: 'kk',
    heading: 'Қазақстан мен серіктестерінің статистикасы қай жерде алшақтайды',
    nav: 'Алшақтықтар',
    toolbar: ['Ағын', 'Жыл', 'Кемінде', 'Қазақстанның экспорты'],
    columns: ['Серіктес', 'Жыл', 'Қазақстанның экспорты', 'Серіктестің Қазақстаннан импорты', 'Айырма', 'Неше есе'],
    netherlands: 'Нидерланд',
    sentence: `Қазақстан деректері бойынша серіктестікінен (Нидерланд) ${times} есе көп.`,
    summary: /^[\d\s]+ «серіктес — жыл» жұбы$/,
    pages: /^1–25, барлығы [\d\s]+ жол$/,
    coverage: 'Серіктестер деректері 2020 жылмен аяқталады',
    importFlow: 'Қазақстанның импорты',
    importColumn: 'Серіктестің Қазақстанға экспорты',
  },
] as const;

for (const screen of SCREENS) {
  test(`/${screen.lang}/mirror is in its language throughout`, async ({ page }) => {
    await openInLanguage(page, `/${screen.lang}/mirror?year=2020`, {
      lang: screen.lang,
      heading: screen.heading,
      nav: screen.nav,
    });
    for (const label of screen.toolbar) await expect(page.getByTestId('mirror-toolbar')).toContainText(label);
    await expect(page.getByTestId('mirror-coverage')).toContainText(screen.coverage);

    const table = page.getByTestId('mirror-table');
    for (const column of screen.columns) await expect(table.locator('thead')).toContainText(column);
    const nld = table.locator('tbody tr[data-row-key="NLD|2020"]');
    await expect(nld.getByRole('link')).toHaveText(new RegExp(`^${screen.netherlands}\\s+NLD$`));
    await expect(nld.getByRole('link')).toHaveAttribute('href', `/${screen.lang}/partners/NLD#mirror-heading`);
    expect(plain(await nld.innerText())).toContain(plain(localNumber(kazNld)));
    expect(plain(await nld.innerText())).toContain(plain(localNumber(nldKaz)));
    await expect(nld.getByTestId('mirror-sentence')).toHaveText(screen.sentence);
    expect(plain(await page.getByTestId('mirror-summary').innerText())).toMatch(screen.summary);
    expect(plain(await page.getByTestId('pagination-summary').innerText())).toMatch(screen.pages);
    await expectAlternates(page, '/mirror');
  });

  test(`/${screen.lang}/mirror: the flow from the toolbar, in the language and the address`, async ({ page }) => {
    await page.goto(`/${screen.lang}/mirror`);
    const table = page.getByTestId('mirror-table');
    await page.getByTestId('mirror-toolbar').getByRole('combobox').first().selectOption({ label: screen.importFlow });
    await expect(page).toHaveURL(new RegExp(`/${screen.lang}/mirror\\?flow=import$`));
    await expectTableSettled(page, table);
    await expect(table.locator('thead')).toContainText(screen.importColumn);
    // Amounts with the language's separators: a space between thousands, a decimal comma.
    await expect(table.locator('tbody tr').first()).toContainText(LOCALE_AMOUNT);
  });
}

test('a Russian page sorts partners by their Russian names', async ({ page }) => {
  await page.goto('/ru/mirror?sort=partner:asc&size=100&min=0&year=2019');
  const table = page.getByTestId('mirror-table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  const names = (await table.locator('tbody tr th a').allInnerTexts()).map((n) => n.replace(/\s+[A-Z_]+$/, ''));
  expect(names.length).toBeGreaterThan(20);
  expect(names).toEqual([...names].sort(new Intl.Collator('ru').compare));
});

test('a mistyped parameter is explained in the language', async ({ page }) => {
  const response = await page.goto('/kk/mirror?flow=both&min=7');
  expect(response?.status()).toBe(200);
  const notice = page.getByTestId('params-notice');
  await expect(notice).toContainText('flow');
  await expect(notice).toContainText('мыналардың бірі: export, import');
  await expect(notice).toContainText('min');
});

test('Russian and Kazakh mirror pages have no English word of the interface left', async ({ page }) => {
  for (const path of ['/ru/mirror', '/kk/mirror?flow=import&min=0&year=2015', '/ru/mirror?flow=both']) {
    await page.goto(path);
    await expect(page.getByTestId('mirror-table').locator('tbody tr').first()).toBeVisible();
    const text = await interfaceText(page);
    for (const word of [
      'Partner',
      'Kazakhstan',
      'Flow',
      'Year',
      'Gap',
      'How far',
      'times',
      'records',
      'agree',
      'any size',
      'million',
      'USD',
      'Rows per page',
      'Page ',
      'Source',
      'estimate',
      ' and ',
      ' the ',
      ' of ',
    ]) {
      expect(text, `${path}: ${word}`).not.toContain(word);
    }
  }
});

test.describe('mirror pages at 375 px', () => {
  test.use({ viewport: { width: 375, height: 800 } });
  for (const path of ['/ru/mirror', '/kk/mirror']) {
    test(`${path} has no axe violations and does not scroll sideways`, async ({ page }, testInfo) => {
      test.setTimeout(120_000);
      expect(await isAxeAvailable()).toBe(true);
      await page.goto(path, { waitUntil: 'networkidle' });
      await expect(page.getByTestId('mirror-table').locator('tbody tr').first()).toBeVisible();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, testInfo);
    });
  }
});
