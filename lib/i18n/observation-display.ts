// How the data screen and an observation's page say a value's qualifier and period, in the page's
// language. Apart from lib/i18n/observation-names.ts, which brings every partner name list: the
// table's client code reads these.
import type { useTranslations } from 'next-intl';
import { QUALIFIER_DISPLAY, qualifierDisplay } from '@/lib/qualifiers';

/** The data screen's translator (namespace Data), on the server or in the browser. */
export type DataT = ReturnType<typeof useTranslations<'Data'>>;

export type KnownQualifier = keyof typeof QUALIFIER_DISPLAY;
export const isKnownQualifier = (q: string): q is KnownQualifier => Object.hasOwn(QUALIFIER_DISPLAY, q);

/** The qualifier's symbol and its phrase in the page's language (a code the catalogue lacks as written). */
export function qualifierText(qualifier: string, t: DataT): { symbol: string; label: string; short: string } {
  const { symbol, label } = qualifierDisplay(qualifier);
  if (!isKnownQualifier(qualifier)) return { symbol, label, short: label };
  return { symbol, label: t(`qualifierLabels.${qualifier}`), short: t(`qualifiers.${qualifier}`) };
}

/**
 * A period as the source named it: "FY" (the calendar year) in the page's words, dates and months
 * ("2024-03") as they are, and any other wording ("Jan-Jul", "cumulative (as of 2023)") as
 * written, in English.
 */
export function periodDisplay(period: string, t: DataT): { text: string; lang?: 'en' } {
  if (period === 'FY') return { text: t('cells.fullYear') };
  if (/^[\d\s\-–./]*$/.test(period)) return { text: period };
  return { text: period, lang: 'en' };
}
