// The world map in Russian and Kazakh (docs/i18n.md): /ru/map, /kk/map and their embeds, with the
// controls, slider, legend, tooltips, table and notes from the catalogues, partner names in the
// language, numbers with the language's separators and links that stay in the language.
// Expected figures come from the bundled bureau table; words from the catalogues (lib/i18n/messages).
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expectNoAxeViolations, isAxeAvailable } from './fixtures/axe';
import { expectAlternates, interfaceText, openInLanguage } from './fixtures/i18n';
import { expect, test } from './fixtures/test';

const bns = parse(
  readFileSync(new URL('../prisma/data/observations/bns_trade_by_partner_2020_2025.csv', import.meta.url)),
  { columns: true },
) as Record<string, string>[];
const usdMn = (code: string, year: string, flow: string) => {
  const row = bns.find((r) => r.partner_code === code && r.year === year && r.flow === flow);
  return row ? (Number(row.value) * Number(row.scale)) / 1e6 : Number.NaN;
};
/** "12 345,6": Russian digits and separators, which the dashboard also uses for Kazakh (docs/i18n.md). */
const localNumber = (value: number) =>
  new Intl.NumberFormat('ru', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);

const MAPS = [
  {
    lang: 'ru',
    heading: 'Партнёры Казахстана на карте, 2025',
    nav: 'Карта',
    controls: ['Показатель', 'Европейский союз', 'ЕС по странам-членам', 'Год'],
    figure: 'Внешнеторговый оборот по партнёрам, 2025',
    germany: 'Германия',
    china: 'Китай',
    gibraltar: 'Гибралтар',
    unit: 'млн долл. США',
    measure: 'Внешнеторговый оборот',
    legend: ['Нет данных', 'Казахстан (отчитывающаяся страна)'],
    showTable: 'Показать числа таблицей',
    slider: 'Год',
    play: 'Показать по годам',
    pause: 'Пауза',
  },
  {
    lang: 'kk',
    heading: 'Қазақстанның серіктестері картада, 2025',
    nav: 'Карта',
    controls: ['Көрсеткіш', 'Еуропалық Одақ', 'ЕО мүшелері бойынша', 'Жыл'],
    figure: 'Сыртқы сауда айналымы серіктестер бойынша, 2025',
    germany: 'Германия',
    china: 'Қытай',
    gibraltar: 'Гибралтар',
    unit: 'млн АҚШ доллары',
    measure: 'Сыртқы сауда айналымы',
    legend: ['Дерек жоқ', 'Қазақстан (есеп беруші ел)'],
    showTable: 'Сандарды кесте түрінде көрсету',
    slider: 'Жыл',
    play: 'Жылдарды ойнату',
    pause: 'Кідірту',
  },
] as const;

for (const map of MAPS) {
  test(`/${map.lang}/map is in its language throughout`, async ({ page }) => {
    await openInLanguage(page, `/${map.lang}/map?year=2025`, { lang: map.lang, heading: map.heading, nav: map.nav });
    const controls = page.getByTestId('map-controls');
    for (const label of map.controls.slice(0, 3)) await expect(controls).toContainText(label);
    await expect(page.getByTestId('map-year')).toContainText(map.controls[3]);
    await expect(page.getByRole('heading', { level: 2, name: map.figure })).toBeVisible();
    await expect(page.getByTestId('map-figure')).toContainText(map.unit);
    for (const text of map.legend) await expect(page.getByTestId('map-legend')).toContainText(text);

    // Germany's tooltip: its name, its figure with the language's separators and unit, the subject.
    const germany = page.getByTestId('world-map').locator('a[data-code="DEU"]');
    await expect(germany).toHaveAttribute('href', `/${map.lang}/partners/DEU`);
    const title = (await germany.locator('title').textContent()) ?? '';
    expect(title.replaceAll('\u00a0', ' ')).toContain(
      `${map.germany}: ${localNumber(usdMn('DEU', '2025', 'turnover'))} ${map.unit} (${map.measure}, 2025)`.replaceAll(
        '\u00a0',
        ' ',
      ),
    );
    // The partners the map cannot draw, named in the language, linked in the language.
    const gibraltar = page.getByTestId('map-undrawn').locator('li[data-code="GIB"]');
    await expect(gibraltar).toContainText(map.gibraltar);
    await expect(gibraltar.getByRole('link')).toHaveAttribute('href', `/${map.lang}/partners/GIB`);

    // The table alternative: names, numbers and links in the language.
    await page.getByText(map.showTable).click();
    const china = page.getByTestId('map-table').locator('tr[data-code="CHN"]');
    await expect(china.getByRole('link', { name: map.china })).toHaveAttribute('href', `/${map.lang}/partners/CHN`);
    await expect(china.locator('td[data-value]')).toHaveText(
      `${localNumber(usdMn('CHN', '2025', 'turnover'))} ${map.unit}`,
    );
    await expect(page.getByTestId('permalink')).toHaveAttribute(
      'href',
      `/${map.lang}/map?measure=turnover&year=2025&eu=members`,
    );
    await expectAlternates(page, '/map');
  });

  test(`/${map.lang}/map: the year slider from the keyboard, play and pause in the language`, async ({ page }) => {
    await page.goto(`/${map.lang}/map?year=2023`);
    const world = page.getByTestId('world-map');
    const slider = page.getByRole('slider', { name: map.slider });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(new RegExp(`/${map.lang}/map\\?year=2024$`));
    await expect(world).toHaveAttribute('data-year', '2024');
    await page.keyboard.press('Home');
    await expect(world).toHaveAttribute('data-year', '1992');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(new RegExp(`${map.heading.slice(0, -4)}1992$`));
    await page.keyboard.press('End');
    await expect(world).toHaveAttribute('data-year', '2025');
    const play = page.getByTestId('map-play');
    await expect(play).toHaveText(map.play);
    await play.press('Enter');
    await expect(play).toHaveText(map.pause);
    await play.press('Enter');
    await expect(play).toHaveText(map.play);
  });
}

test('the switcher keeps the map view, query included', async ({ page }) => {
  await page.goto('/map?measure=share&year=2024');
  await page.getByTestId('language-switcher').getByRole('link', { name: 'Русский' }).click();
  await expect(page).toHaveURL(/\/ru\/map\?measure=share&year=2024$/);
  await expect(
    page.getByRole('heading', { level: 2, name: 'Доля во внешнеторговом обороте Казахстана по партнёрам, 2024' }),
  ).toBeVisible();
  const switcher = page.getByTestId('language-switcher');
  await expect(switcher.getByRole('link', { name: 'English' })).toHaveAttribute('href', '/map?measure=share&year=2024');
  await expect(switcher.getByRole('link', { name: 'Қазақша' })).toHaveAttribute(
    'href',
    '/kk/map?measure=share&year=2024',
  );
});

test('the map embed in Russian and Kazakh: its language, framable like the English one, full view in the language', async ({
  page,
  request,
}) => {
  for (const [lang, heading] of [
    ['ru', 'Торговое сальдо по партнёрам, 2025'],
    ['kk', 'Сауда сальдосы серіктестер бойынша, 2025'],
  ] as const) {
    const path = `/${lang}/embed/map?measure=balance&year=2025`;
    for (const answer of [await request.get(path), await request.get(path)]) {
      expect(answer.status(), path).toBe(200);
      expect(answer.headers()['content-security-policy'], path).toContain('frame-ancestors *');
      expect(answer.headers()['x-frame-options'], path).toBeUndefined();
    }
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    const back = page.getByTestId('embed-full-view');
    const href = new URL((await back.getAttribute('href')) ?? '', 'http://x');
    expect(href.pathname).toBe(`/${lang}/map`);
    // Profiles open in the language, in a new tab (the full site refuses frames).
    const germany = page.getByTestId('world-map').locator('a[data-code="DEU"]');
    await expect(germany).toHaveAttribute('href', `/${lang}/partners/DEU`);
    await expect(germany).toHaveAttribute('target', '_blank');
  }
  for (const path of ['/ru/map', '/kk/map']) {
    const answer = await request.get(path);
    expect(answer.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'");
  }
});

test('Russian and Kazakh maps have no English word of the interface left', async ({ page }) => {
  // Several pages, each with its disclosures opened.
  test.setTimeout(120_000);
  for (const path of [
    '/ru/map',
    '/kk/map?measure=growth&window=10&min=0&eu=block',
    '/ru/map?measure=balance&year=2010',
    '/kk/embed/map?measure=share',
  ]) {
    await page.goto(path);
    await expect(page.getByTestId('world-map')).toBeVisible();
    const text = await interfaceText(page);
    for (const word of [
      'Map',
      'Measure',
      'European Union',
      'EU ',
      'Year',
      'Play',
      'Permalink',
      'Turnover',
      'Exports',
      'Imports',
      'balance',
      'Share',
      'growth',
      'No data',
      'no data',
      'Partner',
      'Value',
      'Class',
      'Source',
      'Download',
      'Embed',
      'Open the',
      'million',
      'Kazakhstan',
      'Boundaries',
      'classes',
      'under ',
      ' and ',
      ' the ',
      ' of ',
    ]) {
      expect(text, `${path}: ${word}`).not.toContain(word);
    }
  }
});

test.describe('maps at 375 px', () => {
  test.use({ viewport: { width: 375, height: 800 } });
  for (const path of ['/ru/map', '/kk/map?measure=balance&eu=block']) {
    test(`${path} has no axe violations and does not scroll sideways`, async ({ page }, testInfo) => {
      test.setTimeout(120_000);
      expect(await isAxeAvailable()).toBe(true);
      await page.goto(path, { waitUntil: 'networkidle' });
      await expect(page.getByTestId('world-map')).toBeVisible();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, testInfo);
    });
  }
});
