import { rowAttributes } from './fixtures/downloads';
import { expect, test } from './fixtures/test';

test('lists every source with attribution, kind, vintage and figure count, linking to its figures in the explorer', async ({
  page,
  request,
}) => {
  const { sources } = (await (await request.get('/api/sources')).json()) as {
    sources: { id: string; figures: number }[];
  };
  await page.goto('/sources');
  const cards = page.getByTestId('source');
  await expect(cards).toHaveCount(sources.length);
  const bureau = page.locator('#source-bns_312101_via_makenerzhan');
  await expect(bureau).toContainText('Bureau of National Statistics');
  await expect(bureau).toContainText('Final annual editions 2020-2025');
  await expect(bureau.getByTestId('source-explore')).toContainText('900 figures');

  await bureau.getByTestId('source-explore').click();
  await expect(page).toHaveURL(/\/data\?source=bns_312101_via_makenerzhan$/);
  await expect(page.getByTestId('explorer-summary')).toContainText('900 observations');
  const keys = await rowAttributes(page.getByTestId('observations-table'), 'data-row-key');
  expect(keys.every((k) => k.startsWith('bns_312101_via_makenerzhan|'))).toBe(true);
});

test('the main navigation reaches every section', async ({ page }) => {
  await page.goto('/');
  for (const [name, path] of [
    ['Partners', '/partners'],
    ['Data', '/data'],
    ['Sources', '/sources'],
  ] as const) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name })).toHaveAttribute(
      'aria-current',
      'page',
    );
  }
});
