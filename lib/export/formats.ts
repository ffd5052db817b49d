// The export formats, apart from the writers so that client components (the download links) can
// name them without pulling exceljs and Node streams into the browser bundle.
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/locales';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The export routes' parameter for the language of what a reader sees in the file (the XLSX README
 * and Flags sheets). A parameter rather than a /ru prefix: the routes live under /api, outside the
 * pages' [locale] segment, and an address under /api names the data, not a page's language.
 */
export const EXPORT_LANGUAGE_PARAM = 'lang';

/**
 * A download link in the page's language: only the XLSX file has words for a reader, so only its
 * link carries `lang`; English, the default, is left out so that English links stay as they were.
 */
export function exportHrefInLanguage(href: string, format: ExportFormat, locale: Locale): string {
  if (format !== 'xlsx' || locale === DEFAULT_LOCALE) return href;
  const [path = '', hash] = href.split('#', 2);
  const joined = `${path}${path.includes('?') ? '&' : '?'}${EXPORT_LANGUAGE_PARAM}=${locale}`;
  return hash === undefined ? joined : `${joined}#${hash}`;
}
