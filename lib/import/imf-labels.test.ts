// Every label IMF writes in column B of its 235 country workbooks (../shared/data/reference/
// imf_dots_row_labels.csv) must be known: a partner of the bundled partner table, or a row that is
// layout or not a partner (skipped with a note). An unknown label would refuse a real workbook.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { sharedDir } from '@/lib/testing/shared-dir';
import { imfLabels } from './imf-labels';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const csv = (file: string) => parse(readFileSync(file), { columns: true, bom: true }) as Record<string, string>[];

describe('IMF DOTS row labels', () => {
  const seen = csv(path.join(sharedDir(), 'data', 'reference', 'imf_dots_row_labels.csv'));
  // The seed loads partners.csv, then adds every ISO 3166 country the list lacks (iso_3166_1.csv).
  const partners = new Set([
    ...csv(path.join(ROOT, 'prisma', 'data', 'reference', 'partners.csv')).map((p) => p.code),
    ...csv(path.join(ROOT, 'prisma', 'data', 'reference', 'iso_3166_1.csv')).map((p) => p.alpha3),
  ]);
  const labels = imfLabels();

  it('reads the reference list of every label in the 235 workbooks', () => {
    expect(seen.length).toBeGreaterThan(200);
  });

  it('maps every label to a partner the seed loads, or says it is layout or not a partner', () => {
    const unknown = seen.map((r) => r.imf_label ?? '').filter((label) => !labels.has(label));
    expect(unknown).toEqual([]);
    const withoutPartner = seen
      .map((r) => ({ label: r.imf_label ?? '', entry: labels.get(r.imf_label ?? '') }))
      .filter(({ entry }) => entry?.role === 'partner' && !partners.has(entry.code));
    expect(withoutPartner).toEqual([]);
  });

  it('skips only rows that are not partners: layout, and trade IMF does not allocate', () => {
    const skipped = seen
      .map((r) => ({ label: r.imf_label ?? '', role: labels.get(r.imf_label ?? '')?.role }))
      .filter((r) => r.role !== 'partner');
    for (const { label } of skipped)
      expect(label).toMatch(
        /^(Memorandum Items|Special Categories|Countries & Areas|)$|not specified|^Note|Source|Direction of Trade|Exports|Imports|US Dollars/i,
      );
  });
});
