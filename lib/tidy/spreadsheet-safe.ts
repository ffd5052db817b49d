// A text cell that starts with one of these characters can run as a formula when a CSV or
// XLSX file is opened in a spreadsheet (CSV injection); a leading apostrophe neutralises it.
// Text that already starts with apostrophes before such a character gets one more, so that
// restoreNeutralised can undo exactly what was added.
// The CSV export applies the same pattern in PostgreSQL (lib/export/observations-csv.ts), so it is exported.
export const NEEDS_PREFIX = /^'*[=+\-@\t\r]/;

/**
 * Every character a text NEEDS_PREFIX matches can start with: the CSV export runs the pattern only
 * for cells that start with one of these, which is most of its cost saved.
 */
export const NEEDS_PREFIX_FIRST = ["'", '=', '+', '-', '@', '\t', '\r'] as const;

export function neutraliseFormula(text: string): string {
  return NEEDS_PREFIX.test(text) ? `'${text}` : text;
}

/** The inverse, applied by the importer so that export → import → export is the identity. */
export function restoreNeutralised(text: string): string {
  return text.startsWith("'") && NEEDS_PREFIX.test(text.slice(1)) ? text.slice(1) : text;
}
