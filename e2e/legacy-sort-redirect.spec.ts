// The old sort grammar of `/` and `/compare` (sort=x&dir=y) is redirected permanently to today's
// (sort=x:y), so bookmarks keep their view and every view has one URL (proxy.ts).
import { expect, expectTableSettled, test } from './fixtures/test';

test.describe('old sort URLs', () => {
  test('are answered with a 308 to the same view in the new grammar, other parameters kept', async ({ request }) => {
    for (const [old, canonical] of [
      ['/?sort=name&dir=asc', '/?sort=name:asc'],
      ['/?year=2020&sort=share&dir=desc&partners=all', '/?year=2020&sort=share:desc&partners=all'],
      ['/?dir=asc', '/?sort=turnover:asc'],
      ['/compare?partners=DEU,FRA&sort=growth&dir=asc', '/compare?partners=DEU,FRA&sort=growth:asc'],
      ['/compare?sort=share&dir=desc', '/compare?sort=share:desc'],
    ] as const) {
      const response = await request.get(old, { maxRedirects: 0 });
      expect(response.status(), old).toBe(308);
      const location = new URL(response.headers()['location'] ?? '', response.url());
      expect(`${location.pathname}${location.search}`, old).toBe(canonical);
    }
    // Today's grammar is served as it is.
    expect((await request.get('/?sort=name:asc', { maxRedirects: 0 })).status()).toBe(200);
  });

  test('on the overview, land on the table sorted as the old URL said', async ({ page }) => {
    await page.goto('/?sort=name&dir=desc');
    await expect(page).toHaveURL(/\/\?sort=name:desc$/);
    const table = page.getByTestId('partners-table');
    await expectTableSettled(page, table);
    await expect(table.getByRole('columnheader', { name: /^Partner/ })).toHaveAttribute('aria-sort', 'descending');
    await expect(page.getByTestId('params-notice')).toHaveCount(0);
  });

  test('on /compare, land on the summary sorted as the old URL said', async ({ page }) => {
    await page.goto('/compare?partners=AGG_EU,CHN,RUS,DEU&sort=growth&dir=asc');
    await expect(page).toHaveURL(/\/compare\?partners=AGG_EU,CHN,RUS,DEU&sort=growth:asc$/);
    const summary = page.getByTestId('compare-summary');
    await expect(summary.locator('th[aria-sort="ascending"]')).toContainText(/Growth/);
    await expect(page.getByTestId('params-notice')).toHaveCount(0);
  });
});
