import { test as baseTest } from '@playwright/test';
import { expectNoAxeViolations, isAxeAvailable } from './fixtures/axe';
import { expect, test } from './fixtures/test';

// Every page, light and dark, wide and narrow: no axe violations, no horizontal page scroll on a phone, and every control named.
const PAGES = [
  '/',
  '/?eu=members',
  '/partners',
  '/partners?view=groups&sort=cagr:desc',
  '/partners/DEU',
  '/partners/NLD',
  '/partners/AGG_EU',
  '/compare',
  '/compare?partners=DEU,FRA,ITA,CHN,RUS&mode=share&currency=EUR',
  '/data',
  '/data?partner=DEU&flags=partner,estimate&cols=partner,flow,year,value,unit,qualifier,flags,source,note',
  '/sources',
  '/consistency',
  '/ru/consistency',
  '/kk/consistency',
  '/presence',
  '/ru/presence',
  '/kk/presence',
  '/ru/compare',
  '/kk/compare?partners=DEU,FRA,ITA,CHN,RUS&mode=share&currency=EUR',
  '/ru',
  '/kk?eu=members',
  '/ru/partners',
  '/kk/map',
  '/ru/partners/DEU',
  '/kk/partners/DEU',
  '/ru/partners/AGG_EU',
  '/kk/partners/AGG_EU',
  '/ru/sources',
  '/kk/sources',
  '/ru/embed/partners/DEU/trade',
  '/kk/embed/partners/NLD/mirror-exports',
  '/ru/data',
  '/kk/data?partner=DEU&flags=partner,estimate&cols=partner,flow,year,value,unit,qualifier,flags,source,note',
  '/mirror',
  '/ru/mirror',
  '/kk/mirror?flow=import&min=0',
  '/map',
  '/map?measure=balance&eu=block',
  '/embed/compare?partners=AGG_EU,CHN,RUS',
  '/embed/overview/composition?eu=members',
  '/embed/partners/DEU/trade',
  '/embed/map',
];

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme });
    for (const path of PAGES) {
      test(`${path} has no axe violations`, async ({ page }, testInfo) => {
        // axe's colour-contrast rule visits every text node: full-height tables with every table
        // alternative open run past the default 30 s on a loaded two-core machine.
        test.setTimeout(120_000);
        expect(await isAxeAvailable(), '@axe-core/playwright must be installed (it is a dev dependency)').toBe(true);
        await page.goto(path, { waitUntil: 'networkidle' });
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        // Open the table alternatives too, so that they are checked as well.
        for (const summary of await page.locator('summary').all()) await summary.click();
        await expectNoAxeViolations(page, testInfo);
      });
    }
  });
}

test.describe('at 375 px', () => {
  test.use({ viewport: { width: 375, height: 800 } });
  for (const path of PAGES) {
    test(`${path} does not scroll sideways`, async ({ page }) => {
      await page.goto(path, { waitUntil: 'networkidle' });
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const overflow = () =>
        page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(await overflow()).toBeLessThanOrEqual(0);
      // Nor with every disclosure open: a wide table alternative scrolls inside its own box.
      for (const summary of await page.locator('summary').all()) await summary.click();
      expect(await overflow()).toBeLessThanOrEqual(0);
    });
  }
});

// The 404 page: the browser logs the document's 404 status as a console error, so the console check is off.
for (const colorScheme of ['light', 'dark'] as const) {
  baseTest(`the 404 page has no axe violations (${colorScheme})`, async ({ browser }, testInfo) => {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    const response = await page.goto('/no-such-page', { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expectNoAxeViolations(page, testInfo);
    await context.close();
  });
}

test('every form control on the compare view has an accessible name', async ({ page }) => {
  await page.goto('/compare');
  for (const control of await page.locator('main input, main select, main button').all()) {
    const name = await control.evaluate((el) => {
      const labelled = el.getAttribute('aria-label') ?? '';
      const labels =
        'labels' in el && el.labels
          ? [...(el.labels as NodeListOf<HTMLLabelElement>)].map((l) => l.textContent ?? '').join(' ')
          : '';
      return `${labelled} ${labels} ${el.textContent ?? ''}`.trim();
    });
    expect(name, await control.evaluate((el) => el.outerHTML.slice(0, 120))).not.toBe('');
  }
});

test('dark mode follows the system setting', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto('/');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  // #0b1120 in the dark theme.
  expect(background).toBe('rgb(11, 17, 32)');
  await context.close();
});
