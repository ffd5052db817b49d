import { download, rowAttributes, type Row } from './fixtures/downloads';
import { expect, expectTableSettled, test } from './fixtures/test';

/** The natural key the data screen writes on each row (data-row-key), rebuilt from an exported record. */
const keyOf = (r: Row) =>
  [r.source_id, r.reporter_code, r.partner_code, r.flow, r.year, r.period, r.series_key].join('|');

test.describe('data screen', () => {
  test('opens on the official series, latest year first, with one unit and the way to each row’s provenance', async ({
    page,
  }) => {
    await page.goto('/data');
    await expect(page).toHaveURL(/\/data\?flags=official&sort=year:desc$/);
    const table = page.getByTestId('observations-table');
    const first = table.locator('tbody tr').first();
    await expect(first).toContainText('official series');
    const years = (await rowAttributes(table, 'data-row-key')).map((k) => Number(k.split('|')[4]));
    expect(years[0]).toBe(2025);
    // Thousands (the bureau) and millions (the IMF) in one unit column.
    await expect(table.getByRole('columnheader', { name: /USD million/ })).toBeVisible();
    await first.getByTestId('provenance-link').click();
    await expect(page).toHaveURL(/\/observations\/\d+$/);
  });

  test('filters, sorts by several columns, and downloads exactly the rows on screen in CSV, XLSX and JSON', async ({
    page,
  }) => {
    // Three downloads after a dozen filter and sort steps: 24 s alone on the two shared cores.
    test.slow();
    // Any query at all: a bare /data opens on the official series (next test).
    await page.goto('/data?page=1');
    const table = page.getByTestId('observations-table');
    await expect(table).toBeVisible();

    // Partner: Germany and France, through the faceted filter's search.
    await page.getByTestId('filter-partner').getByRole('button').first().click();
    const search = page.getByTestId('filter-partner').getByRole('searchbox');
    await search.fill('Germany');
    await page.getByRole('checkbox', { name: /^Germany/ }).check();
    await expect(page).toHaveURL(/partner=DEU/);
    await search.fill('France');
    await page.getByRole('checkbox', { name: /^France/ }).check();
    await expect(page).toHaveURL(/partner=DEU,FRA/);
    await page.keyboard.press('Escape');

    await page.getByTestId('filter-flow').getByRole('button').first().click();
    await page.getByRole('checkbox', { name: /^Trade turnover/ }).check();
    await expect(page).toHaveURL(/flow=turnover/);
    await page.keyboard.press('Escape');

    // Year, then shift-click value as the second key.
    await table.getByRole('button', { name: /^Year/ }).click();
    await expect(page).toHaveURL(/sort=year:desc/);
    await table.getByRole('button', { name: /^Value/ }).click({ modifiers: ['Shift'] });
    await expect(page).toHaveURL(/sort=year:desc,value:desc/);
    await expect(table.getByRole('columnheader', { name: /^Value/ })).toHaveAttribute('aria-sort', 'descending');

    await page.getByLabel('Rows per page').selectOption('100');
    await expect(page).toHaveURL(/size=100/);
    await expect(page.getByTestId('pagination-summary')).toHaveText(/^1–(\d+) of \1 observations$/);
    await expectTableSettled(page, table);

    const keys = await rowAttributes(table, 'data-row-key');
    const values = await rowAttributes(table, 'data-value');
    expect(keys.length).toBeGreaterThan(20);
    expect(keys.every((k) => /\|(DEU|FRA)\|turnover\|/.test(k))).toBe(true);
    const years = keys.map((k) => Number(k.split('|')[4]));
    expect(years).toEqual([...years].sort((a, b) => b - a));

    for (const format of ['csv', 'xlsx', 'json'] as const) {
      const file = await download(page, page.getByTestId(`export-${format}`), format);
      expect(file.name).toMatch(new RegExp(`^kaz-trade-turnover-DEU-FRA-\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
      expect(file.rows.map(keyOf), format).toEqual(keys);
      expect(
        file.rows.map((r) => Number(r.value)),
        format,
      ).toEqual(values.map(Number));
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

  test('downloads every page, not only the one shown', async ({ page }) => {
    await page.goto('/data?partner=DEU&flow=export&size=10&sort=year:asc');
    const table = page.getByTestId('observations-table');
    await expect(page.getByTestId('pagination-summary')).toHaveText(/^1–10 of (\d+) observations$/);
    const total = Number((await page.getByTestId('pagination-summary').innerText()).match(/of (\d+)/)?.[1]);
    const firstPage = await rowAttributes(table, 'data-row-key');
    const file = await download(page, page.getByTestId('export-csv'), 'csv');
    expect(file.rows).toHaveLength(total);
    expect(file.rows.slice(0, 10).map(keyOf)).toEqual(firstPage);

    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByTestId('pagination-summary')).toHaveText(new RegExp(`^11–20 of ${total} observations$`));
    expect(await rowAttributes(table, 'data-row-key')).toEqual(file.rows.slice(10, 20).map(keyOf));
  });

  test('shows qualifiers and units, hides and shows columns, and keeps it all in the URL', async ({ page }) => {
    await page.goto('/data?partner=DEU&flags=partner,estimate&q=Germany&sort=value:desc');
    const table = page.getByTestId('observations-table');
    await expect(table.locator('tbody tr').first()).toBeVisible();
    await expect(table.getByText('USD million').first()).toBeVisible();

    await page.goto('/data?source=news:at2409&sort=year:asc');
    await expect(table.locator('tbody tr').first()).toBeVisible();
    await expect(table.getByRole('cell', { name: /^>\s?2\.3/ }).first()).toBeVisible();
    await expect(table.getByRole('cell', { name: /^≈/ }).first()).toBeVisible();

    await page.getByTestId('view-options').getByRole('button').click();
    await page.getByRole('checkbox', { name: 'Reporter', exact: true }).uncheck();
    await expect(page).toHaveURL(/cols=partner,flow,year,period,value,unit,usd,qualifier,flags,source/);
    await expect(table.getByRole('columnheader', { name: /^Reporter/ })).toHaveCount(0);
    await page.getByRole('checkbox', { name: 'Note', exact: true }).check();
    await expect(page).toHaveURL(/cols=[a-z,]*note/);
    await expect(table.getByRole('columnheader', { name: 'Note' })).toBeVisible();
  });

  test('draws each shown column’s cells under its header, the sorted one first, on a laptop and on a phone', async ({
    page,
  }) => {
    // The rows are drawn by the server and the header by the browser: they must agree at every width.
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto('/data?partner=DEU&cols=note,value,partner,year&size=10&sort=year:asc');
      const table = page.getByTestId('observations-table');
      await expect(table.locator('tbody tr')).toHaveCount(10);
      await expect(table.locator('thead th')).toHaveText([/^Year/, /^Partner/, /^Value/, /^Note/]);
      for (const row of await table.locator('tbody tr').all())
        expect(await row.locator('td').evaluateAll((cells) => cells.map((c) => c.dataset.column))).toEqual([
          'year',
          'partner',
          'value',
          'note',
        ]);
      await expect(table.locator('tbody tr').first().locator('td[data-column="partner"]')).toContainText('DEU');
    }
  });

  test('names an unusable parameter, falls back to the default and still shows the rows', async ({ page }) => {
    const response = await page.goto('/data?sort=colour:up&size=7&group=AGG_MARS');
    expect(response?.status()).toBe(200);
    const notice = page.getByTestId('params-notice');
    await expect(notice).toContainText('sort');
    await expect(notice).toContainText('size');
    await expect(notice).toContainText('group');
    await expect(page.getByTestId('observations-table').locator('tbody tr').first()).toBeVisible();
  });

  test('leaves out a code the database does not hold, says so, and shows the other codes’ rows', async ({ page }) => {
    const response = await page.goto('/data?partner=DEU,QQQ&source=nosuch&size=10');
    expect(response?.status()).toBe(200);
    const notice = page.getByTestId('params-notice');
    await expect(notice).toContainText('2 URL parameters were ignored');
    await expect(notice).toContainText('partner = “QQQ”');
    await expect(notice).toContainText('source = “nosuch”');
    const keys = await rowAttributes(page.getByTestId('observations-table'), 'data-row-key');
    expect(keys).toHaveLength(10);
    // The row key is source|reporter|partner|…: every row is Germany's, from any source.
    expect(new Set(keys.map((k) => k.split('|')[2]))).toEqual(new Set(['DEU']));
  });

  test('filters by group membership covering the whole year', async ({ page }) => {
    await page.goto(
      '/data?group=AGG_EU&flow=turnover&from=2013&to=2013&source=imf_dots_2022_via_SamLeBlanc&reporter=KAZ&size=100',
    );
    const keys = await rowAttributes(page.getByTestId('observations-table'), 'data-row-key');
    const partners = keys.map((k) => k.split('|')[2]);
    // Croatia joined on 1 July 2013: not a member for 2013. The United Kingdom was.
    expect(partners).toContain('GBR');
    expect(partners).not.toContain('HRV');
    expect(partners).not.toContain('AGG_EU');
  });
});
