import { articleValue } from '../lib/testing/article-data';
import { expect, test } from './fixtures/test';

const CHECK_IDS = [
  'world-total',
  'series-breaks',
  'same-figure',
  'turnover-sum',
  'eu27-members-sum',
  'stated-growth',
  'turnover-share',
  'part-year',
  'stated-turnover-parts',
  'stated-totals',
  'reporter-vs-partner',
];

test.describe('consistency checks', () => {
  test('runs every check and shows each with an outcome, what it checks and its tolerance', async ({ page }) => {
    await page.goto('/consistency');
    await expect(page.getByRole('heading', { level: 1, name: 'Consistency checks' })).toBeVisible();

    const summary = page.getByTestId('consistency-summary');
    await expect(summary).toBeVisible();
    const counts = await Promise.all(
      ['fail', 'review', 'not_checkable', 'pass', 'info'].map(async (outcome) =>
        Number.parseInt(await summary.getByTestId(`summary-count-${outcome}`).innerText(), 10),
      ),
    );
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(CHECK_IDS.length);

    for (const id of CHECK_IDS) {
      const section = page.getByTestId(`check-${id}`);
      await expect(section).toBeVisible();
      await expect(section).toHaveAttribute('data-outcome', /^(pass|fail|review|not_checkable|info)$/);
      await expect(section.getByRole('heading', { level: 2 })).toBeVisible();
      await expect(section.getByTestId(`check-${id}-tolerance`)).toContainText('Tolerance:');
      await expect(section.locator('[data-testid="check-item"]').first()).toBeVisible();
    }
  });

  test('says the screens show the IMF’s 2019 world total and the bureau’s own from 2020, within 0.1 %', async ({
    page,
  }) => {
    // Passes are listed before the ungraded 2019 items: ask for every item.
    await page.goto('/consistency?items=all');
    const section = page.getByTestId('check-world-total');
    await expect(section.getByTestId('check-world-total-tolerance')).toContainText('0.1 %');
    const y2019 = section.getByTestId('check-item').filter({ hasText: 'KAZ → AGG_WORLD exports, FY 2019' });
    await expect(y2019).toHaveAttribute('data-outcome', 'info');
    await expect(y2019.getByRole('row', { name: /shown on the screens/i })).toContainText(
      'imf_dots_2022_via_SamLeBlanc',
    );
    const y2020 = section.getByTestId('check-item').filter({ hasText: 'KAZ → AGG_WORLD turnover, FY 2020' });
    await expect(y2020).toHaveAttribute('data-outcome', 'pass');
    await expect(y2020.getByRole('row', { name: /shown on the screens/i })).toContainText('bns_312101_via_makenerzhan');
  });

  test('shows the 2010 customs union as an explained break and other signals for review', async ({ page }) => {
    await page.goto('/consistency');
    const section = page.getByTestId('check-series-breaks');
    await expect(section).toHaveAttribute('data-outcome', 'review');
    const customsUnion = section.getByTestId('check-item').filter({ hasText: '2010: Customs union from July 2010' });
    await expect(customsUnion).toHaveAttribute('data-outcome', 'info');
    await expect(customsUnion).toContainText('Russian Federation');
    await expect(section.locator('[data-testid="check-item"][data-outcome="review"]').first()).toBeVisible();
  });

  test('marks the establishments abroad as failing, with the stated total and the listed types', async ({ page }) => {
    const total = articleValue({ flow: 'diplomatic_establishments_abroad' });
    const listed = ['embassies_abroad', 'diplomatic_missions_abroad', 'consulates_general_abroad', 'consulates_abroad']
      .map((flow) => articleValue({ flow }))
      .reduce((a, b) => a + b, 0);
    await page.goto('/consistency');
    const section = page.getByTestId('check-stated-totals');
    await expect(section).toHaveAttribute('data-outcome', 'fail');
    const entry = section.getByTestId('check-item').first();
    await expect(entry).toHaveAttribute('data-outcome', 'fail');
    await expect(entry.getByRole('row', { name: /stated total/i })).toContainText(String(total));
    await expect(entry.getByRole('row', { name: /sum of parts/i })).toContainText(String(listed));
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
