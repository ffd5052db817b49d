import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect, test } from './fixtures/test';

// Rendered event texts carry no curation notes and no column names: each event's internal note
// (events.csv `note`) must not appear on the EU and Germany profiles, and neither may the words
// the notes were written in. How a date was inferred sits behind a disclosure.

const events = parse(readFileSync(new URL('../prisma/data/articles/events.csv', import.meta.url)), {
  columns: true,
  bom: true,
}) as { key: string; note: string; partner_codes: string }[];

const INTERNAL = [
  /date\/end_date/,
  /end_date/,
  /published_on/,
  /signed_on/,
  /Ordinal \(/,
  /span the (month|year)/,
  /_[a-z]+_/,
];

for (const code of ['AGG_EU', 'DEU'] as const) {
  test(`${code}: event texts are written for a reader, with no internal notes`, async ({ page }) => {
    await page.goto(`/partners/${code}`);
    const section = page.getByTestId('events-section');
    await expect(section.getByTestId('event').first()).toBeVisible();
    const text = await section.innerText();
    for (const pattern of INTERNAL) expect(text, String(pattern)).not.toMatch(pattern);
    const mine = events.filter((e) => e.partner_codes.split(';').includes(code === 'AGG_EU' ? 'AGG_EU' : code));
    expect(mine.length).toBeGreaterThan(3);
    for (const e of mine) expect(text, e.key).not.toContain(e.note);
    // The reasoning behind an inferred date is one click away, not in the running text.
    const disclosure = section.locator('details').filter({ hasText: 'How this date was worked out' }).first();
    await expect(disclosure).toBeVisible();
    await expect(disclosure.locator('p')).toBeHidden();
    await disclosure.locator('summary').click();
    await expect(disclosure.locator('p')).toBeVisible();
  });
}

test('EU and Germany show agreements once each with counts by status', async ({ page }) => {
  await page.goto('/partners/AGG_EU');
  const counts = page.getByTestId('agreement-counts');
  await expect(counts).toContainText('7 listed');
  await expect(counts).toContainText('1 in force');
  await expect(counts).toContainText('2 memoranda');
  await expect(counts).toContainText('2 roadmaps');
  await expect(page.getByTestId('agreement-row')).toHaveCount(7);
  await expect(page.getByTestId('agreement-row').filter({ hasText: 'EPCA' })).toContainText('Signed 2015');
  await page.goto('/partners/DEU');
  await expect(page.getByTestId('agreement-row')).toHaveCount(3);
  await expect(page.getByTestId('stated-agreement-count')).toContainText('more than 35');
});

test('a profile without context folds the empty sections to one line each', async ({ page }) => {
  await page.goto('/partners/CHN');
  await expect(page.getByTestId('events-section')).toHaveAttribute('data-empty', 'true');
  await expect(page.getByTestId('events-section')).toContainText('none recorded for this partner');
  await expect(page.getByTestId('investment-section')).toContainText('Gross inflow');
});

test('sources read as a bibliography and the presence page shows the network', async ({ page }) => {
  await page.goto('/sources');
  const citations = page.getByTestId('source-citation');
  await expect(citations.filter({ hasText: 'Pravda network (news-pravda.com)' }).first()).toBeVisible();
  for (const text of await citations.allInnerTexts()) {
    expect(text).not.toMatch(/\b(news:|article:)|_via_|“\d+”|“News”/);
  }
  await page.goto('/presence');
  await expect(page.getByTestId('presence-total')).toContainText('75');
  await expect(page.getByTestId('presence-total')).toContainText('56');
  await expect(page.getByTestId('presence-plan')).toContainText('Indonesia');
});
