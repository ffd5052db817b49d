import { test as baseTest, type Page } from '@playwright/test';
import postgres from 'postgres';
import { download } from './fixtures/downloads';
import { drawnLines } from './fixtures/charts';
import { expect, test } from './fixtures/test';

/** Cells of a chart table with their exact values, as "<column> <year> <USD million>". */
function tableCells(page: Page, testId: string, columns: readonly string[]): Promise<string[]> {
  return page
    .getByTestId(testId)
    .locator('tbody td[data-value]')
    .evaluateAll(
      (tds, wanted) =>
        tds
          .filter((td) => wanted.includes(td.getAttribute('data-column') ?? ''))
          .map(
            (td) =>
              `${td.getAttribute('data-column')} ${td.closest('tr')?.getAttribute('data-row-key')} ${Number(td.getAttribute('data-value')).toFixed(6)}`,
          ),
      [...columns],
    );
}

test.describe('partner profile', () => {
  test('shows Kazakhstan’s and the Netherlands’ statistics side by side with the gap explained', async ({ page }) => {
    await page.goto('/partners/NLD');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Netherlands');
    await expect(page.getByTestId('partner-key-figures')).toContainText('USD');
    await expect(drawnLines(page.getByTestId('partner-trade-chart'))).toHaveCount(3);
    const mirror = page.getByTestId('mirror-section');
    await expect(mirror).toContainText('declared destination');
    await expect(mirror).toContainText('CIF');
    // 2020: 3,149 (Kazakh-reported exports) vs 140 (Dutch-reported imports), USD million.
    await expect(page.getByTestId('latest-gap')).toContainText('In 2020, Kazakhstan reported USD 3,148.6 million');
    await expect(page.getByTestId('latest-gap')).toContainText('USD 139.9 million');
    await expect(drawnLines(page.getByTestId('mirror-exports-chart'))).toHaveCount(2);
    await mirror.getByText('Both records year by year').click();
    await expect(page.getByTestId('mirror-table').getByRole('row', { name: /^2020/ })).toContainText('3,148.6');
    await expect(page.getByTestId('partner-sources')).toContainText('International Monetary Fund');
  });

  test('lists the EU’s members by period and never adds them to the EU', async ({ page }) => {
    await page.goto('/partners/AGG_EU');
    const members = page.getByTestId('group-members');
    await expect(members.getByRole('row', { name: /United Kingdom/ })).toContainText('31 January 2020');
    await expect(members.getByRole('row', { name: /Croatia/ })).toContainText('1 July 2013');
    await expect(page.getByTestId('member-trade')).toContainText('never add them');
    // The AGG_EU27 code shows the same EU series.
    await page.goto('/partners/AGG_EU27');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('European Union');
    await expect(drawnLines(page.getByTestId('partner-trade-chart'))).toHaveCount(3);
  });

  test('keeps investment concepts apart, one table each', async ({ page }) => {
    await page.goto('/partners/CHN');
    await expect(page.getByTestId('fdi-fdi_gross_inflow')).toContainText('USD 1.4 billion');
    await expect(page.getByTestId('fdi-fdi_cumulative_inflow')).toContainText('USD 25 billion');
    await expect(page.getByTestId('fdi-fdi_gross_inflow')).not.toContainText('USD 25 billion');
    // A concept without figures is one line, not an empty box.
    await expect(page.getByTestId('fdi-fdi_net_inflow')).toHaveCount(0);
    await expect(page.getByTestId('fdi-missing')).toContainText('net flow');
    // Agreement counts quoted in the news sit with the agreements, with their wording and occasion.
    await expect(page.getByTestId('quoted-agreement-counts')).toContainText('May 2023 (state visit, Xi');
    await expect(page.getByTestId('quoted-agreement-counts')).toContainText('more than 30');
    // Partner statistics in the news are labelled as the partner's.
    await expect(page.getByTestId('partner-news')).toContainText('China (partner’s statistics)');
  });

  test('shows agreements and events with their sources and date precision', async ({ page }) => {
    await page.goto('/partners/DEU');
    await expect(page.getByTestId('events-section')).toContainText(
      'Kazakhstan and Germany establish diplomatic relations',
    );
    await expect(page.getByTestId('events-section')).toContainText('1992 (date inferred)');
    await page.goto('/partners/RUS');
    await expect(page.getByTestId('agreements-section')).toContainText('DESTA no. 546');
    await expect(page.getByTestId('agreements-section')).toContainText('Signed 1992; in force 1998');
  });

  for (const code of ['DEU', 'AGG_EU'] as const) {
    test(`downloads the figures behind the ${code} profile in CSV, XLSX and JSON, equal to its tables`, async ({
      page,
    }) => {
      await page.goto(`/partners/${code}`);
      // Kazakhstan-reported: the trade table, in its order (years, then exports, imports, turnover).
      const official = await tableCells(page, 'partner-trade-table', ['export', 'import', 'turnover']);
      // Partner-reported: the mirror table's partner columns (its imports are Kazakhstan's exports).
      const mirror = await tableCells(page, 'mirror-table', ['partnerExport', 'partnerImport']);
      expect(official.length).toBeGreaterThan(60);
      expect(mirror.length).toBeGreaterThan(20);
      const mirrorColumn: Record<string, string> = { export: 'partnerExport', import: 'partnerImport' };
      for (const format of ['csv', 'xlsx', 'json'] as const) {
        const file = await download(page, page.getByTestId(`export-${format}`), format);
        expect(file.name).toMatch(
          new RegExp(`^kaz-trade-profile-${code}-export-import-turnover-\\d{4}-\\d{2}-\\d{2}\\.${format}$`),
        );
        const inMillions = (r: Record<string, string>) => ((Number(r.value) * Number(r.scale)) / 1e6).toFixed(6);
        const own = file.rows.filter((r) => r.reporter_code === 'KAZ');
        const theirs = file.rows.filter((r) => r.reporter_code !== 'KAZ');
        expect(
          own.map((r) => `${r.flow} ${r.year} ${inMillions(r)}`),
          format,
        ).toEqual(official);
        expect(theirs.map((r) => `${mirrorColumn[r.flow ?? '']} ${r.year} ${inMillions(r)}`).sort(), format).toEqual(
          [...mirror].sort(),
        );
        if (format === 'csv')
          expect(Object.keys(file.rows[0] ?? {}).slice(0, 13)).toEqual([
            'source_id',
            'reporter',
            'reporter_code',
            'partner',
            'partner_code',
            'year',
            'period',
            'flow',
            'value',
            'unit',
            'scale',
            'flag',
            'note',
          ]);
        if (format === 'xlsx')
          expect(file.workbook?.worksheets.map((s) => s.name)).toEqual(['Data', 'Sources', 'Flags', 'README']);
      }
    });
  }

  test('converts a euro figure only with a stated rate', async ({ page }) => {
    await page.goto('/partners/DEU');
    await expect(page.getByTestId('partner-news')).toContainText('EUR 4.6 billion');
    await expect(page.getByTestId('partner-news')).toContainText(
      'converted from EUR at the ECB 2018 average, 1.1810 USD/EUR',
    );
  });
});

baseTest('answers 404 with the partner page for an unknown code', async ({ page }) => {
  // The browser logs the 404 of the document itself as a console error, so the console check is off here.
  const response = await page.goto('/partners/ZZZ');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Partner not found');
});

test('has a profile page for every partner code', async ({ request }) => {
  test.setTimeout(180_000);
  const sql = postgres(process.env.DATABASE_URL ?? '', { max: 1, onnotice: () => {} });
  let codes: string[];
  try {
    // Every partner but XXX, the placeholder for an unspecified reporter (its page is a 404, tested below).
    codes = (await sql<{ code: string }[]>`SELECT code FROM partner WHERE code <> 'XXX' ORDER BY code`).map(
      (row) => row.code,
    );
  } finally {
    await sql.end();
  }
  expect(codes.length).toBeGreaterThan(200);
  const failures: string[] = [];
  for (const code of codes) {
    const response = await request.get(`/partners/${code}`);
    if (response.status() !== 200) failures.push(`${code}: ${response.status()}`);
  }
  expect(failures).toEqual([]);
});

test('marks the breaks each profile chart crosses', async ({ page }) => {
  await page.goto('/partners/RUS');
  await expect(page.getByTestId('partner-trade-breaks')).toContainText('Customs union from July 2010 (2010)');
  await page.goto('/partners/DEU');
  // Germany's own values do not break in 2010; its share of Kazakhstan's total does.
  await expect(page.getByTestId('partner-trade-breaks')).not.toContainText('Customs union');
  await expect(page.getByTestId('partner-share-breaks')).toContainText('Customs union from July 2010 (2010)');
});

test('takes codes in any case and names, and has no page for the unspecified-reporter placeholder', async ({
  page,
  request,
}) => {
  for (const path of ['/partners/deu', '/partners/germany', '/partners/Germany']) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status()).toBe(308);
    expect(new URL(response.headers().location ?? '', 'http://localhost').pathname).toBe('/partners/DEU');
  }
  await page.goto('/partners/cote-d-ivoire');
  await expect(page).toHaveURL(/\/partners\/CIV$/);
  expect((await request.get('/partners/XXX', { maxRedirects: 0 })).status()).toBe(404);
  expect((await request.get('/partners/xxx', { maxRedirects: 0 })).status()).toBe(404);
  const compare = await page.goto('/compare?partners=XXX,DEU');
  expect(compare?.status()).toBe(200);
  await expect(page.getByTestId('params-notice')).toContainText('partners');
});

test.describe('partner profile navigation', () => {
  test('lists its sections, and every link lands on a heading of the page', async ({ page }) => {
    await page.goto('/partners/DEU');
    const contents = page.getByRole('navigation', { name: 'On this page' });
    const targets = await contents
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).hash.slice(1)));
    expect(targets).toContain('trade-heading');
    expect(targets).toContain('mirror-heading');
    for (const id of targets) await expect(page.locator(`[id="${id}"]`)).toHaveCount(1);
    await contents.getByRole('link', { name: 'Agreements' }).click();
    await expect(page).toHaveURL(/#agreements-heading$/);
    await expect(page.locator('#agreements-heading')).toBeInViewport();
  });
});
