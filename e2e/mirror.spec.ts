import { expect, expectTableSettled, test } from './fixtures/test';

test.describe('where the statistics disagree', () => {
  test('lists every partner-year with both records, the gap and how far apart they are', async ({ page }) => {
    await page.goto('/mirror?year=2020');
    const table = page.getByTestId('mirror-table');
    const nld = table.locator('tbody tr', { hasText: 'Netherlands' });
    // 2020: USD 3,149 million of exports as Kazakhstan reports them, 140 as the Netherlands does.
    await expect(nld).toContainText('3,148.6');
    await expect(nld).toContainText('139.9');
    await expect(nld.getByTestId('mirror-sentence')).toHaveText('Kazakhstan’s figure is 22 times Netherlands’.');
    await expect(page.getByTestId('mirror-coverage')).toContainText('Partner-reported figures end in 2020');
  });

  test('sorts by how far apart the records are, keeping the sort in the URL', async ({ page }) => {
    await page.goto('/mirror');
    const table = page.getByTestId('mirror-table');
    await table.getByRole('button', { name: /^How far apart/ }).click();
    await expect(page).toHaveURL(/sort=ratio/);
    await expectTableSettled(page, table);
    await expect(table.locator('tbody tr').first().getByTestId('mirror-sentence')).not.toHaveText(/agree within/);
    await page.reload();
    await expect(table.locator('th[aria-sort="descending"]')).toContainText(/How far apart/);
  });

  test('draws each cell under its header, the sorted column after the partner, on a laptop and on a phone', async ({
    page,
  }) => {
    // The rows are drawn by the server and the header by the browser: they must agree at every width.
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto('/mirror?year=2020&sort=ratio:desc');
      const table = page.getByTestId('mirror-table');
      await expect(table.locator('thead th').nth(1)).toContainText(/^How far apart/);
      await expect(table.locator('thead th').nth(2)).toContainText(/^Year/);
      for (const row of (await table.locator('tbody tr').all()).slice(0, 5))
        expect(await row.locator('th, td').evaluateAll((cells) => cells.map((c) => c.dataset.column))).toEqual([
          'partner',
          'ratio',
          'year',
          'kaz',
          'partner_value',
          'abs_gap',
        ]);
    }
  });

  test('names a parameter it cannot use and shows the default view', async ({ page }) => {
    const response = await page.goto('/mirror?flow=both&min=7&year=1800');
    expect(response?.status()).toBe(200);
    const notice = page.getByTestId('params-notice');
    await expect(notice).toContainText('flow');
    await expect(notice).toContainText('min');
    await expect(notice).toContainText('year');
    await expect(page.getByTestId('mirror-table').locator('tbody tr')).toHaveCount(25);
  });
});
