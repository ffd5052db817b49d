// The `lang` parameter of the export routes (lib/export/formats.ts, EXPORT_LANGUAGE_PARAM), read as
// strictly as their other parameters: a bad value is a 400 naming what is accepted.
import type { ParameterProblem } from '@/lib/http/api-error';
import { DEFAULT_LOCALE, LOCALES, isLocale, type Locale } from '@/lib/i18n/locales';
import { EXPORT_LANGUAGE_PARAM } from './formats';

export type ExportLanguage = { ok: true; locale: Locale } | { ok: false; problem: ParameterProblem };

/** The file's language from the query (English when absent); the parameter is left in `search`. */
export function readExportLanguage(search: URLSearchParams): ExportLanguage {
  const values = search.getAll(EXPORT_LANGUAGE_PARAM);
  const value = values[0];
  if (value === undefined) return { ok: true, locale: DEFAULT_LOCALE };
  if (values.length > 1)
    return {
      ok: false,
      problem: { parameter: EXPORT_LANGUAGE_PARAM, message: 'given more than once; pass one value' },
    };
  if (!isLocale(value))
    return {
      ok: false,
      problem: {
        parameter: EXPORT_LANGUAGE_PARAM,
        message: `expected one of ${LOCALES.join(', ')} (the language of the XLSX README sheet)`,
      },
    };
  return { ok: true, locale: value };
}
