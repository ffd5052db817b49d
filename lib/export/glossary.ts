// What each flag, qualifier and derivation in an export means: the XLSX Flags sheet, in the file's
// language (Export.observations in the catalogues). Built from the importer's own vocabulary
// (lib/tidy/flags.ts); glossary.test.ts fails until a new flag is explained in every language.
import { exportTexts } from '@/lib/i18n/export-texts';
import type { Locale } from '@/lib/i18n/locales';
import { perLocale } from '@/lib/i18n/per-locale';
import { ESTIMATE_MARK, QUALIFIER_DISPLAY } from '@/lib/qualifiers';
import { DERIVATIONS, FLAGS, QUALIFIERS, type Qualifier } from '@/lib/tidy/flags';
import type { ExportGlossaryEntry } from './types';

/**
 * A flag's key in the catalogues: flags may be empty or hold "+" and "?", which a message key
 * cannot (next-intl splits keys on dots and refuses empty ones).
 */
export function flagMessageKey(flag: string): string {
  if (flag === '') return 'empty';
  if (flag.endsWith('?')) return `${flagMessageKey(flag.slice(0, -1))}_probable`;
  return flag.replace(/[^A-Za-z0-9_]/g, '_');
}

/** A qualifier's label as a sentence, in a language (also the partner list's fdi_qualifier). */
export function qualifierMeaning(qualifier: Qualifier, locale: Locale = 'en'): string {
  return exportTexts(locale)(`qualifiers.${qualifier}`);
}

/** The tidy layout's flags, the qualifiers and the derivations, one entry per value. */
export const observationGlossary = perLocale((locale): readonly ExportGlossaryEntry[] => {
  const t = exportTexts(locale);
  // Keys the catalogues may not have (a flag added later) are checked by glossary.test.ts.
  const message = (key: string) => t(key as Parameters<typeof t>[0]);
  return [
    ...Object.keys(FLAGS).map((value) => ({
      field: 'flag',
      value,
      meaning: message(`observations.flags.${flagMessageKey(value)}`),
    })),
    ...QUALIFIERS.map((q) => {
      const label = qualifierMeaning(q, locale);
      const symbol = QUALIFIER_DISPLAY[q].symbol;
      const meaning =
        q === 'ESTIMATE'
          ? t('observations.qualifierShownAfter', { label, mark: ESTIMATE_MARK })
          : symbol
            ? t('observations.qualifierShownBefore', { label, symbol })
            : label;
      return { field: 'qualifier', value: q, meaning };
    }),
    ...DERIVATIONS.map((d) => ({ field: 'derivation', value: d, meaning: t(`observations.derivations.${d}`) })),
    { field: 'scale', value: '1, 1e3, 1e6, 1e9', meaning: t('observations.scale') },
    { field: 'reporter_code', value: '', meaning: t('observations.reporterEmpty') },
    { field: 'reporter_code', value: 'not KAZ', meaning: t('observations.reporterMirror') },
  ];
});
