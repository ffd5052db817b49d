// Loads the citation side of the sources: outlets (who published a news page, and what kind of
// publisher that is) and the citation columns of sources.csv (title basis, date precision and
// whether the date was worked out, the dataset's table and the copy it was read from). Kept apart
// from reference.ts so the importer's reference loader keeps its narrow column list.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type postgres from 'postgres';

type Row = Record<string, string>;
const readCsv = async (file: string): Promise<Row[]> =>
  parse(await readFile(file), { columns: true, bom: true, trim: true }) as Row[];
const orNull = (v: string | undefined) => (v === undefined || v === '' ? null : v);

export async function upsertOutlets(sql: postgres.Sql, file: string): Promise<number> {
  const rows = await readCsv(file);
  for (const r of rows) {
    await sql`
      INSERT INTO outlet (id, name, kind, description, homepage)
      VALUES (${r.id ?? ''}, ${r.name ?? ''}, ${r.kind ?? ''}, ${r.description ?? ''}, ${orNull(r.homepage)})
      ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
        description = EXCLUDED.description, homepage = EXCLUDED.homepage`;
  }
  return rows.length;
}

/** Sets the citation columns of sources already upserted from the same file. */
export async function updateSourceCitations(sql: postgres.Sql, file: string): Promise<number> {
  const rows = await readCsv(file);
  for (const r of rows) {
    await sql`
      UPDATE source SET
        title_basis = ${r.title_basis || 'page'},
        outlet_id = ${orNull(r.outlet_id)},
        published_on_precision = ${r.published_on_precision || 'DAY'},
        published_on_inferred = ${r.published_on_inferred === 'true'},
        date_basis = ${orNull(r.date_basis)},
        dataset_table = ${orNull(r.dataset_table)},
        retrieved_via = ${orNull(r.retrieved_via)},
        retrieved_via_url = ${orNull(r.retrieved_via_url)}
      WHERE id = ${r.id ?? ''}`;
  }
  return rows.length;
}
