// Reference data for reader unit tests, built from the bundled CSVs as the seed loads them
// (partners, with ISO codes from iso_3166_1.csv and the ISO countries the partner list lacks).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { FileInput } from '@/lib/import/file-input';
import { ProblemLog } from '@/lib/import/problems';
import type { FormatReader, ReaderContext } from '@/lib/import/reader';
import { ReferenceData, type PartnerRecord } from '@/lib/import/reference-data';
import type { ObservationRow } from '@/lib/import/tidy-row';

const REFERENCE = path.resolve(import.meta.dirname, '..', '..', 'prisma', 'data', 'reference');
type Row = Record<string, string>;
const read = (file: string) => parse(readFileSync(path.join(REFERENCE, file)), { columns: true, bom: true }) as Row[];

export function bundledReferenceData(extraSources: string[] = []): ReferenceData {
  const partners = new Map<string, PartnerRecord>();
  for (const p of read('partners.csv'))
    partners.set(p.code ?? '', { code: p.code ?? '', name: p.name ?? '', iso2: null, isoNumeric: null });
  for (const c of read('iso_3166_1.csv')) {
    const code = c.alpha3 ?? '';
    const existing = partners.get(code);
    partners.set(code, {
      code,
      name: existing?.name ?? c.name ?? '',
      iso2: c.alpha2 ?? null,
      isoNumeric: c.numeric ?? null,
    });
  }
  const sources = new Set([...read('sources.csv').map((s) => s.id ?? ''), ...extraSources]);
  const indicators = new Set(read('indicators.csv').map((i) => i.code ?? ''));
  return new ReferenceData([...partners.values()], sources, indicators);
}

/** Runs a reader over a file without a database: its rows, problems and row count. */
export async function readWith(
  create: (ctx: ReaderContext) => FormatReader,
  file: string,
  options: { sourceId?: string; vintage?: string; refs?: ReferenceData } = {},
): Promise<{ rows: ObservationRow[]; problems: ProblemLog; reader: FormatReader }> {
  const problems = new ProblemLog();
  const ctx: ReaderContext = {
    file,
    input: await FileInput.open(file),
    refs: options.refs ?? bundledReferenceData(),
    problems,
    sourceId: 'sourceId' in options ? options.sourceId : 'test_source',
    vintage: options.vintage,
  };
  const reader = create(ctx);
  const rows: ObservationRow[] = [];
  for await (const batch of reader.rows()) rows.push(...batch);
  return { rows, problems, reader };
}
