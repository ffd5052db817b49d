import { expect, test } from './fixtures/test';

const CHECK_IDS = [
  'stated-growth',
  'turnover-sum',
  'stated-turnover-parts',
  'eu27-members-sum',
  'establishments-abroad',
  'listed-counts',
  'turnover-share',
  'same-figure',
  'reporter-vs-partner',
  'partial-periods',
];

test.describe('consistency checks', () => {
  test('runs every check and shows each with an outcome', async ({ page }) => {
    await page.goto('/consistency');
    await expect(page.getByRole('heading', { level: 1, name: 'Consistency checks' })).toBeVisible();

    const summary = page.getByTestId('consistency-summary');
    await expect(summary).toBeVisible();
    const counts = await Promise.all(
      ['fail', 'not_checkable', 'pass', 'info'].map(async (outcome) =>
        Number.parseInt(await summary.getByTestId(`summary-count-${outcome}`).innerText(), 10),
      ),
    );
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(CHECK_IDS.length);

    for (const id of CHECK_IDS) {
      const section = page.getByTestId(`check-${id}`);
      await expect(section).toBeVisible();
      await expect(section).toHaveAttribute('data-outcome', /^(pass|fail|not_checkable|info)$/);
      // The outcome is written out, not only coloured.
      await expect(section.getByRole('heading', { level: 2 })).toBeVisible();
      await expect(section.locator('[data-testid="check-item"]').first()).toBeVisible();
    }
  });

  test('marks the establishments check as failing, with 75 stated and 66 listed', async ({ page }) => {
    await page.goto('/consistency');
    const section = page.getByTestId('check-establishments-abroad');
    await expect(section).toHaveAttribute('data-outcome', 'fail');
    await expect(section.getByText('Fail').first()).toBeVisible();
    const entry = section.getByTestId('check-item').first();
    await expect(entry).toHaveAttribute('data-outcome', 'fail');
    await expect(entry.getByRole('row', { name: /stated total/i })).toContainText('75');
    await expect(entry.getByRole('row', { name: /sum of parts/i })).toContainText('66');
  });

  test('lists every item of a long check on request', async ({ page }) => {
    await page.goto('/consistency');
    const section = page.getByTestId('check-same-figure');
    const shown = await section.getByTestId('check-item').count();
    await section.getByRole('link', { name: /^Show all \d+ items$/ }).click();
    await expect(page).toHaveURL(/items=all#same-figure$/);
    await expect
      .poll(() => page.getByTestId('check-same-figure').getByTestId('check-item').count())
      .toBeGreaterThan(shown);
  });

  test('is reachable from the main navigation', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Consistency' }).click();
    await expect(page).toHaveURL(/\/consistency$/);
    await expect(page.getByTestId('consistency-summary')).toBeVisible();
  });
});
