// IMF DOTS workbooks name partners in IMF's own spelling ("China, P.R.: Mainland"). The label
// table, compiled by `npm run data:compile` from every row label of IMF's 235 country workbooks,
// says which partner code each label names, or that the row is layout or not a partner.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

export type ImfLabel = { code: string; role: 'partner' } | { code: null; role: 'layout' | 'not a partner' };

const FILE = path.resolve(import.meta.dirname, '..', '..', 'prisma', 'data', 'reference', 'imf_dots_labels.csv');
let table: Map<string, ImfLabel> | null = null;

export function imfLabels(): ReadonlyMap<string, ImfLabel> {
  if (table) return table;
  const rows = parse(readFileSync(FILE), { columns: true, bom: true }) as Record<string, string>[];
  table = new Map(
    rows.map((r): [string, ImfLabel] => [
      r.imf_label ?? '',
      r.role === 'partner'
        ? { code: r.code ?? '', role: 'partner' }
        : { code: null, role: r.role === 'layout' ? 'layout' : 'not a partner' },
    ]),
  );
  return table;
}
