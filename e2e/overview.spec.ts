import { test as baseTest } from '@playwright/test';
import { expect, test } from './fixtures/test';

test.describe('overview', () => {
  test('shows the turnover chart with data points, with unit, period and source', async ({ page }) => {
    await page.goto('/');
    const chart = page.getByTestId('turnover-chart');
    await expect(chart).toBeVisible();
    // Recharts draws one path per series; a series with data has a non-empty "d".
    await expect(chart.locator('path.recharts-curve').first()).toHaveAttribute('d', /\d/);
    expect(await chart.locator('path.recharts-curve').count()).toBeGreaterThanOrEqual(3);
    await expect(page.getByText(/USD million/).first()).toBeVisible();
    await expect(page.getByText(/International Monetary Fund/).first()).toBeVisible();
  });

  test('sorts the partner table when a column header is clicked', async ({ page }) => {
    await page.goto('/');
    const table = page.getByTestId('partners-table');
    await expect(table).toBeVisible();
    const firstCells = () => table.locator('tbody tr > :first-child').allInnerTexts();
    const before = await firstCells();
    expect(before.length).toBeGreaterThan(10);

    await table.getByRole('button', { name: /^partner/i }).first().click();
    await expect(page).toHaveURL(/sort=name/);
    // The table re-renders through a skeleton: wait for the new first row, not for "any change".
    await expect(table.locator('tbody tr > :first-child').first()).toHaveText(/^Afghanistan/);
    const byName = await firstCells();
    expect(byName).toHaveLength(before.length);
    // PostgreSQL's collation and the browser's differ on punctuation; letters alone must be in order.
    const letters = byName.map((name) => name.normalize('NFD').toLowerCase().replace(/[^a-z]/g, ''));
    expect(letters).toEqual([...letters].sort());
  });
});

baseTest('answers 404 with a page for an unknown route', async ({ page }) => {
  // The browser logs the 404 of the document itself as a console error, so the console check is off here.
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
