// The tidy CSV importer, kept as an entry point for the seed and existing callers: the same
// shared path as every other format (lib/import/import-file.ts), with the format fixed.
import type postgres from 'postgres';
import { importFile, type ImportOptions, type ImportSummary } from './import-file';

export { ImportRejectedError } from './problems';
export type { ImportOptions, ImportSummary } from './import-file';

export function importTidyCsv(
  sql: postgres.Sql,
  file: string,
  options: Omit<ImportOptions, 'format'> = {},
): Promise<ImportSummary> {
  return importFile(sql, file, { ...options, format: 'tidy' });
}
