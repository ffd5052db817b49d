// How far apart two records of the same trade are, in words a reader takes in at a glance. Pure:
// the words come from the catalogues (MirrorScreen.sentence), through the translator the caller passes.
import type { Locale } from '@/lib/i18n/locales';
import { formatNumber, possessive } from '@/lib/format';

/** Within this fraction of each other, the two records are said to agree. */
export const AGREEMENT_TOLERANCE = 0.1;

export type MirrorSentenceKey = 'neither' | 'partnerNone' | 'kazNone' | 'agree' | 'kazMore' | 'partnerMore';

/** A translator of the MirrorScreen.sentence namespace (useTranslations or createTranslator). */
export type MirrorSentenceTexts = (key: MirrorSentenceKey, values?: Record<string, string | number>) => string;

/** How many times one side's figure is the other's: one decimal under 10, whole numbers above. */
function times(ratio: number, locale: Locale): { times: string; count: number } {
  const digits = ratio < 10 ? 1 : 0;
  // The plural agrees with the number as shown ("в 22 раза", "в 11 раз").
  const count = Math.round(ratio * 10 ** digits) / 10 ** digits;
  return { times: formatNumber(ratio, digits, locale), count };
}

/**
 * "Germany reports 11 times Kazakhstan’s figure", "Kazakhstan’s figure is 22 times the
 * Netherlands’", "The two agree within 10 %", or why there is no ratio; in `locale`.
 */
export function disagreementSentence(
  kazUsdMn: number,
  partnerUsdMn: number,
  partnerName: string,
  texts: MirrorSentenceTexts,
  locale: Locale = 'en',
): string {
  if (kazUsdMn <= 0 && partnerUsdMn <= 0) return texts('neither');
  if (partnerUsdMn <= 0) return texts('partnerNone', { partner: partnerName });
  if (kazUsdMn <= 0) return texts('kazNone');
  const ratio = kazUsdMn / partnerUsdMn;
  if (Math.abs(ratio - 1) <= AGREEMENT_TOLERANCE) return texts('agree', { percent: AGREEMENT_TOLERANCE * 100 });
  // English names the partner in the possessive ("Netherlands’"); Russian and Kazakh in parentheses, uninflected.
  return ratio > 1
    ? texts('kazMore', { ...times(ratio, locale), owner: locale === 'en' ? possessive(partnerName) : partnerName })
    : texts('partnerMore', { ...times(1 / ratio, locale), partner: partnerName });
}
