// The overview's name order in the page's language. Pure. (Source names and how a world total
// was obtained are provenance-text.ts's, in every language.)
import { nameCollator } from '@/lib/i18n/collation';
import type { Locale } from '@/lib/i18n/locales';

/**
 * Rows in the alphabetical order of the names shown, in the page's language (ties by code). The
 * database orders by the English names, which is no order at all once the names are Russian.
 */
export function sortByName<T extends { code: string; name: string }>(
  rows: readonly T[],
  locale: Locale,
  desc: boolean,
): T[] {
  const { compare } = nameCollator(locale);
  return [...rows].sort((a, b) => (desc ? -1 : 1) * compare(a.name, b.name) || a.code.localeCompare(b.code));
}
