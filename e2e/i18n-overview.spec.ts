// The overview and its chart embeds in Russian and Kazakh (docs/i18n.md, issue 16.4): /ru and /kk
// in their language throughout, numbers with the language's separators, links that keep the
// language where the target screen is translated, hreflang, the switcher, the embeds, axe at 375 px.
// Expected words are the catalogues' (lib/i18n/messages, namespace `overview`) and the bureau's
// terms (docs/i18n.md, glossary); partner names the bureau's and CLDR's.
import type { Page } from '@playwright/test';
import { expectNoAxeViolations, isAxeAvailable } from './fixtures/axe';
import { interfaceText, openInLanguage } from './fixtures/i18n';
import { expect, test } from './fixtures/test';

const OVERVIEWS = [
  {
    path: '/ru',
    lang: 'ru',
    language: 'Русский',
    heading: 'Внешняя торговля Казахстана',
    nav: 'Обзор',
    headings: [
      'Торговля со всем миром, 2025',
      'Внешнеторговый оборот по годам',
      'Структура по партнёрам',
      'Крупнейшие партнёры по внешнеторговому обороту, 2025',
      'Последние цифры в новостях и статьях',
      'Методы и источники',
    ],
    turnover: 'Внешнеторговый оборот, 2025',
    change: /[+−]\d+,\d\s%\s?к 2024 г\./,
    yearToDate: 'С начала 2026 года (январь–июнь):',
    unit: 'млн долл. США',
    notes: 'Доллары США, текущие цены, календарный 2025 год',
    partners: ['Китай', 'Россия'],
    peak: 'без учёта 2010 (Таможенный союз с июля 2010 года)',
    euMembers: 'ЕС по странам-членам',
  },
  {
    path: '/kk',
    lang: 'kk',
    language: 'Қазақша',
    heading: 'Қазақстанның сыртқы саудасы',
    nav: 'Шолу',
    headings: [
      'Бүкіл әлеммен сауда, 2025',
      'Сыртқы сауда айналымы жылдар бойынша',
      'Серіктестер бойынша құрылым',
      'Сыртқы сауда айналымы бойынша ең ірі серіктестер, 2025',
      'Жаңалықтар мен мақалалардағы соңғы сандар',
      'Әдістер мен дереккөздер',
    ],
    turnover: 'Сыртқы сауда айналымы, 2025',
    change: /[+−]\d+,\d%\s?2024 жылмен салыстырғанда/,
    yearToDate: '2026 жылдың басынан (қаңтар–маусым):',
    unit: 'млн АҚШ доллары',
    notes: 'АҚШ доллары, ағымдағы бағалар, 2025 күнтізбелік жылы',
    partners: ['Қытай', 'Ресей'],
    peak: '2010 (2010 жылғы шілдеден бастап Кеден одағы) есепке алынбай',
    euMembers: 'ЕО мүше елдер бойынша',
  },
] as const;

/** The page's hreflang alternates: each language's overview, x-default English (relative or absolute). */
async function expectOverviewAlternates(page: Page) {
  const alternates = await page
    .locator('head link[rel="alternate"][hreflang]')
    .evaluateAll((links) => links.map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]));
  const at = (path: string) => expect.stringMatching(new RegExp(`^(https?://[^/]+)?${path}$`));
  expect(alternates).toEqual(
    expect.arrayContaining([
      ['en', at('/')],
      ['ru', at('/ru')],
      ['kk', at('/kk')],
      ['x-default', at('/')],
    ]),
  );
}

for (const screen of OVERVIEWS) {
  test(`${screen.path} is the overview in its language`, async ({ page }) => {
    await openInLanguage(page, screen.path, { lang: screen.lang, heading: screen.heading, nav: screen.nav });
    for (const name of screen.headings) {
      await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
    }
    // Key figures: the bureau's term, the change with the language's percent, never "1,234.5".
    const headline = page.getByTestId('headline-figures');
    await expect(headline).toContainText(screen.turnover);
    await expect(headline).toContainText(screen.change);
    await expect(headline).toContainText(/\d,\d/);
    expect(await headline.innerText()).not.toMatch(/\d\.\d/);
    await expect(page.getByTestId('year-to-date')).toContainText(screen.yearToDate);
    await expect(page.getByTestId('headline-notes')).toContainText(screen.notes);
    // The peak sentence leaves the incomplete year out and says so, in the language.
    await expect(page.getByTestId('eu-peak')).toContainText(screen.peak);
    // The partner table: names in the language, amounts grouped with a space and a decimal comma.
    const table = page.getByTestId('partners-table');
    for (const name of screen.partners) await expect(table.getByRole('link', { name, exact: true })).toBeVisible();
    const firstTurnover = table.locator('tbody tr').first().locator('td').nth(2);
    await expect(firstTurnover).toHaveText(/^\d{1,3}(\s\d{3})*,\d$/);
    await expect(page.locator('#turnover-figure figcaption')).toContainText(screen.unit);
    // Links keep the language where the screen is translated (profiles, compare, mirror), not elsewhere.
    const prefix = `/${screen.lang}`;
    await expect(table.getByRole('link', { name: screen.partners[0], exact: true })).toHaveAttribute(
      'href',
      new RegExp(`^${prefix}/partners/[A-Z]{3}$`),
    );
    await expect(page.getByTestId('question-eu-china-russia')).toHaveAttribute(
      'href',
      `${prefix}/compare?partners=AGG_EU,CHN,RUS&from=2000`,
    );
    await expect(page.getByTestId('question-statistics-disagree')).toHaveAttribute('href', `${prefix}/mirror`);
    await expectOverviewAlternates(page);
    const switcher = page.getByTestId('language-switcher');
    await expect(switcher.getByRole('link', { name: 'English' })).toHaveAttribute('href', '/');
    await expect(switcher.getByRole('link', { name: 'Русский' })).toHaveAttribute('href', '/ru');
    await expect(switcher.getByRole('link', { name: 'Қазақша' })).toHaveAttribute('href', '/kk');
    await expect(switcher.getByRole('link', { name: screen.language })).toHaveAttribute('aria-current', 'true');
  });
}

test('/ru and /kk have no English word of the interface left', async ({ page }) => {
  for (const path of ['/ru', '/kk?partners=all&eu=members&sort=name']) {
    await page.goto(path);
    // Open every table alternative, so its words count too.
    const text = await interfaceText(page);
    for (const word of [
      'Overview',
      'Compare',
      'Skip',
      'Trade',
      'Turnover',
      'Exports',
      'Imports',
      'Balance',
      'Share',
      'Partner',
      'Country',
      'Group',
      'Year',
      'World',
      'Other partners',
      'Composition',
      'Recent figures',
      'Start with a question',
      'Source',
      'derived',
      'estimate',
      'million',
      'Show the numbers',
      'How these figures',
      'Methods',
      'Download',
      'Embed',
      'Kazakhstan',
      'so far',
      ' and ',
      ' the ',
      ' of ',
      ' in ',
    ]) {
      expect(text, `${path}: ${word}`).not.toContain(word);
    }
  }
});

test('a parameter /ru cannot use is named in Russian; the EU toggle and the name sort keep the language', async ({
  page,
}) => {
  await page.goto('/ru?eu=both&year=1800');
  const notice = page.getByTestId('params-notice');
  await expect(notice).toContainText('одно из: block, members');
  await expect(notice).toContainText('год с данными');
  await expect(page.getByRole('radio', { name: 'ЕС одним блоком' })).toBeChecked();

  await page.goto('/kk');
  await page.getByText(OVERVIEWS[1].euMembers).click();
  await expect(page).toHaveURL(/\/kk\?eu=members$/);
  const legend = page.getByTestId('composition-chart').getByRole('list', { name: 'Шартты белгілер' });
  await expect(legend).toContainText('Италия');
  await expect(legend).not.toContainText('Еуропалық Одақ');

  // Sorted by name, the Russian names are in Russian alphabetical order (not the English names').
  await page.goto('/ru?sort=name');
  const names = (await page.getByTestId('partners-table').locator('tbody tr > :first-child').allInnerTexts()).map(
    (cell) => cell.replace(/\s*[A-Z]{3}$/, ''),
  );
  expect(names.length).toBeGreaterThan(10);
  expect(names).toEqual([...names].sort(new Intl.Collator('ru').compare));
  expect(names[0]).toMatch(/^А/);
});

test('the overview embeds in Russian and Kazakh: their language, framable, full view in the language', async ({
  page,
  request,
}) => {
  for (const [path, lang, heading, fullView] of [
    [
      '/ru/embed/overview/turnover',
      'ru',
      /^Внешнеторговый оборот с \d+ крупнейшими странами-партнёрами, 1992–2025$/,
      '/ru#turnover-heading',
    ],
    [
      '/kk/embed/overview/composition?eu=members',
      'kk',
      /^Қазақстан кіммен сауда жасайды: жалпы айналымдағы үлесі, 2000–2025$/,
      '/kk?eu=members#composition-heading',
    ],
  ] as const) {
    // Twice: the second answer comes from the page cache and keeps the embed's framing rules.
    for (const answer of [await request.get(path), await request.get(path)]) {
      expect(answer.status(), path).toBe(200);
      expect(answer.headers()['content-security-policy'], path).toContain('frame-ancestors *');
      expect(answer.headers()['x-frame-options'], path).toBeUndefined();
    }
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.getByTestId('embed-full-view')).toHaveAttribute('href', fullView);
    expect(await interfaceText(page)).not.toMatch(/\b(Turnover|Share|Sources?|million|Kazakhstan|Open)\b/);
  }
  const unknown = await request.get('/ru/embed/overview/nothing');
  expect(unknown.status()).toBe(404);
  expect(await unknown.text()).toContain('Такого графика нет');
  // The full view in any language still refuses frames.
  for (const path of ['/ru', '/kk']) {
    const answer = await request.get(path);
    expect(answer.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(answer.headers()['x-frame-options'], path).toBe('DENY');
  }
});

test('the embed snippet of /kk frames the Kazakh embed, and the switcher keeps the query', async ({ page }) => {
  await page.goto('/kk');
  await page
    .getByTestId('composition-figure')
    .getByRole('button', { name: /ендіру$/ })
    .click();
  await expect(page.getByTestId('embed-code')).toHaveValue(/src="http:\/\/[^"]+\/kk\/embed\/overview\/composition"/);

  await page.goto('/?eu=members');
  await page.getByTestId('language-switcher').getByRole('link', { name: 'Русский' }).click();
  await expect(page).toHaveURL(/\/ru\?eu=members$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Внешняя торговля Казахстана');
  await expect(page.getByRole('radio', { name: 'ЕС по странам-членам' })).toBeChecked();
});

test.describe('the overview at 375 px', () => {
  test.use({ viewport: { width: 375, height: 800 } });
  for (const [path, colorScheme] of [
    ['/ru', 'light'],
    ['/kk?eu=members', 'dark'],
    ['/kk/embed/overview/world', 'light'],
  ] as const) {
    test(`${path} (${colorScheme}) has no axe violations and does not scroll sideways`, async ({ page }, testInfo) => {
      // axe visits every text node of the open tables: longer than the default on two cores.
      test.setTimeout(120_000);
      expect(await isAxeAvailable()).toBe(true);
      await page.emulateMedia({ colorScheme });
      await page.goto(path, { waitUntil: 'networkidle' });
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      // As accessibility.spec.ts: the page fits the phone with its disclosures closed.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      for (const summary of await page.locator('summary').all()) await summary.click();
      await expectNoAxeViolations(page, testInfo);
    });
  }
});
