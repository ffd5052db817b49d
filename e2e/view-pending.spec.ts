import { expect, expectTableSettled, test } from './fixtures/test';

test.describe('progress on a change of view', () => {
  test('dims and marks busy the content a new view will replace until it arrives', async ({ page }) => {
    await page.goto('/partners');
    const table = page.getByTestId('partner-list-table');
    await expect(table.locator('tbody tr').first()).toBeVisible();

    // Hold the server's answer for the next view: the page must say it is loading meanwhile.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(
      (url) => url.pathname === '/partners' && url.searchParams.get('sort') === 'share:desc',
      async (route) => {
        await held;
        await route.continue();
      },
    );

    await table.getByRole('button', { name: /^Share/ }).click();
    const region = page.locator('[data-view-pending="true"]');
    await expect(region).toHaveAttribute('aria-busy', 'true');
    await expect(region).toHaveCSS('opacity', '0.5');
    await expect(page.getByRole('status', { name: 'Loading the new view' })).toBeAttached();

    release();
    await expect(page).toHaveURL(/sort=share:desc/);
    await expectTableSettled(page, table);
    await expect(region).toHaveCount(0);
    await expect(table.locator('th[aria-sort="descending"]')).toContainText(/Share/);
  });
});
