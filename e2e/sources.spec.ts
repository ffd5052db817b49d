import { readFileSync } from 'node:fs';
import path from 'node:path';
import { rowAttributes } from './fixtures/downloads';
import { expect, test } from './fixtures/test';

/** Rows of the bureau's by-country table in the bundled data: the figures its source supplies. */
const BUREAU_ROWS = readFileSync(
  path.join(import.meta.dirname, '..', 'prisma', 'data', 'observations', 'bns_trade_by_partner_2020_2025.csv'),
  'utf8',
)
  .split('\n')
  .filter((line) => line.startsWith('bns_312101_via_makenerzhan,')).length;
const count = new Intl.NumberFormat('en-US').format(BUREAU_ROWS);

test('lists every source with attribution, kind, vintage and figure count, linking to its figures in the data screen', async ({
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
  await expect(bureau.getByTestId('source-explore')).toContainText(`${count} figures`);

  await bureau.getByTestId('source-explore').click();
  await expect(page).toHaveURL(/\/data\?source=bns_312101_via_makenerzhan$/);
  await expect(page.getByTestId('data-summary')).toContainText(`${count} observations`);
  const keys = await rowAttributes(page.getByTestId('observations-table'), 'data-row-key');
  expect(keys.every((k) => k.startsWith('bns_312101_via_makenerzhan|'))).toBe(true);
});

test('the main navigation reaches every section', async ({ page }) => {
  await page.goto('/');
  for (const [name, path] of [
    ['Partners', '/partners'],
    // A bare /data opens on the official series.
    ['Data', '/data\\?flags=official&sort=year:desc'],
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
