// The interface in Russian and Kazakh (docs/i18n.md): a translated screen under /ru and /kk, English
// at the bare paths as before, the language switcher, hreflang, and one page-cache entry per language.
// Expected words are the catalogues' (lib/i18n/messages); plural forms follow each language's rules.
import type { APIResponse } from '@playwright/test';
import { expectNoAxeViolations, isAxeAvailable } from './fixtures/axe';
import { expectAlternates, interfaceText, openInLanguage } from './fixtures/i18n';
import { expect, test } from './fixtures/test';

const SCREENS = [
  {
    path: '/presence',
    lang: 'en',
    heading: 'Diplomatic presence',
    nav: 'Presence',
    plan: ['2012: 3 embassies', '2014: 5 embassies'],
  },
  {
    path: '/ru/presence',
    lang: 'ru',
    heading: 'Дипломатическое присутствие',
    nav: 'Представительства',
    plan: ['2012: 3 посольства', '2014: 5 посольств'],
  },
  {
    path: '/kk/presence',
    lang: 'kk',
    heading: 'Дипломатиялық қатысу',
    nav: 'Өкілдіктер',
    plan: ['2012: 3 елшілік', '2014: 5 елшілік'],
  },
] as const;

for (const screen of SCREENS) {
  test(`${screen.path} is in its language throughout`, async ({ page }) => {
    await openInLanguage(page, screen.path, { lang: screen.lang, heading: screen.heading, nav: screen.nav });
    for (const text of screen.plan) await expect(page.getByTestId('presence-plan')).toContainText(text);
    // The partners of the plan link to their profiles, in the page's language.
    const prefix = screen.lang === 'en' ? '' : `/${screen.lang}`;
    await expect(page.getByTestId('presence-plan').getByRole('link').first()).toHaveAttribute(
      'href',
      new RegExp(`^${prefix}/partners/[A-Z]{3}$`),
    );
    await expectAlternates(page, '/presence');
  });
}

test('Russian and Kazakh pages have no English word of the interface left', async ({ page }) => {
  for (const path of ['/ru/presence', '/kk/presence']) {
    await page.goto(path);
    // Citations stay as published (outlet, headline, place in the article): they point into English sources.
    const citations = await page.locator('main p', { hasText: /^(Источник|Дереккөз): / }).allInnerTexts();
    expect(citations.length, path).toBeGreaterThan(0);
    let text = await page.locator('body').innerText();
    for (const citation of citations) text = text.replace(citation, '');
    // Words of the English interface (header, nav, footer, this screen).
    for (const word of ['Overview', 'Compare', 'Skip to content', 'establishments', 'embassies', 'Source:', 'Type']) {
      expect(text, `${path}: ${word}`).not.toContain(word);
    }
  }
});

test('the switcher opens the same screen in each language and back', async ({ page }) => {
  await page.goto('/presence');
  const switcher = page.getByTestId('language-switcher');
  await switcher.getByRole('link', { name: 'Русский' }).click();
  await expect(page).toHaveURL(/\/ru\/presence$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Дипломатическое присутствие');
  await switcher.getByRole('link', { name: 'Қазақша' }).click();
  await expect(page).toHaveURL(/\/kk\/presence$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expect(switcher.getByRole('link', { name: 'Қазақша' })).toHaveAttribute('aria-current', 'true');
  await switcher.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/presence$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Diplomatic presence');
});

// The switcher reads the query, so it streams in after the page; its fallback holds the same links
// for the bare path, so the header already has its final height on the first paint (no layout
// shift) and a reader without JavaScript can still switch.
test('the switcher is in the first paint: the header keeps its height when the page hydrates', async ({ browser }) => {
  const heights: number[] = [];
  for (const javaScriptEnabled of [false, true]) {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 412, height: 823 } });
    const page = await context.newPage();
    await page.goto('/compare?partners=DEU,CHN');
    const russian = page.locator('[data-testid="language-switcher"]:visible').getByRole('link', { name: 'Русский' });
    await expect(russian).toHaveAttribute('href', javaScriptEnabled ? '/ru/compare?partners=DEU,CHN' : '/ru/compare');
    heights.push(await page.locator('header').evaluate((header) => header.getBoundingClientRect().height));
    await context.close();
  }
  expect(heights[1]).toBe(heights[0]);
});

test('the header’s links keep the page’s language, to the last screen translated', async ({ page }) => {
  await page.goto('/ru/presence');
  await page.getByRole('navigation', { name: 'Основное меню' }).getByRole('link', { name: 'Согласованность' }).click();
  await expect(page).toHaveURL(/\/ru\/consistency$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByTestId('language-switcher')).toBeVisible();
});

test('English stays at the bare paths; other prefixes are redirected', async ({ request }) => {
  const english = await request.get('/presence');
  expect(await english.text()).toContain('<html lang="en"');
  const get = (path: string) => request.get(path, { maxRedirects: 0 });
  const location = (answer: APIResponse) => new URL(answer.headers().location ?? '', 'http://localhost');
  // /en/… is the bare path for good.
  const en = await get('/en/presence');
  expect(en.status()).toBe(308);
  expect(location(en).pathname).toBe('/presence');
  // An address no translation serves: its English page, with the query kept.
  const untranslated = await get('/ru/presence/x?items=all');
  expect(untranslated.status()).toBe(307);
  const target = location(untranslated);
  expect(target.pathname + target.search).toBe('/presence/x?items=all');
  expect((await get('/kk/presence/x')).status()).toBe(307);
  // Today's permalinks are untouched.
  for (const path of ['/', '/compare', '/partners/DEU', '/map']) {
    const answer = await get(path);
    expect(answer.status(), path).toBe(200);
    expect(await answer.text(), path).toContain('<html lang="en"');
  }
});

test('the page cache keeps one page per language, chosen by the address alone', async ({ request }) => {
  const first = await request.get('/kk/presence');
  const second = await request.get('/kk/presence');
  expect(second.headers()['x-page-cache']).toBe('hit');
  for (const answer of [first, second]) expect(await answer.text()).toContain('<html lang="kk"');
  // The English page is another entry, and a client's own language header changes nothing.
  const english = await request.get('/presence', { headers: { 'x-dashboard-locale': 'kk' } });
  expect(await english.text()).toContain('<html lang="en"');
  const russian = await request.get('/ru/presence', { headers: { 'x-dashboard-locale': 'en' } });
  expect(await russian.text()).toContain('<html lang="ru"');
});

// /compare in each language: headings, controls, table and notes from the catalogues, partner
// names from the bureau's dictionary and CLDR, numbers with the language's separators.
const COMPARE = [
  {
    path: '/ru/compare',
    lang: 'ru',
    heading: 'Сравнение партнёров',
    nav: 'Сравнение',
    labels: ['Показатель', 'Валюта', 'Быстрый выбор'],
    summary: 'Внешнеторговый оборот (экспорт + импорт): первый и последний год, рост',
    partners: ['Китай', 'Россия'],
    unit: 'млн долл. США',
    methods: 'Методы и источники',
  },
  {
    path: '/kk/compare',
    lang: 'kk',
    heading: 'Серіктестерді салыстыру',
    nav: 'Салыстыру',
    labels: ['Көрсеткіш', 'Валюта', 'Жылдам таңдау'],
    summary: 'Сыртқы сауда айналымы (экспорт + импорт): бірінші және соңғы жыл, өсу',
    partners: ['Қытай', 'Ресей'],
    unit: 'млн АҚШ доллары',
    methods: 'Әдістер мен дереккөздер',
  },
] as const;

for (const screen of COMPARE) {
  test(`${screen.path} is in its language throughout`, async ({ page }) => {
    await openInLanguage(page, screen.path, { lang: screen.lang, heading: screen.heading, nav: screen.nav });
    const controls = page.getByTestId('compare-controls');
    for (const label of screen.labels) await expect(controls).toContainText(label);
    await expect(page.getByRole('heading', { name: screen.summary })).toBeVisible();
    await expect(page.getByRole('heading', { name: screen.methods })).toBeVisible();
    for (const name of screen.partners) await expect(page.getByTestId('selected-partners')).toContainText(name);
    // The summary's amounts: grouped with a space, a decimal comma, never "1,234.5".
    const amount = page.getByTestId('compare-summary').locator('tbody tr').first().locator('td').nth(1);
    await expect(amount).toHaveText(/^\d{1,3}(\s\d{3})*,\d \(\d{4}\)$/);
    await expect(page.getByTestId('compare-figure')).toContainText(screen.unit);
    // Links stay in the language: the permalink.
    await expect(page.getByTestId('permalink')).toHaveAttribute('href', new RegExp(`^/${screen.lang}/compare\\?`));
    await expectAlternates(page, '/compare');
  });
}

test('/ru/compare and /kk/compare have no English word of the interface left', async ({ page }) => {
  for (const path of ['/ru/compare', '/kk/compare?currency=EUR&mode=index&from=2015&to=2024']) {
    await page.goto(path);
    // Open every table alternative, so its words are in the text too.
    for (const summary of await page.locator('details > summary').all()) await summary.click();
    // Citations (<cite>: attributions, vintages) and publishers (links to the sources) stay as published: they are left out.
    const citations = [
      ...(await page.locator('main cite').allInnerTexts()),
      ...(await page.locator('main a[href^="http"]').allInnerTexts()),
    ];
    let text = await page.locator('body').innerText();
    for (const citation of citations) text = text.replace(citation, '');
    for (const word of [
      'Compare',
      'Overview',
      'Shortcuts',
      'Indicator',
      'Currency',
      'Turnover',
      'Exports',
      'Partner',
      'Growth',
      'Change',
      'Share',
      'Show the numbers',
      'How these figures',
      'Methods',
      'Download',
      'Permalink',
      'million',
      'Source:',
      'Sources:',
      'Unit',
      'Year',
      'Kazakhstan',
      ' and ',
      ' the ',
    ]) {
      expect(text, `${path}: ${word}`).not.toContain(word);
    }
  }
});

test('the switcher keeps the compare view, query included', async ({ page }) => {
  await page.goto('/compare?partners=DEU,CHN&mode=share');
  await page.getByTestId('language-switcher').getByRole('link', { name: 'Қазақша' }).click();
  await expect(page).toHaveURL(/\/kk\/compare\?partners=DEU,CHN&mode=share$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Серіктестерді салыстыру');
  await expect(page.getByTestId('selected-partners')).toContainText('Германия');
});

test('the compare embed in Russian and Kazakh: its language, framable like the English one, full view in the language', async ({
  page,
  request,
}) => {
  for (const [lang, heading, unit] of [
    ['ru', /^Внешнеторговый оборот по партнёрам, млн долл\. США, /, 'млн долл. США'],
    ['kk', /^Сыртқы сауда айналымы серіктестер бойынша, млн АҚШ доллары, /, 'млн АҚШ доллары'],
  ] as const) {
    const path = `/${lang}/embed/compare?partners=AGG_EU,CHN,RUS`;
    // Twice: the second answer comes from the page cache, and must keep the embed's framing rules.
    for (const answer of [await request.get(path), await request.get(path)]) {
      expect(answer.status(), path).toBe(200);
      expect(answer.headers()['content-security-policy'], path).toContain('frame-ancestors *');
      expect(answer.headers()['x-frame-options'], path).toBeUndefined();
    }
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.getByTestId('compare-figure')).toContainText(unit);
    const back = page.getByTestId('embed-full-view');
    expect(new URL((await back.getAttribute('href')) ?? '', 'http://x').pathname).toBe(`/${lang}/compare`);
  }
  // The full view in any language still refuses frames.
  for (const path of ['/ru/compare', '/kk/compare']) {
    const answer = await request.get(path);
    expect(answer.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(answer.headers()['x-frame-options'], path).toBe('DENY');
  }
});

test('the embed snippet of /kk/compare frames the Kazakh embed', async ({ page }) => {
  await page.goto('/kk/compare');
  await page
    .getByTestId('compare-figure')
    .getByRole('button', { name: /ендіру$/ })
    .click();
  await expect(page.getByTestId('embed-code')).toHaveValue(/src="http:\/\/[^"]+\/kk\/embed\/compare\?/);
});

// A partner's profile in Russian and Kazakh: every section's words from the catalogues, partner
// names from the bureau's dictionary and CLDR, numbers and dates through Intl; the titles of
// agreements, events and articles stay as published, in <cite> or marked lang="en".
const PROFILES = [
  {
    path: '/ru/partners/DEU',
    lang: 'ru',
    name: 'Германия',
    contents: 'Основные показатели',
    headings: ['Экспорт, импорт, оборот и сальдо по годам', 'Данные о торговле в новостях'],
    context: ['Инвестиции: Германия', 'Соглашения', 'События', 'Дипломатическое присутствие'],
    turnover: 'Внешнеторговый оборот',
    unit: 'млн долл. США',
    memberOf: 'Европейский союз',
  },
  {
    path: '/kk/partners/DEU',
    lang: 'kk',
    name: 'Германия',
    contents: 'Негізгі көрсеткіштер',
    headings: ['Экспорт, импорт, айналым және сальдо жылдар бойынша', 'Жаңалықтардағы сауда деректері'],
    context: ['Инвестициялар: Германия', 'Келісімдер', 'Оқиғалар', 'Дипломатиялық қатысу'],
    turnover: 'Сыртқы сауда айналымы',
    unit: 'млн АҚШ доллары',
    memberOf: 'Еуропалық Одақ',
  },
] as const;

for (const profile of PROFILES) {
  test(`${profile.path} is in its language throughout`, async ({ page }) => {
    const response = await page.goto(profile.path);
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', profile.lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${profile.name} DEU`);
    await expect(page.getByTestId('profile-contents')).toContainText(profile.contents);
    for (const name of [...profile.headings, ...profile.context]) {
      await expect(page.getByRole('heading', { name, exact: true }).first()).toBeVisible();
    }
    const figures = page.getByTestId('partner-key-figures');
    await expect(figures).toContainText(profile.turnover);
    // Amounts with the language's separators: a decimal comma, never "1,234.5".
    await expect(figures).toContainText(/\d,\d/);
    expect(await figures.innerText()).not.toMatch(/\d\.\d/);
    await expect(page.locator('main')).toContainText(profile.unit);
    // The groups it belongs to, named in the language, link to their profiles in the language.
    const eu = page.getByRole('link', { name: profile.memberOf, exact: true }).first();
    await expect(eu).toHaveAttribute('href', `/${profile.lang}/partners/AGG_EU`);
    await expectAlternates(page, '/partners/DEU');
    const switcher = page.getByTestId('language-switcher');
    await expect(switcher.getByRole('link', { name: 'English' })).toHaveAttribute('href', '/partners/DEU');
  });
}

test('a group profile in Russian: members by period, their trade, notes and links in the language', async ({
  page,
}) => {
  await page.goto('/ru/partners/AGG_EU');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Европейский союз AGG_EU');
  await expect(page.getByRole('heading', { name: 'Члены', exact: true })).toBeVisible();
  const members = page.getByTestId('group-members');
  for (const header of ['Член', 'С', 'По', 'Примечание']) {
    await expect(members.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
  }
  // The bureau's Russian names, the data's notes from the catalogue, Intl's dates.
  const france = members.getByRole('row').filter({ hasText: 'Франция' });
  await expect(france).toContainText('1 января 1958 г.');
  await expect(france).toContainText('Член-основатель ЕЭС (ЕС с 1993 года)');
  await expect(france.getByRole('link', { name: 'Франция' })).toHaveAttribute('href', '/ru/partners/FRA');
  await expect(members.getByRole('row').filter({ hasText: 'Соединенное Королевство' })).toContainText(
    'Вышла 31 января 2020 года',
  );
  // The members' trade: shares of the EU's own figure, with a decimal comma.
  const trade = page.getByTestId('member-trade');
  await expect(trade).toContainText('как доля в собственном показателе ЕС');
  await expect(trade.getByRole('rowheader', { name: 'Германия' })).toBeVisible();
  await expect(trade.locator('tbody tr').first().locator('td').last()).toHaveText(/^\d+,\d\s%$/);
});

test('Russian and Kazakh profiles have no English word of the interface left', async ({ page }) => {
  // Four full profiles with every disclosure open: 32 s on a loaded two-core machine.
  test.setTimeout(120_000);
  for (const path of ['/ru/partners/DEU', '/kk/partners/DEU', '/ru/partners/AGG_EU', '/kk/partners/CHN']) {
    await page.goto(path);
    // Every disclosure open (table alternatives, empty sections, worked-out dates); citations and
    // the database's own English (titles, summaries, places) stay as published and are left out.
    const text = await interfaceText(page);
    for (const word of [
      'Overview',
      'Compare',
      'On this page',
      'Key figures',
      'Turnover',
      'Exports',
      'Imports',
      'Balance',
      'Share',
      'Member',
      'Figure',
      'Period',
      'Whose statistics',
      'Source',
      'Investment',
      'Agreement',
      'Events',
      'Diplomatic presence',
      'none recorded',
      'in force',
      'Status',
      'Dates',
      'Parties',
      'Gross inflow',
      'undated',
      'converted',
      'Download',
      'Permalink',
      'million',
      'Kazakhstan',
      'partner',
      ' and ',
      ' the ',
      ' of ',
    ]) {
      expect(text, `${path}: ${word}`).not.toContain(word);
    }
  }
});

test('the switcher keeps the profile, and a lower-case code keeps the language', async ({ page, request }) => {
  await page.goto('/partners/CHN');
  await page.getByTestId('language-switcher').getByRole('link', { name: 'Қазақша' }).click();
  await expect(page).toHaveURL(/\/kk\/partners\/CHN$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Қытай CHN');
  const lower = await request.get('/ru/partners/chn', { maxRedirects: 0 });
  expect(lower.status()).toBe(308);
  expect(new URL(lower.headers().location ?? '', 'http://x').pathname).toBe('/ru/partners/CHN');
  const unknown = await request.get('/kk/partners/XYZ');
  expect(unknown.status()).toBe(404);
  expect(await unknown.text()).toContain('Серіктес табылмады');
});

test.describe('profiles at 375 px', () => {
  test.use({ viewport: { width: 375, height: 800 } });
  for (const path of ['/kk/partners/DEU', '/ru/partners/AGG_EU']) {
    test(`${path} has no axe violations and does not scroll sideways`, async ({ page }, testInfo) => {
      test.setTimeout(120_000);
      expect(await isAxeAvailable()).toBe(true);
      await page.goto(path, { waitUntil: 'networkidle' });
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      // The page fits the phone with its disclosures open too (a wide table scrolls in its own box).
      for (const summary of await page.locator('summary').all()) await summary.click();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, testInfo);
    });
  }
});

test('the header search on a Russian page opens the profile in Russian', async ({ page }) => {
  await page.goto('/ru/presence');
  await expect(page.locator('form[role="search"][data-hydrated="true"]')).toHaveCount(1);
  const box = page.getByRole('search').getByRole('combobox');
  await box.fill('Герм');
  await expect(page.getByRole('listbox')).toBeVisible();
  await box.press('Enter');
  await expect(page).toHaveURL(/\/ru\/partners\/DEU$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Германия DEU');
});
