// Figures of the bundled articles (prisma/data/articles/observations.csv, the tidy layout plus the
// articles' own columns), so that tests state expected values from the data file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

const FILE = path.resolve(import.meta.dirname, '..', '..', 'prisma', 'data', 'articles', 'observations.csv');

export interface ArticleRow {
  source_id: string;
  reporter_code: string;
  partner_code: string;
  year: string;
  period: string;
  flow: string;
  value: string;
  scale: string;
  derivation: string;
  stated_growth_pct: string;
}

export const articleRows = (): ArticleRow[] => parse(readFileSync(FILE), { columns: true, bom: true }) as ArticleRow[];

/** The one article value of a flow (and partner, year, period when given), in absolute units. */
export function articleValue(key: { flow: string; partner?: string; year?: number; period?: string }): number {
  const found = articleRows().filter(
    (r) =>
      r.flow === key.flow &&
      (key.partner === undefined || r.partner_code === key.partner) &&
      (key.year === undefined || r.year === String(key.year)) &&
      (key.period === undefined || r.period === key.period),
  );
  if (found.length !== 1) throw new Error(`${found.length} article rows for ${JSON.stringify(key)}`);
  const [row] = found as [ArticleRow];
  return Number(row.value) * Number(row.scale);
}
