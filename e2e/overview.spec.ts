import { test as baseTest } from '@playwright/test';
import { drawnLines, drawnText } from './fixtures/charts';
import { expect, test } from './fixtures/test';

test.describe('overview', () => {
  test('answers the three questions one click away, each with its sources', async ({ page }) => {
    // Three screens in one test: three times the time of one.
    test.slow();
    await page.goto('/');
    // EU vs China vs Russia since 2000: the compare view with three lines and their sources.
    await page.getByTestId('question-eu-china-russia').click();
    await expect(page).toHaveURL(/\/compare\?partners=AGG_EU,CHN,RUS&from=2000/);
    await expect(drawnLines(page.getByTestId('compare-chart'))).toHaveCount(3);
    await expect(page.getByTestId('compare-summary').locator('tbody tr')).toHaveCount(3);
    await expect(page.getByTestId('methods')).toContainText('International Monetary Fund');

    // Fastest growth over five years: the partner list sorted by compound growth, largest first.
    await page.goto('/');
    await page.getByTestId('question-fastest-growth').click();
    await expect(page).toHaveURL(/\/partners\?sort=cagr:desc/);
    const table = page.getByTestId('partner-list-table');
    await expect(table.getByRole('columnheader', { name: /^Growth p\.a\./ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await expect(table.getByRole('columnheader', { name: /^Growth p\.a\./ })).toContainText(/CAGR \d{4}–\d{4}/);
    await expect(page.getByTestId('partner-list-notes')).toContainText('Bureau of National Statistics');

    // Where the two sides' statistics disagree: every partner and year, largest gap first.
    await page.goto('/');
    await page.getByTestId('question-statistics-disagree').click();
    await expect(page).toHaveURL(/\/mirror$/);
    await expect(page.getByTestId('mirror-table').locator('tbody tr').first()).toBeVisible();
    await expect(page.getByTestId('mirror-coverage')).toContainText('Partner-reported figures end in 2020');
  });

  test('shows the turnover chart with data points, with unit, period and source', async ({ page }) => {
    await page.goto('/');
    const chart = page.getByTestId('turnover-chart');
    await expect(chart).toBeVisible();
    // One path per series; a series with data has a non-empty "d".
    await expect(drawnLines(chart).first()).toHaveAttribute('d', /\d/);
    expect(await drawnLines(chart).count()).toBeGreaterThanOrEqual(3);
    const caption = page.locator('#turnover-figure figcaption');
    await expect(caption).toContainText('USD million');
    await expect(caption).toContainText('calendar years 1992–2025');
    await expect(page.getByTestId('methods')).toContainText('International Monetary Fund');
  });

  test('shows the partner list’s first page, in the order asked for, and links to the rest', async ({ page }) => {
    // Smallest share first: the tail of the ranking, which the shortened table must not hide.
    await page.goto('/?sort=share:asc');
    const table = page.getByTestId('partners-table');
    const profiles = (scope: typeof table) =>
      scope
        .locator('tbody tr > :first-child a[href^="/partners/"]')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    const shown = await profiles(table);
    // The partner list's default page size (lib/search-params/partner-list.ts).
    expect(shown).toHaveLength(25);
    const more = page.getByTestId('partners-table-more');
    // The summary counts every partner of the year; the note says how many are shown.
    const total = Number(/^(\d+) partners/.exec(await page.getByText(/^\d+ partners, calendar year/).innerText())?.[1]);
    expect(total).toBeGreaterThan(25);
    await expect(more).toContainText(`The first 25 partners in this order, of ${total}.`);

    await more.getByRole('link', { name: /full list/ }).click();
    await expect(page).toHaveURL(/\/partners\?year=\d{4}&sort=share:asc$/);
    const list = page.getByTestId('partner-list-table');
    await expect(list.locator('tbody tr')).toHaveCount(25);
    expect(await profiles(list)).toEqual(shown);
  });

  test('sorts the partner table when a column header is clicked', async ({ page }) => {
    await page.goto('/');
    const table = page.getByTestId('partners-table');
    await expect(table).toBeVisible();
    const firstCells = () => table.locator('tbody tr > :first-child').allInnerTexts();
    const before = await firstCells();
    expect(before.length).toBeGreaterThan(10);

    await table
      .getByRole('button', { name: /^partner/i })
      .first()
      .click();
    await expect(page).toHaveURL(/sort=name/);
    // The table re-renders through a skeleton: wait for the new first row, not for "any change".
    await expect(table.locator('tbody tr > :first-child').first()).toHaveText(/^Afghanistan/);
    const byName = await firstCells();
    expect(byName).toHaveLength(before.length);
    // PostgreSQL's collation and the browser's differ on punctuation; letters alone must be in order.
    const letters = byName.map((name) =>
      name
        // The cell ends with the partner's code; the order is by name.
        .replace(/\s*[A-Z]{3}$/, '')
        .normalize('NFD')
        .toLowerCase()
        .replace(/[^a-z]/g, ''),
    );
    expect(letters).toEqual([...letters].sort());
  });
});

test.describe('overview on a phone', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test('puts each cell under its header: the partner, the sorted column, then the rest', async ({ page }) => {
    await page.goto('/?partners=all&sort=share:desc');
    const table = page.getByTestId('partners-table');
    const headers = table.locator('thead th');
    await expect(headers.nth(0)).toContainText(/Partner/);
    await expect(headers.nth(1)).toContainText(/Share/);
    await expect(headers.nth(1)).toHaveAttribute('aria-sort', 'descending');
    await expect(headers.nth(2)).toContainText(/Kind/);
    // The rows are drawn by the server, the header by the browser: the same order on every width.
    const cells = table.locator('tbody tr').first().locator('th, td');
    await expect(cells.nth(1)).toHaveAttribute('data-column', 'share');
    await expect(cells.nth(2)).toHaveAttribute('data-column', 'kind');
    await expect(cells.nth(1)).toHaveText('100.0%');
  });
});

test.describe('overview: the official series', () => {
  test('shows headline figures of the latest complete year with the change, unit, period and source', async ({
    page,
  }) => {
    await page.goto('/');
    const headline = page.getByTestId('headline-figures');
    await expect(headline).toContainText('Turnover, 2025');
    await expect(headline).toContainText(/[+−]\d+\.\d% on 2024/);
    // 2025 is the bureau's year: its total is the sum of its own partner rows, as the screens say.
    await expect(page.getByTestId('headline-notes')).toContainText(
      'derived: the sum of every partner row of the bureau’s by-country table',
    );
    // 2026 is partial: compared only with the same months of 2025.
    await expect(page.getByTestId('year-to-date')).toContainText('2026 so far (January–June)');
    await expect(page.getByTestId('year-to-date')).toContainText('same months of 2025');
  });

  test('marks the known breaks on the turnover chart and offers the numbers as a table', async ({ page }) => {
    await page.goto('/');
    const figure = page.locator('#turnover-figure');
    // One line per break the chart crosses (bundled series_breaks.csv): 1992-93, 2010 (Russia is drawn), 2020.
    for (const label of ['Incomplete coverage', 'Customs union from July 2010', 'Bureau data from 2020'])
      await expect(drawnText(figure.getByTestId('turnover-chart')).getByText(label, { exact: true })).toHaveCount(1);
    await expect(page.getByTestId('turnover-breaks')).toHaveText(
      'Series breaks: Incomplete coverage (1992–1993); Customs union from July 2010 (2010); Bureau data from 2020 (2020).',
    );
    await figure.getByText('Show the numbers as a table').click();
    await expect(page.getByTestId('turnover-table').getByRole('row', { name: /^2025/ })).toBeVisible();
  });

  test('draws no sentence from an incomplete year, and names the breaks it spans', async ({ page }) => {
    await page.goto('/');
    // The EU's share is highest in 2010 only because Russia's trade is undercounted that year.
    const peak = page.getByTestId('eu-peak');
    await expect(peak).toContainText('The EU’s share was highest in');
    await expect(peak).not.toContainText('highest in 2010');
    await expect(peak).toContainText('leaving out 2010 (Customs union from July 2010)');
    await expect(peak).toContainText('across Bureau data from 2020');
  });

  test('shows the EU as one block or by members, never both, and keeps the choice in the URL', async ({ page }) => {
    await page.goto('/');
    const legend = page.getByTestId('composition-chart').getByRole('list', { name: 'Legend' });
    await expect(legend).toContainText('European Union');
    await page.getByText('EU by member').click();
    await expect(page).toHaveURL(/eu=members/);
    await expect(legend).not.toContainText('European Union');
    await expect(legend).toContainText('Italy');
    await page.reload();
    await expect(page.getByRole('radio', { name: 'EU by member' })).toBeChecked();
    await expect(legend).toContainText('Italy');
  });

  test('lists recent news figures with their wording, period and page', async ({ page }) => {
    await page.goto('/');
    const news = page.getByTestId('news-figures');
    await expect(news.locator('tbody tr')).toHaveCount(12);
    await expect(news).toContainText(/about USD|more than USD|nearly USD/);
    await expect(news.getByRole('link').first()).toHaveAttribute('href', /^https?:\/\//);
  });

  test('names an invalid parameter in a notice and shows the default', async ({ page }) => {
    await page.goto('/?eu=both&year=1800');
    await expect(page.getByTestId('params-notice')).toContainText('eu');
    await expect(page.getByTestId('params-notice')).toContainText('year');
    await expect(page.getByRole('radio', { name: 'EU as one block' })).toBeChecked();
  });
});

baseTest('answers 404 with a page for an unknown route', async ({ page }) => {
  // The browser logs the 404 of the document itself as a console error, so the console check is off here.
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
