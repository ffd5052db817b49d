import { expect, test } from './fixtures/test';

// A sentence of the official series' note (lib/charts/provenance-text.ts), which every one of these
// pages used to print under each chart.
const SERIES_NOTE = 'each year comes whole from one source';

const CHART_PAGES: [path: string, seriesNote: boolean][] = [
  ['/', true],
  ['/compare', true],
  ['/partners/DEU', true],
  ['/map', false],
];

test.describe('one methods note per chart page', () => {
  for (const [path, seriesNote] of CHART_PAGES) {
    test(`${path} has one “Methods and sources” section, and every chart links to it`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator('#methods')).toHaveCount(1);
      const methods = page.getByRole('region', { name: 'Methods and sources' });
      await expect(methods).toHaveCount(1);
      await expect(methods).toContainText(/International Monetary Fund|Bureau of National Statistics/);

      const figures = page.locator('figure');
      const count = await figures.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i += 1) {
        const links = figures.nth(i).getByRole('link', { name: 'How these figures are made' });
        await expect(links, `figure ${i + 1} of ${path}`).toHaveCount(1);
        await expect(links).toHaveAttribute('href', '#methods');
      }
      // Said once: in the methods note, in no chart's caption.
      if (seriesNote) {
        await expect(methods).toContainText(SERIES_NOTE);
        await expect(page.locator('figcaption', { hasText: SERIES_NOTE })).toHaveCount(0);
      }

      await figures.first().getByRole('link', { name: 'How these figures are made' }).click();
      await expect(page).toHaveURL(/#methods$/);
      await expect(methods.getByRole('heading', { name: 'Methods and sources' })).toBeInViewport();
    });
  }
});
