import { expectNoAxeViolations } from './fixtures/axe';
import { expect, test } from './fixtures/test';
import type { Page } from '@playwright/test';

/** The search's own options (pages have <select> options too). */
const options = (page: Page) => page.getByTestId('site-search-results').getByRole('option');

/** The box works once the page has hydrated (the Ctrl-K listener is attached then). */
async function searchBox(page: Page) {
  await expect(page.locator('form[role="search"][data-hydrated="true"]')).toHaveCount(1);
  return page.getByRole('combobox', { name: 'Search partners, groups and pages' });
}

test.describe('the header search', () => {
  for (const typed of ['Герм', 'Germ']) {
    test(`typing “${typed}” and Enter opens Germany’s profile`, async ({ page }) => {
      await page.goto('/');
      const box = await searchBox(page);
      await box.fill(typed);
      await expect(options(page).first()).toContainText('Germany');
      await box.press('Enter');
      await expect(page).toHaveURL(/\/partners\/DEU$/);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Germany');
    });
  }

  test('Ctrl-K focuses it from anywhere; arrows move the active option, Escape closes and then clears', async ({
    page,
  }) => {
    await page.goto('/partners');
    const box = await searchBox(page);
    await page.keyboard.press('Control+k');
    await expect(box).toBeFocused();
    await page.keyboard.type('korea');
    const list = options(page);
    // Both Koreas; the larger partner first.
    await expect(list.nth(0)).toContainText('Korea, Rep.');
    await expect(list.nth(1)).toContainText('Korea, DPR');
    await expect(box).toHaveAttribute('aria-expanded', 'true');
    await expect(list.nth(0)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowDown');
    await expect(list.nth(1)).toHaveAttribute('aria-selected', 'true');
    expect(await box.getAttribute('aria-activedescendant')).toBe(await list.nth(1).getAttribute('id'));
    await page.keyboard.press('ArrowUp');
    await expect(list.nth(0)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Escape');
    await expect(box).toHaveAttribute('aria-expanded', 'false');
    await expect(box).toHaveValue('korea');
    await page.keyboard.press('Escape');
    await expect(box).toHaveValue('');
  });

  // What each query's first option opens (the ranking); Enter on it is tested above.
  const CASES: [string, string][] = [
    ['Turkey', '/partners/TUR'],
    ['Türkiye', '/partners/TUR'],
    ['South Korea', '/partners/KOR'],
    ['UK', '/partners/GBR'],
    ['Britain', '/partners/GBR'],
    ['USA', '/partners/USA'],
    ['United States', '/partners/USA'],
    ['Czech Republic', '/partners/CZE'],
    ['Czechia', '/partners/CZE'],
    ['Қытай', '/partners/CHN'],
    ['Республика Корея', '/partners/KOR'],
    ['DEU', '/partners/DEU'],
    ['EU', '/partners/AGG_EU'],
    ['ЕАЭС', '/partners/AGG_EAEU'],
    ['CIS', '/partners/AGG_CIS'],
    ['Central Asia', '/partners/AGG_CENTRAL_ASIA'],
    ['map', '/map'],
  ];
  test('finds alternative names, Kazakh and Russian names, codes, groups and screens', async ({ page }) => {
    await page.goto('/sources');
    const box = await searchBox(page);
    for (const [typed, href] of CASES) {
      await box.fill(typed);
      await expect(options(page).first(), typed).toHaveAttribute('data-href', href);
    }
  });

  test('opens an option clicked with the mouse', async ({ page }) => {
    await page.goto('/');
    const box = await searchBox(page);
    await box.fill('China');
    await options(page).filter({ hasText: 'China' }).first().click();
    await expect(page).toHaveURL(/\/partners\/CHN$/);
  });

  test('says when nothing matches', async ({ page }) => {
    await page.goto('/');
    const box = await searchBox(page);
    await box.fill('xqzq');
    await expect(page.locator('form[role="search"] [role="status"]')).toHaveText('No partner, group or page matches.');
    await expect(options(page)).toHaveCount(0);
  });

  test('without JavaScript the form searches the partners page by name', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/sources');
    const box = page.getByRole('combobox', { name: 'Search partners, groups and pages' });
    await box.fill('Germany');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/partners\?q=Germany$/);
    // The partner list filtered by name is in the document (revealed by a script where one runs).
    expect(await page.content()).toContain('href="/partners/DEU"');
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`has no axe violations with its list open (${colorScheme})`, async ({ browser }, testInfo) => {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto('/map');
      await expect(page.locator('form[role="search"][data-hydrated="true"]')).toHaveCount(1);
      await page.getByRole('combobox', { name: 'Search partners, groups and pages' }).fill('ger');
      await expect(page.getByRole('listbox')).toBeVisible();
      await expectNoAxeViolations(page, testInfo);
      await context.close();
    });
  }

  test.describe('at 375 px', () => {
    test.use({ viewport: { width: 375, height: 800 } });
    test('fits the phone with its list open', async ({ page }) => {
      await page.goto('/');
      const box = await searchBox(page);
      await box.fill('Герм');
      await expect(page.getByRole('listbox')).toBeVisible();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await box.press('Enter');
      await expect(page).toHaveURL(/\/partners\/DEU$/);
    });
  });
});
