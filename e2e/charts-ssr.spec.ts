import { test as baseTest } from '@playwright/test';
import { drawnLines, drawnText } from './fixtures/charts';
import { expect, test } from './fixtures/test';

// Every chart is drawn by the server (components/charts/*): its SVG, with axes, series and labels,
// is in the HTML in place, in three layouts that CSS picks from, and reads with JavaScript off.
const PAGES: { path: string; charts: Record<string, 'line' | 'bar'> }[] = [
  { path: '/', charts: { 'turnover-chart': 'line', 'world-turnover-chart': 'line', 'composition-chart': 'bar' } },
  { path: '/compare', charts: { 'compare-chart': 'line' } },
  {
    path: '/partners/DEU',
    charts: {
      'partner-trade-chart': 'line',
      'partner-balance-chart': 'bar',
      'partner-share-chart': 'line',
      'mirror-exports-chart': 'line',
      'mirror-imports-chart': 'line',
    },
  },
];
const LAYOUTS = ['narrow', 'medium', 'wide'];

/** The SVGs of one chart, wherever React streamed them in the document (one per layout). */
function chartSvgs(html: string, testId: string): string[] {
  return [...html.matchAll(new RegExp(`<svg[^>]*data-chart-for="${testId}"[^>]*>[\\s\\S]*?</svg>`, 'g'))].map(
    (m) => m[0],
  );
}

for (const { path, charts } of PAGES) {
  test(`${path} sends every chart's SVG in its HTML`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const html = await response.text();
    for (const [testId, kind] of Object.entries(charts)) {
      expect(html).toContain(`data-testid="${testId}"`);
      const svgs = chartSvgs(html, testId);
      expect(
        svgs.map((svg) => /data-chart-layout="(\w+)"/.exec(svg)?.[1]),
        testId,
      ).toEqual(LAYOUTS);
      for (const svg of svgs) {
        expect(svg).toMatch(/viewBox="0 0 \d+ \d+"/);
        expect(svg).toMatch(/<title>[^<]+<\/title>/);
        // Axes with their labels.
        expect(svg).toMatch(/data-part="value-axis"[\s\S]*<text[^>]*>[^<]+<\/text>/);
        expect(svg).toMatch(/data-part="year-axis"[\s\S]*<text[^>]*>(19|20)\d\d<\/text>/);
        // The series, with coordinates: lines as paths, bars as one path per series and color.
        const series =
          kind === 'line'
            ? /<path d="M[\d.]+,[\d.]+L[^"]+"[^>]*data-series-line=/
            : /<path d="M[\d.]+,[\d.]+h[^"]+"[^>]*data-bars=/;
        expect(svg, `${testId}: series drawn`).toMatch(series);
      }
    }
  });
}

test('the compare chart draws one line per partner in each layout, with names at the line ends', async ({
  request,
}) => {
  const html = await (await request.get('/compare?partners=AGG_EU,CHN,RUS')).text();
  const svgs = chartSvgs(html, 'compare-chart');
  expect(svgs).toHaveLength(3);
  for (const svg of svgs) expect(svg.match(/data-series-line="/g)).toHaveLength(3);
  // Names at the line ends in the medium and wide layouts; the phone's legend names them.
  for (const svg of svgs.slice(1))
    for (const name of ['European Union', 'China', 'Russian Federation'])
      expect(svg).toMatch(new RegExp(`data-end-label="[A-Z_]+">${name}</text>`));
});

// With JavaScript off, each page shows its charts in place (no loading boundary streams them into
// hidden elements that only a script reveals), with axes, source changes and legend; the
// downloads, made in the browser, stay disabled.
for (const { path, charts } of PAGES) {
  baseTest(`${path} reads with JavaScript off: every chart drawn in place`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('status', { name: /^Loading/ })).toHaveCount(0);
    for (const testId of Object.keys(charts)) {
      const chart = page.getByTestId(testId);
      await expect(chart.locator('svg[data-chart-layout]:visible'), testId).toHaveCount(1);
      await expect(chart.locator('svg[data-chart-layout]:visible [data-series]').first()).toBeVisible();
      await expect(chart.locator('svg[data-chart-layout]:visible [data-part="year-axis"] text').first()).toBeVisible();
      await expect(chart.getByRole('list', { name: 'Legend' }).getByRole('listitem').first()).toBeVisible();
    }
    await expect(page.getByRole('button', { name: /as PNG/ }).first()).toBeDisabled();
    await context.close();
  });
}

baseTest(
  '/compare with twelve partners reads with JavaScript off: lines, source changes and legend',
  async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/compare?partners=AGG_EU,CHN,RUS,USA,DEU,FRA,ITA,TUR,UZB,KOR,GBR,NLD');
    const chart = page.getByTestId('compare-chart');
    await expect(drawnLines(chart)).toHaveCount(12);
    await expect(drawnText(chart).getByText('2020', { exact: true })).toBeVisible();
    await expect(drawnText(chart).getByText('Bureau data from 2020', { exact: true })).toBeVisible();
    // Twelve partners and the key to the source-change lines.
    await expect(chart.getByRole('list', { name: 'Legend' }).getByRole('listitem')).toHaveCount(13);
    await context.close();
  },
);

test('a hover shows the year’s values and highlights the line under the pointer', async ({ page }) => {
  await page.goto('/compare?partners=AGG_EU,CHN,RUS&from=2000&to=2025');
  const chart = page.getByTestId('compare-chart');
  const svg = chart.locator('svg[data-chart-layout]:visible');
  // Hydrated: the downloads are enabled by the same client pass as the tooltips.
  await expect(page.getByRole('button', { name: /as PNG/ }).first()).toBeEnabled();
  const box = await svg.boundingBox();
  expect(box).not.toBeNull();
  if (!box) return;
  // The name at a line's end highlights its line: the others fade.
  await svg.locator('[data-end-label="RUS"]').hover();
  await expect(svg.locator('g[data-series="RUS"]')).not.toHaveAttribute('data-dimmed');
  await expect(svg.locator('g[data-series="AGG_EU"]')).toHaveAttribute('data-dimmed', '');
  // So does the legend.
  await chart.getByRole('list', { name: 'Legend' }).getByText('China').hover();
  await expect(svg.locator('g[data-series="CHN"]')).not.toHaveAttribute('data-dimmed');
  await expect(svg.locator('g[data-series="RUS"]')).toHaveAttribute('data-dimmed', '');
  // The tooltip names the year under the pointer and every partner's value in it.
  await svg.hover({ position: { x: box.width * 0.5, y: box.height * 0.5 } });
  const tooltip = chart.getByTestId('chart-tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText(/20\d\d/);
  await expect(tooltip).toContainText('China');
  await expect(tooltip).toContainText('USD');
  // Off the chart, it closes.
  await page.getByRole('heading', { level: 1 }).hover();
  await expect(tooltip).toHaveCount(0);
});
