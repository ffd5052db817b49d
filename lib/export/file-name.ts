// File names that say what is inside: kaz-trade-turnover-DEU-FRA-2000-2025-2026-11-23.csv.
// Parts are the view's filters in a fixed order, then the export date, so two downloads of
// different views never share a name and a folder of exports sorts by subject.

const MAX_LENGTH = 120;
const MAX_LIST = 4;

/** Letters, digits and underscores only: safe in every file system and in a Content-Disposition header. */
function clean(part: string): string {
  return part.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
}

/** "DEU-FRA", or "DEU-FRA-CHN-USA-and-3-more" for long lists. */
export function listPart(values: readonly string[] | undefined): string | undefined {
  if (!values || values.length === 0) return undefined;
  const shown = values.slice(0, MAX_LIST).map(clean).filter(Boolean);
  const rest = values.length - shown.length;
  return rest > 0 ? [...shown, 'and', String(rest), 'more'].join('-') : shown.join('-');
}

/** "2000-2025", "from-2000", "to-2020", or nothing. */
export function yearRangePart(from: number | undefined, to: number | undefined): string | undefined {
  if (from !== undefined && to !== undefined) return from === to ? String(from) : `${from}-${to}`;
  if (from !== undefined) return `from-${from}`;
  if (to !== undefined) return `to-${to}`;
  return undefined;
}

/** The date part, as the server's calendar in UTC (YYYY-MM-DD). */
export const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/**
 * `kaz-trade-<parts…>-<date>`, without extension. Undefined and empty parts are skipped; parts may
 * hold hyphens (from listPart). Too long a name keeps its first parts and the date.
 */
export function exportFileName(parts: readonly (string | undefined)[], date: Date = new Date()): string {
  const kept = parts
    .filter((p): p is string => p !== undefined && p !== '')
    .map((p) => p.split('-').map(clean).filter(Boolean).join('-'))
    .filter(Boolean);
  const suffix = isoDate(date);
  let name = ['kaz-trade', ...kept].join('-');
  const budget = MAX_LENGTH - suffix.length - 1;
  if (name.length > budget)
    name = name
      .slice(0, budget)
      .replace(/-+[^-]*$/, '')
      .replace(/-+$/, '');
  return `${name}-${suffix}`;
}
