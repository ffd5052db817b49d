// How a secondary figure reads: its wording, its period at the precision given, whose statistics,
// and any conversion, stated. Shared by every list of news and article figures.
import { convertAmount, describeConversion, rateTable, type UsdPerEurRate } from '@/lib/charts/currency';
import { monthSpanLabel, spanFromDates } from '@/lib/charts/partial-period';
import {
  formatIsoDate,
  formatPublishedAmount,
  formatUsdMillions,
  qualifierPrefix,
  type QualifierValue,
} from '@/lib/format';
import { chartTexts } from '@/lib/i18n/chart-texts';
import type { Locale } from '@/lib/i18n/locales';
import type { NewsFigure } from '@/lib/queries/news-figures';

export function newsFigureAmount(
  figure: Pick<NewsFigure, 'value' | 'unit' | 'scale' | 'qualifier'>,
  locale: Locale = 'en',
): string {
  const qualifier = figure.qualifier as QualifierValue;
  const amount = formatPublishedAmount(figure.value, figure.unit, figure.scale, locale);
  if (locale === 'en') {
    const prefix = qualifierPrefix(qualifier);
    return prefix ? `${prefix} ${amount}` : amount;
  }
  return qualifier === 'EXACT' ? amount : chartTexts(locale)(`qualifier.${qualifier}`, { amount });
}

/** "2022", "January–November 2023", or the source's own wording for multi-year windows and stocks. */
export function newsFigurePeriod(
  figure: Pick<NewsFigure, 'year' | 'period' | 'periodKind' | 'periodStart' | 'periodEnd'>,
): string {
  // The source's own context, e.g. "(state visit, Xi'an)", is kept after a readable date.
  const context = /\(([^)]*)\)\s*$/.exec(figure.period)?.[1];
  const withContext = (label: string) => (context ? `${label} (${context})` : label);
  if (figure.periodKind === 'YEAR' && figure.year !== null) return withContext(String(figure.year));
  if (figure.periodKind === 'DATE' && figure.periodStart && figure.periodStart === figure.periodEnd) {
    return withContext(formatIsoDate(figure.periodStart));
  }
  const span = spanFromDates(figure.periodStart, figure.periodEnd);
  if (span && figure.periodKind !== 'MULTI_YEAR') return withContext(`${monthSpanLabel(span)} ${span.year}`);
  if (figure.period === 'FY' && figure.year !== null) return String(figure.year);
  return figure.year !== null && !figure.period.includes(String(figure.year))
    ? `${figure.period} (${figure.year})`
    : figure.period;
}

/** Whose statistics the figure is: Kazakhstan's, the partner's (mirror), or not stated. */
export function newsFigureReporter(
  figure: Pick<NewsFigure, 'reporterCode' | 'reporterName'>,
  locale: Locale = 'en',
  reporterName: string = figure.reporterName,
): string {
  const texts = chartTexts(locale);
  if (figure.reporterCode === 'KAZ') return texts('reporter.kaz');
  if (figure.reporterCode === 'XXX') return texts('reporter.none');
  return texts('reporter.partner', { name: reporterName });
}

/**
 * A euro figure with its US-dollar equivalent at the ECB annual average of the same year, labelled
 * as converted; null for figures already in dollars, counts, or years without a rate.
 */
export function newsFigureConversion(
  figure: Pick<NewsFigure, 'value' | 'unit' | 'scale' | 'year'>,
  rates: readonly UsdPerEurRate[],
): string | null {
  if (figure.unit !== 'EUR' || figure.year === null) return null;
  const eurMn = Number(figure.value) * 10 ** (figure.scale - 6);
  const converted = convertAmount(eurMn, figure.year, 'EUR', 'USD', rateTable(rates));
  if (!converted.conversion || converted.value === null) return `no ECB rate for ${figure.year}: not converted`;
  return `≈ ${formatUsdMillions(converted.value)}, ${describeConversion(converted.conversion)}`;
}

export function newsFigureDerivation(figure: Pick<NewsFigure, 'derivation' | 'flag'>): string | null {
  if (figure.derivation === 'DERIVED') return 'derived from other figures, not published';
  if (figure.derivation === 'INFERRED') return 'period or value inferred from the text';
  return null;
}
