// A text cell that starts with one of these characters can run as a formula when a CSV or
// XLSX file is opened in a spreadsheet (CSV injection); a leading apostrophe neutralises it.
// Text that already starts with apostrophes before such a character gets one more, so that
// restoreNeutralised can undo exactly what was added.
// The CSV export applies the same pattern in PostgreSQL (lib/queries/observations.ts), so it is exported.
export const NEEDS_PREFIX = /^'*[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return NEEDS_PREFIX.test(text) ? `'${text}` : text;
}

/** The inverse, applied by the importer so that export → import → export is the identity. */
export function restoreNeutralised(text: string): string {
  return text.startsWith("'") && NEEDS_PREFIX.test(text.slice(1)) ? text.slice(1) : text;
}
