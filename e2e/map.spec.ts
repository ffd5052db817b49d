import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expectNoAxeViolations } from './fixtures/axe';
import { expect, test } from './fixtures/test';

// Expected figures come from the bundled bureau table, the source of the official series for 2025.
const bns = parse(
  readFileSync(new URL('../prisma/data/observations/bns_trade_by_partner_2020_2025.csv', import.meta.url)),
  {
    columns: true,
  },
) as Record<string, string>[];
const usdMn = (code: string, year: string, flow: string) => {
  const row = bns.find((r) => r.partner_code === code && r.year === year && r.flow === flow);
  return row ? (Number(row.value) * Number(row.scale)) / 1e6 : null;
};
const partnersIn2025 = new Set(bns.filter((r) => r.year === '2025').map((r) => r.partner_code));
const formatted = (value: number) =>
  `USD ${value.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} million`;

const MAP = '/map?year=2025&measure=turnover';

test.describe('the world map', () => {
  test('is drawn on the server: the SVG, its classes, titles and links are in the HTML without JavaScript', async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(MAP);
    expect(response?.status()).toBe(200);
    const map = page.getByTestId('world-map');
    await expect(map).toBeVisible();
    await expect(map).toHaveAttribute('data-year', '2025');
    expect(await map.locator('a[data-code]').count()).toBeGreaterThan(150);
    // Germany's own figure, with unit, period and source, in its title; a click opens its profile.
    const germany = map.locator('a[data-code="DEU"]');
    await expect(germany).toHaveAttribute('href', '/partners/DEU');
    const turnover = usdMn('DEU', '2025', 'turnover');
    expect(turnover).not.toBeNull();
    await expect(germany.locator('title')).toContainText(`Germany: ${formatted(turnover ?? 0)} (Turnover, 2025)`);
    await expect(germany.locator('title')).toContainText('Source: Main indicators of foreign trade');
    await expect(germany).not.toHaveAttribute('data-class', 'none');
    await expect(page.getByTestId('map-legend')).toContainText('No data');
    await expect(page.getByText('Natural Earth').first()).toBeVisible();
    await context.close();
  });

  test('draws a country without a figure as no data, never as zero', async ({ page }) => {
    await page.goto(MAP);
    const map = page.getByTestId('world-map');
    // Countries on the map that the bureau's 2025 table does not list.
    const absent = ['GRL', 'ESH', 'ATF', 'FLK', 'SSD', 'ERI'].filter((code) => !partnersIn2025.has(code));
    expect(absent.length).toBeGreaterThan(0);
    for (const code of absent) {
      const shape = map.locator(`a[data-code="${code}"]`);
      if ((await shape.count()) === 0) continue;
      await expect(shape).toHaveAttribute('data-class', 'none');
      await expect(shape.locator('path')).toHaveAttribute('fill', 'url(#map-no-data)');
      await expect(shape.locator('title')).toContainText('no figure');
    }
  });

  test('lists the partners its geometry lacks under the map, with their figures', async ({ page }) => {
    await page.goto(MAP);
    // Gibraltar is in the bureau's 2025 table but has no shape in Natural Earth's countries.
    expect(partnersIn2025.has('GIB')).toBe(true);
    const undrawn = page.getByTestId('map-undrawn');
    await expect(undrawn.locator('li[data-code="GIB"]')).toContainText('Gibraltar');
    await expect(page.getByTestId('world-map').locator('[data-code="GIB"]')).toHaveCount(0);
  });

  test('has the same numbers as a table, each partner linked to its profile', async ({ page }) => {
    await page.goto(MAP);
    await page.getByText('Show the numbers as a table').click();
    const row = page.getByTestId('map-table').locator('tr[data-code="CHN"]');
    const value = Number(await row.locator('td[data-value]').getAttribute('data-value'));
    expect(value).toBeCloseTo(usdMn('CHN', '2025', 'turnover') ?? Number.NaN, 3);
    await expect(row.getByRole('link', { name: 'China' })).toHaveAttribute('href', '/partners/CHN');
  });

  test('moves through the years from the keyboard and plays them', async ({ page }) => {
    await page.goto('/map?year=2023');
    const map = page.getByTestId('world-map');
    const slider = page.getByRole('slider', { name: 'Year' });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/year=2024/);
    await expect(map).toHaveAttribute('data-year', '2024');
    await page.keyboard.press('Home');
    await expect(map).toHaveAttribute('data-year', '1992');
    await page.keyboard.press('End');
    await expect(map).toHaveAttribute('data-year', '2025');

    // Play from 2023: each year's map arrives, and play stops by itself at the last year.
    await page.goto('/map?year=2023');
    const play = page.getByTestId('map-play');
    await play.click();
    await expect(play).toHaveText('Pause');
    await expect(map).toHaveAttribute('data-year', '2024', { timeout: 10_000 });
    await expect(map).toHaveAttribute('data-year', '2025', { timeout: 10_000 });
    await expect(play).toHaveText('Play years', { timeout: 10_000 });
    await expect(page.getByTestId('map-year-value')).toHaveText('2025');
  });

  test('plays from the first year when started on the last, and pauses when asked', async ({ page }) => {
    await page.goto('/map?year=2025');
    const map = page.getByTestId('world-map');
    const play = page.getByTestId('map-play');
    await play.press('Enter');
    await expect(map).toHaveAttribute('data-year', '1992', { timeout: 10_000 });
    await expect(map).toHaveAttribute('data-year', '1993', { timeout: 10_000 });
    await play.press('Enter');
    await expect(play).toHaveText('Play years');
  });

  test('switches measure and EU view through the URL: diverging classes for the balance, the EU as one block', async ({
    page,
  }) => {
    await page.goto(MAP);
    await page.getByTestId('map-measure').selectOption('balance');
    await expect(page).toHaveURL(/measure=balance/);
    const map = page.getByTestId('world-map');
    await expect(map).toHaveAttribute('data-measure', 'balance');
    await expect(page.getByTestId('map-legend')).toContainText('Orange-brown: Kazakhstan imports more');

    await page.getByText('EU as one block').click();
    await expect(page).toHaveURL(/eu=block/);
    // Every member carries the EU's figure and links to the EU's profile.
    const germany = map.locator('a[data-code="DEU"]');
    await expect(germany).toHaveAttribute('href', '/partners/AGG_EU');
    await expect(germany.locator('title')).toContainText('in the EU as one block');
    const france = map.locator('a[data-code="FRA"]');
    expect(await france.getAttribute('data-class')).toBe(await germany.getAttribute('data-class'));
    await expect(page.getByTestId('map-table').locator('tr[data-code="DEU"]')).toHaveCount(0);
    await expect(page.getByTestId('map-table').locator('tr[data-code="AGG_EU"]')).toHaveCount(1);
  });

  test('describes the country under the pointer, and a click opens its profile', async ({ page }) => {
    await page.goto(MAP);
    const germany = page.getByTestId('world-map').locator('a[data-code="DEU"] path');
    await germany.hover();
    await expect(page.getByTestId('map-readout')).toContainText('Germany: USD');
    await germany.click();
    await expect(page).toHaveURL(/\/partners\/DEU$/);
  });

  test('downloads the map as SVG with its legend and attribution, and links its permalink', async ({ page }) => {
    await page.goto(MAP);
    await expect(page.getByTestId('permalink')).toHaveAttribute('href', '/map?measure=turnover&year=2025&eu=members');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /as SVG$/ }).click(),
    ]);
    const svg = readFileSync(await file.path(), 'utf8');
    expect(svg).toContain('<svg');
    expect(svg).toContain('Turnover by partner, 2025');
    expect(svg).toContain('Natural Earth');
    // Colours are written out, not left as the page's CSS variables.
    expect(svg).not.toContain('var(--map-seq');
  });

  test('names a parameter it cannot use and shows the default map', async ({ page }) => {
    const response = await page.goto('/map?measure=gdp&year=1800&eu=both&window=4');
    expect(response?.status()).toBe(200);
    const notice = page.getByTestId('params-notice');
    for (const name of ['measure', 'year', 'eu', 'window']) await expect(notice).toContainText(name);
    await expect(page.getByTestId('world-map')).toHaveAttribute('data-measure', 'turnover');
  });

  test('says when the year is incomplete', async ({ page }) => {
    await page.goto('/map?year=1992');
    await expect(page.getByTestId('incomplete-year-notice')).toBeVisible();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${colorScheme} mode`, () => {
      test.use({ colorScheme });
      for (const path of [MAP, '/map?measure=balance&eu=block', '/map?measure=growth&window=10']) {
        test(`${path} has no axe violations`, async ({ page }, testInfo) => {
          // As in accessibility.spec.ts: axe's colour-contrast rule visits every text node of the
          // map's 200-row table, past the default 30 s on a loaded two-core machine.
          test.setTimeout(120_000);
          await page.goto(path);
          await page.getByText('Show the numbers as a table').click();
          await expectNoAxeViolations(page, testInfo);
        });
      }
    });
  }

  test.describe('at 375 px', () => {
    test.use({ viewport: { width: 375, height: 800 }, hasTouch: true });
    test('fits the phone without sideways scrolling; a first tap describes a country, a second opens it', async ({
      page,
    }) => {
      await page.goto(MAP);
      await expect(page.getByTestId('world-map')).toBeVisible();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      const china = page.getByTestId('world-map').locator('a[data-code="CHN"] path');
      await china.tap();
      await expect(page.getByTestId('map-readout')).toContainText('China: USD');
      await expect(page).toHaveURL(/\/map\?/);
      await china.tap();
      await expect(page).toHaveURL(/\/partners\/CHN$/);
    });
  });
});
