import { download, rowAttributes } from './fixtures/downloads';
import { expect, expectTableSettled, test } from './fixtures/test';

test.describe('partner list', () => {
  test('ranks partners with units, periods and sources, and sorts by any column with shift-click for a second key', async ({
    page,
  }) => {
    await page.goto('/partners');
    const table = page.getByTestId('partner-list-table');
    await expect(table.locator('tbody tr').first()).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Partners, \d{4}/);
    await expect(table.getByRole('columnheader', { name: /Turnover.*USD million, \d{4}/ })).toBeVisible();
    await expect(page.getByTestId('partner-list-notes')).toContainText('Bureau of National Statistics');
    await expect(page.getByTestId('partner-list-notes')).toContainText(
      /Shares are of Kazakhstan’s total turnover with the world/,
    );
    // By turnover by default: ranks 1, 2, 3 …, and the turnover column right after the partner.
    await expect(table.locator('thead th').nth(1)).toHaveAttribute('aria-sort', 'descending');
    await expect(table.locator('thead th').nth(1)).toContainText(/Turnover/);
    await expect(table.locator('tbody tr').first().locator('td').first()).toHaveAttribute('data-column', 'turnover');
    const ranks = await table.locator('tbody tr td[data-column="rank"]').allInnerTexts();
    expect(ranks.slice(0, 3)).toEqual(['1', '2', '3']);
    // Groups never appear among countries.
    expect((await rowAttributes(table, 'data-row-key')).some((code) => code.startsWith('AGG_'))).toBe(false);

    await table.getByRole('button', { name: /^Share/ }).click();
    await expect(page).toHaveURL(/sort=share:desc/);
    await table.getByRole('button', { name: /^Partner/ }).click({ modifiers: ['Shift'] });
    await expect(page).toHaveURL(/sort=share:desc,name:asc/);
    await table.getByRole('button', { name: /^Balance/ }).click();
    await expect(page).toHaveURL(/sort=balance:desc/);
    await expectTableSettled(page, table);
    await expect(table.locator('th[aria-sort="descending"]')).toContainText(/Balance/);
    const balances = (await table.locator('tbody tr td[data-column="balance"]').allInnerTexts())
      .filter((t) => t !== '–')
      .map((t) => Number(t.replace(/[,+]/g, '').replace('−', '-')));
    expect(balances).toEqual([...balances].sort((a, b) => b - a));
  });

  test('filters by group and by name, and downloads the rows on screen in CSV, XLSX and JSON', async ({ page }) => {
    await page.goto('/partners?size=100');
    await page.getByTestId('filter-group').getByRole('button').first().click();
    await page.getByRole('checkbox', { name: 'EU members', exact: true }).check();
    await expect(page).toHaveURL(/group=AGG_EU/);
    await page.keyboard.press('Escape');
    const table = page.getByTestId('partner-list-table');
    await expectTableSettled(page, table);
    await expect(page.getByTestId('partner-list-summary')).toHaveText(/^\d+ partner countries/);
    const codes = await rowAttributes(table, 'data-row-key');
    expect(codes.length).toBeGreaterThan(10);
    expect(codes).toContain('DEU');
    expect(codes).not.toContain('CHN');
    for (const row of await table.locator('tbody tr').all())
      await expect(row.getByText('EU', { exact: true })).toBeVisible();

    for (const format of ['csv', 'xlsx', 'json'] as const) {
      const file = await download(page, page.getByTestId(`export-${format}`), format);
      expect(file.name).toMatch(new RegExp(`^kaz-trade-partners-EU-\\d{4}-\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
      expect(
        file.rows.map((r) => r.partner_code),
        format,
      ).toEqual(codes);
      expect(
        file.rows.every((r) => r.groups?.includes('EU')),
        format,
      ).toBe(true);
    }

    await page.getByTestId('partner-list-search').fill('germ');
    await expect(page).toHaveURL(/q=germ/);
    await expect.poll(() => rowAttributes(table, 'data-row-key')).toEqual(['DEU']);
  });

  test('shows groups apart from countries, unranked', async ({ page }) => {
    await page.goto('/partners?view=groups');
    const table = page.getByTestId('partner-list-table');
    await expect(table.locator('tbody tr').first()).toBeVisible();
    expect(await rowAttributes(table, 'data-row-key')).toContain('AGG_EU');
    expect(await rowAttributes(table, 'data-row-key')).not.toContain('DEU');
  });

  test('falls back to the defaults with a notice for unusable parameters, never an error', async ({ page }) => {
    const response = await page.goto('/partners?year=1700&sort=colour&window=4&group=AGG_MARS&page=0');
    expect(response?.status()).toBe(200);
    const notice = page.getByTestId('params-notice');
    for (const name of ['year', 'sort', 'window', 'group', 'page']) await expect(notice).toContainText(name);
    await expect(page.getByTestId('partner-list-table').locator('tbody tr').first()).toBeVisible();
  });

  test('shows an older year from IMF data with its world total', async ({ page }) => {
    await page.goto('/partners?year=2010');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Partners, 2010');
    await expect(page.getByTestId('partner-list-notes')).toContainText('the world row of IMF DOTS');
    await expect(page.getByTestId('partner-list-summary')).toHaveText(/^1\d\d partner countries/);
  });
});

test('warns that an incomplete year compares a fraction of Kazakhstan’s trade', async ({ page }) => {
  await page.goto('/partners?year=1993');
  const notice = page.getByTestId('incomplete-year-notice');
  await expect(notice).toContainText('1993 is an incomplete year: Incomplete coverage');
  await expect(notice).toContainText('no figures for Russia, Ukraine or Uzbekistan');
  await page.goto('/partners?year=1995');
  await expect(page.getByTestId('incomplete-year-notice')).toHaveCount(0);
});

test('ranks growth among sizeable partners only, with the threshold in the URL', async ({ page }) => {
  await page.goto('/partners?sort=cagr:desc');
  // Every ranked growth rate is between two turnovers of at least USD 100 million (the default).
  const table = page.getByTestId('partner-list-table');
  await expect(page.getByTestId('partner-list-notes')).toContainText(
    'at least USD 100 million of turnover in both years',
  );
  const first = table.locator('tbody tr').first();
  await expect(first.locator('[data-column="turnover"], td').first()).toBeVisible();
  await page.getByTestId('partner-list-min').selectOption('0');
  await expect(page).toHaveURL(/min=0/);
  await expect(page.getByTestId('partner-list-notes')).not.toContainText('at least USD 100 million');
});

test.describe('partner list on a phone', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test('shows the partner and the sorted column first, with no inner scroll box hiding rows', async ({ page }) => {
    await page.goto('/partners?sort=share:desc');
    const table = page.getByTestId('partner-list-table');
    await expectTableSettled(page, table);
    const headers = table.locator('thead th');
    await expect(headers.nth(0)).toContainText(/Partner/);
    await expect(headers.nth(1)).toHaveAttribute('aria-sort', 'descending');
    await expect(headers.nth(1)).toBeInViewport();
    // Full height: the table is as tall as its rows, not a box that scrolls them.
    const box = await table.evaluate((el) => ({ client: el.clientHeight, scroll: el.scrollHeight }));
    expect(box.scroll).toBe(box.client);
  });
});
