import ExcelJS from 'exceljs';
import { csvResponseText, download, rowAttributes } from './fixtures/downloads';
import { drawnLines, drawnText } from './fixtures/charts';
import { expect, test } from './fixtures/test';

const EXAMPLE = '/compare?partners=DEU,FRA,ITA,CHN,RUS&flow=turnover&from=2000&to=2025&mode=share';

test.describe('compare', () => {
  test('opens the example permalink with its partners, mode and years', async ({ page }) => {
    await page.goto(EXAMPLE);
    const figure = page.getByTestId('compare-figure');
    await expect(figure.getByRole('heading', { level: 2 })).toHaveText(/share of Kazakhstan’s total, 2000–2025/);
    await expect(drawnLines(page.getByTestId('compare-chart'))).toHaveCount(5);
    await expect(page.getByTestId('selected-partners').getByRole('listitem')).toHaveCount(5);
    await expect(page.getByRole('radio', { name: 'Share of total' })).toBeChecked();
    // Unit and period are stated with the chart, the sources in the page's methods note it links to.
    const caption = figure.locator('figcaption');
    await expect(caption).toContainText('% of Kazakhstan’s total with the world');
    await expect(caption).toContainText('Calendar years 2000–2025');
    await expect(caption.getByRole('link', { name: 'How these figures are made' })).toHaveAttribute('href', '#methods');
    await expect(page.getByTestId('methods')).toContainText('Bureau of National Statistics');
    await expect(page.getByTestId('compare-summary').locator('tbody tr')).toHaveCount(5);
  });

  test('changes mode, sorts, and a reload of the permalink gives the same view', async ({ page }) => {
    await page.goto(EXAMPLE);
    await page.getByText('Index (start = 100)').click();
    await expect(page).toHaveURL(/mode=index/);
    await expect(page.getByTestId('compare-figure').getByRole('heading', { level: 2 })).toHaveText(
      /index \(2000 = 100\)/,
    );

    const summary = page.getByTestId('compare-summary');
    await summary.getByRole('button', { name: /^growth/i }).click();
    await expect(page).toHaveURL(/sort=growth/);
    // The row header is the first cell, so the growth column is the fifth child.
    const growth = async () =>
      (await summary.locator('tbody tr td:nth-child(5)').allInnerTexts()).map((text) =>
        // The first line is the rate; a second line names a break the growth spans.
        Number((text.split('\n')[0] ?? '').replace('−', '-').replace(/[+%]/g, '')),
      );
    await expect
      .poll(async () => {
        const values = await growth();
        return values.length === 5 && values.every((v, i) => i === 0 || v <= (values[i - 1] ?? v));
      })
      .toBe(true);
    const order = await summary.locator('tbody tr th').allInnerTexts();

    const url = page.url();
    await page.reload();
    expect(page.url()).toBe(url);
    await expect(page.getByRole('radio', { name: 'Index (start = 100)' })).toBeChecked();
    await expect(summary.locator('tbody tr th')).toHaveText(order);
    await expect(summary.locator('th[aria-sort="descending"]')).toContainText(/Growth/);
  });

  test('falls back to defaults with a visible notice for invalid parameters', async ({ page }) => {
    const response = await page.goto('/compare?partners=ZZZ,DEU&mode=bogus&from=1800&scale=log&flow=balance');
    expect(response?.status()).toBe(200);
    const notice = page.getByTestId('params-notice');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('partners');
    await expect(notice).toContainText('mode');
    await expect(notice).toContainText('from');
    await expect(notice).toContainText('scale');
    await expect(page.getByTestId('selected-partners').getByRole('listitem')).toHaveCount(1);
  });

  test('adds a partner by keyboard from the combobox, and keeps the focus for the next', async ({ page }) => {
    await page.goto('/compare');
    const search = page.getByRole('combobox', { name: /add a partner/i });
    await search.focus();
    await page.keyboard.type('germ');
    const list = page.getByRole('listbox', { name: 'Matching partners' });
    await expect(list.getByRole('option', { name: /^Germany/ })).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expect(search).toHaveAttribute('aria-activedescendant', /.+/);
    await expect(list.getByRole('option', { selected: true })).toHaveText(/^Germany/);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/partners=AGG_EU,CHN,RUS,DEU/);
    await expect(search).toBeFocused();
    await expect(search).toHaveValue('');
    // The EU contains Germany: the page says the two must not be added.
    await expect(page.getByTestId('overlap-notice')).toContainText('European Union includes Germany');

    // Escape closes the list without adding anything.
    await page.keyboard.type('fran');
    await expect(list.getByRole('option', { name: /^France/ })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(list.getByRole('option')).toHaveCount(0);
    await expect(page).toHaveURL(/partners=AGG_EU,CHN,RUS,DEU(&|$)/);
  });

  test('shortcuts set partners and years', async ({ page }) => {
    await page.goto('/compare');
    await page.getByRole('button', { name: /^Growth of the 10 largest/ }).click();
    await expect(page).toHaveURL(/mode=index/);
    await expect(page).toHaveURL(/sort=growth/);
    await expect(page.getByTestId('compare-summary').locator('tbody tr')).toHaveCount(10);
  });

  test('switches to a log scale and to euro, labelling the conversion', async ({ page }) => {
    await page.goto('/compare?partners=CHN,RUS&from=2015&to=2025&currency=EUR');
    await expect(page.getByTestId('compare-figure').getByRole('heading', { level: 2 })).toHaveText(
      /EUR million \(converted\)/,
    );
    await expect(page.getByTestId('compare-figure')).toContainText('ECB annual average');
    await page.getByText('Logarithmic').click();
    await expect(page).toHaveURL(/scale=log/);
    await expect(page.locator('[data-testid="compare-chart"][data-scale="log"]')).toBeVisible();
    await page.getByText('Show the numbers as a table').click();
    await expect(page.getByTestId('compare-data-table').getByRole('columnheader', { name: /ECB rate/ })).toBeVisible();
  });

  test('compares part-year figures only with the same months', async ({ page }) => {
    await page.goto('/compare?partners=AGG_EU,CHN');
    const section = page.getByTestId('partial-year-figures');
    await expect(section).toContainText('January–November 2023');
    await expect(page.getByTestId('year-to-date')).toContainText(/January–\w+ 20\d\d/);
  });

  test('downloads the chart as SVG with its title, mode and scale, source, address and date', async ({ page }) => {
    const view = '/compare?partners=AGG_EU,CHN,RUS&from=2000&to=2025&mode=share&scale=log';
    // 20:30 UTC on 23 November is 01:30 on the 24th in Almaty (UTC+5), the tests' time zone: the
    // file is dated by the reader's calendar.
    await page.clock.setFixedTime(new Date('2026-11-23T20:30:00Z'));
    await page.goto(view);
    const button = page.getByRole('button', { name: /as SVG/ }).first();
    // The buttons work once the page has hydrated; until then (and without JavaScript) they are disabled.
    await expect(button).toBeEnabled();
    const download = page.waitForEvent('download');
    await button.click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('kaz-trade-turnover-share-log-AGG_EU-CHN-RUS-2000-2025.svg');
    let text = '';
    for await (const chunk of await file.createReadStream()) text += String(chunk);
    expect(text).toContain('<svg');
    expect(text).toContain('Trade turnover by partner, share of Kazakhstan’s total, 2000–2025');
    expect(text).toContain('Share of Kazakhstan’s total, logarithmic scale');
    expect(text).toContain('International Monetary Fund');
    // The page's address (XML-escaped in the file) and the day it was made.
    const address = page.url().replaceAll('&', '&amp;');
    expect(text).toContain(`${address} · downloaded 2026-11-24`);
    // The three lines and their legend, colors resolved: the file stands alone.
    expect(text.match(/data-series-line=/g)).toHaveLength(3);
    expect(text).toContain('European Union');
    expect(text).not.toContain('var(--');
  });

  test('downloads the chart as a PNG image', async ({ page }) => {
    await page.goto('/compare');
    const button = page.getByRole('button', { name: /as PNG/ }).first();
    await expect(button).toBeEnabled();
    const download = page.waitForEvent('download');
    await button.click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^kaz-trade-turnover-value-AGG_EU-CHN-RUS-2000-20\d\d\.png$/);
    const chunks: Buffer[] = [];
    for await (const chunk of await file.createReadStream()) chunks.push(Buffer.from(chunk as Buffer));
    const bytes = Buffer.concat(chunks);
    // The PNG signature, and a real image rather than an empty canvas.
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(bytes.length).toBeGreaterThan(20_000);
  });
});

test.describe('compare downloads', () => {
  test('sorts, then downloads CSV, XLSX and JSON holding exactly the numbers on screen, in the summary’s order', async ({
    page,
  }) => {
    await page.goto('/compare?partners=AGG_EU,CHN,RUS,DEU&from=2010&to=2024&mode=share');
    const summary = page.getByTestId('compare-summary');
    await summary.getByRole('button', { name: /^growth/i }).click();
    await expect(page).toHaveURL(/sort=growth/);
    await expect(summary.locator('th[aria-sort="descending"]')).toContainText(/Growth/);
    const order = await rowAttributes(summary, 'data-row-key');
    expect([...order].sort()).toEqual(['AGG_EU', 'CHN', 'DEU', 'RUS']);

    // The chart's table alternative: one cell per partner and year, with the exact value drawn.
    const cells = await page
      .getByTestId('compare-data-table')
      .locator('tbody td[data-value]')
      .evaluateAll((tds) =>
        tds.map((td) => ({
          code: td.getAttribute('data-column') ?? '',
          year: Number(td.closest('tr')?.getAttribute('data-row-key')),
          value: Number(td.getAttribute('data-value')),
        })),
      );
    const onScreen = order.flatMap((code) =>
      cells
        .filter((c) => c.code === code)
        .sort((a, b) => a.year - b.year)
        .map((c) => `${c.code} ${c.year} ${c.value}`),
    );
    expect(onScreen.length).toBe(4 * 15);

    for (const format of ['csv', 'xlsx', 'json'] as const) {
      const file = await download(page, page.getByTestId(`export-${format}`), format);
      expect(file.name).toMatch(
        new RegExp(`^kaz-trade-compare-turnover-share-AGG_EU-CHN-RUS-DEU-2010-2024-\\d{4}-\\d{2}-\\d{2}\\.${format}$`),
      );
      const drawn = file.rows
        .filter((r) => r.value !== '')
        .map((r) => `${r.partner_code} ${r.year} ${Number(r.value)}`);
      expect(drawn, format).toEqual(onScreen);
      expect(
        file.rows.every((r) => r.mode === 'share' && r.flow === 'turnover'),
        format,
      ).toBe(true);
      if (format === 'xlsx')
        expect(file.workbook?.worksheets.map((s) => s.name)).toEqual(['Data', 'Sources', 'Flags', 'README']);
    }
  });
});

test.describe('GET /api/export/compare', () => {
  test('returns the view as CSV with provenance per row', async ({ request }) => {
    const response = await request.get(
      '/api/export/compare?partners=CHN,AGG_EU&from=2019&to=2021&mode=share&format=csv',
    );
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('text/csv');
    expect(response.headers()['content-disposition']).toMatch(
      /kaz-trade-compare-turnover-share-CHN-AGG_EU-2019-2021-\d{4}-\d{2}-\d{2}\.csv/,
    );
    const lines = (await csvResponseText(response)).trim().split('\n');
    expect(lines[0]).toBe(
      'partner_code,partner,year,flow,mode,value,value_unit,amount,amount_unit,source_id,source,is_estimate,is_derived,conversion',
    );
    expect(lines).toHaveLength(1 + 6);
    expect(
      lines.some(
        (line) => line.startsWith('CHN,China,2020,turnover,share,0.') && line.includes('bns_312101_via_makenerzhan'),
      ),
    ).toBe(true);
  });

  test('returns JSON records with the conversion of each converted value', async ({ request }) => {
    const response = await request.get('/api/export/compare?partners=DEU&from=1998&to=2000&currency=EUR&format=json');
    expect(response.headers()['content-disposition']).toMatch(/kaz-trade-compare-turnover-EUR-DEU-1998-2000-/);
    const rows = (await response.json()) as {
      year: number;
      value: number | null;
      amount_unit: string;
      conversion: string | null;
    }[];
    expect(rows.every((r) => r.amount_unit === 'EUR million')).toBe(true);
    // No euro before 1999: no converted value, and no row, for 1998.
    expect(rows.find((r) => r.year === 1998)?.value ?? null).toBeNull();
    expect(rows.find((r) => r.year === 2000)?.conversion).toMatch(/ECB 2000 average, 0\.9236 USD\/EUR/);
  });

  test('writes the notes and the exchange-rate source into the XLSX README and Sources sheets', async ({ request }) => {
    const response = await request.get('/api/export/compare?partners=DEU&from=1998&to=2000&currency=EUR&format=xlsx');
    expect(response.status()).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.body()) as unknown as ArrayBuffer);
    const text = (name: string) => {
      const lines: string[] = [];
      workbook.getWorksheet(name)?.eachRow((row) =>
        lines.push(
          row.values
            ? String(
                (row.values as unknown[])
                  .slice(1)
                  .map((v) =>
                    typeof v === 'object' && v && 'richText' in v
                      ? (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('')
                      : String(v),
                  )
                  .join(' | '),
              )
            : '',
        ),
      );
      return lines.join('\n');
    };
    expect(text('README')).toMatch(/before 1999/);
    expect(text('Sources')).toContain('ecb_eurofxref_annual');
    expect(typeof workbook.getWorksheet('Data')?.getRow(2).getCell(3).value).toBe('number');
  });

  test('refuses invalid parameters instead of exporting another view', async ({ request }) => {
    const response = await request.get('/api/export/compare?mode=bogus');
    expect(response.status()).toBe(400);
    expect(((await response.json()) as { parameter: string }).parameter).toBe('mode');
    expect((await request.get('/api/export/compare?format=xls')).status()).toBe(400);
  });
});

test('names the break a growth rate spans, and starts no summary in an incomplete year', async ({ page }) => {
  await page.goto('/compare?partners=CHN,RUS&from=1992&to=2015');
  const rows = page.getByTestId('compare-summary').locator('tbody tr');
  await expect(rows.filter({ hasText: 'Russian Federation' })).toContainText('across Customs union from July 2010');
  // China's summary starts in 1994, the first complete year, not at 53% of a fraction of the total in 1992.
  await expect(rows.filter({ hasText: 'China' }).locator('td').first()).toContainText('1994');
  await expect(page.getByTestId('compare-breaks')).toContainText('Incomplete coverage (1992–1993)');
  // The markers' labels, drawn in the chart's SVG.
  const labels = drawnText(page.getByTestId('compare-chart'));
  await expect(labels.getByText('Incomplete coverage', { exact: true })).toHaveCount(1);
  await expect(labels.getByText('Customs union from July 2010', { exact: true })).toHaveCount(1);
  await expect(labels.getByText(/Bureau data/)).toHaveCount(0);
});

// A keyboard reader reaches the chart and the table without tabbing through every control.
for (const [path, chart, table] of [
  ['/compare?partners=DEU,FRA', '#compare-chart', '#compare-summary'],
  ['/', '#turnover-figure', '#partners-section'],
] as const) {
  test(`${path} has skip links to its chart and its table, shown when focused`, async ({ page }) => {
    await page.goto(path);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    // Past the header, the content begins with the links to its chart and its table.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const toChart = page.getByRole('link', { name: 'Skip to the chart' });
    await expect(toChart).toBeFocused();
    await expect(toChart).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${chart}$`));
    await expect(page.locator(chart)).toBeInViewport();
    await page.goto(path);
    await page.getByRole('link', { name: 'Skip to the table' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator(table)).toBeInViewport();
  });
}
