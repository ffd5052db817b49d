// Compiles prisma/data/reference/iso_3166_1.csv (ISO 3166-1 alpha-2, alpha-3, numeric, short
// name) from Debian's iso-codes package, a maintained copy of the ISO list that most Linux
// systems carry (apt-get install iso-codes). The CSV is committed, so nothing else needs it.
//   npm run data:iso-codes [-- /path/to/iso_3166-1.json]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { runMain, UserError } from './lib/user-error';

const DEFAULT_JSON = '/usr/share/iso-codes/json/iso_3166-1.json';
export const ISO_CSV = path.resolve(import.meta.dirname, '..', 'prisma', 'data', 'reference', 'iso_3166_1.csv');

const isoSchema = z.object({
  '3166-1': z.array(
    z.object({
      alpha_2: z.string().regex(/^[A-Z]{2}$/),
      alpha_3: z.string().regex(/^[A-Z]{3}$/),
      numeric: z.string().regex(/^\d{3}$/),
      name: z.string().min(1),
      common_name: z.string().optional(),
    }),
  ),
});

/** The CSV text for an iso-codes JSON file: sorted by alpha-3, the common name where ISO gives one. */
export function isoCsv(json: string): string {
  const entries = isoSchema
    .parse(JSON.parse(json))
    ['3166-1'].map((e) => ({ alpha2: e.alpha_2, alpha3: e.alpha_3, numeric: e.numeric, name: e.common_name ?? e.name }))
    .sort((a, b) => a.alpha3.localeCompare(b.alpha3));
  return stringify(entries, { header: true, columns: ['alpha2', 'alpha3', 'numeric', 'name'] });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  runMain(async () => {
    const source = process.argv[2] ?? DEFAULT_JSON;
    if (!existsSync(source))
      throw new UserError(`${source} not found: install the iso-codes package or pass the path of iso_3166-1.json.`);
    writeFileSync(ISO_CSV, isoCsv(readFileSync(source, 'utf8')));
    console.log(`wrote ${path.relative(process.cwd(), ISO_CSV)} from ${source}`);
  });
}
