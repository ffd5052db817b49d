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

/** An amount as the source worded it: "about USD 24 billion", ru "около 24 млрд долл. США". */
export function qualifiedAmount(amount: string, qualifier: QualifierValue, locale: Locale = 'en'): string {
  if (locale === 'en') {
    const prefix = qualifierPrefix(qualifier);
    return prefix ? `${prefix} ${amount}` : amount;
  }
  return qualifier === 'EXACT' ? amount : chartTexts(locale)(`qualifier.${qualifier}`, { amount });
}

export function newsFigureAmount(
  figure: Pick<NewsFigure, 'value' | 'unit' | 'scale' | 'qualifier'>,
  locale: Locale = 'en',
): string {
  const amount = formatPublishedAmount(figure.value, figure.unit, figure.scale, locale);
  return qualifiedAmount(amount, figure.qualifier as QualifierValue, locale);
}

export interface NewsFigurePeriodParts {
  label: string | null;
  asPublished: string | null;
  /** The source's wording stands for the period, and the year (if any) follows it in brackets. */
  publishedFirst: boolean;
}

/**
 * A figure's period in two parts: what this dashboard writes ("2022", "January–November 2023", a
 * date), in `locale`, and the source's own wording, as published in English: a context such as
 * "(state visit, Xi'an)" after a readable date, or the whole period for multi-year windows and
 * stocks ("cumulative 1992-2017"). The page marks the second part as English.
 */
export function newsFigurePeriodParts(
  figure: Pick<NewsFigure, 'year' | 'period' | 'periodKind' | 'periodStart' | 'periodEnd'>,
  locale: Locale = 'en',
): NewsFigurePeriodParts {
  const context = /\(([^)]*)\)\s*$/.exec(figure.period)?.[1] ?? null;
  const withContext = (label: string) => ({
    label,
    asPublished: context ? `(${context})` : null,
    publishedFirst: false,
  });
  if (figure.periodKind === 'YEAR' && figure.year !== null) return withContext(String(figure.year));
  if (figure.periodKind === 'DATE' && figure.periodStart && figure.periodStart === figure.periodEnd) {
    return withContext(formatIsoDate(figure.periodStart, 'day', locale));
  }
  const span = spanFromDates(figure.periodStart, figure.periodEnd);
  if (span && figure.periodKind !== 'MULTI_YEAR')
    return withContext(`${monthSpanLabel(span, { locale })} ${span.year}`);
  if (figure.period === 'FY' && figure.year !== null)
    return { label: String(figure.year), asPublished: null, publishedFirst: false };
  return figure.year !== null && !figure.period.includes(String(figure.year))
    ? { label: String(figure.year), asPublished: figure.period, publishedFirst: true }
    : { label: null, asPublished: figure.period, publishedFirst: true };
}

/** "2022", "January–November 2023", or the source's own wording for multi-year windows and stocks. */
export function newsFigurePeriod(
  figure: Pick<NewsFigure, 'year' | 'period' | 'periodKind' | 'periodStart' | 'periodEnd'>,
): string {
  const { label, asPublished, publishedFirst } = newsFigurePeriodParts(figure);
  if (label === null) return asPublished ?? '';
  if (asPublished === null) return label;
  return publishedFirst ? `${asPublished} (${label})` : `${label} ${asPublished}`;
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
  locale: Locale = 'en',
): string | null {
  if (figure.unit !== 'EUR' || figure.year === null) return null;
  const texts = chartTexts(locale);
  const eurMn = Number(figure.value) * 10 ** (figure.scale - 6);
  const converted = convertAmount(eurMn, figure.year, 'EUR', 'USD', rateTable(rates));
  if (!converted.conversion || converted.value === null) return texts('noRate', { year: figure.year });
  return texts('convertedAmount', {
    amount: formatUsdMillions(converted.value, locale),
    conversion: describeConversion(converted.conversion, locale),
  });
}

export function newsFigureDerivation(
  figure: Pick<NewsFigure, 'derivation' | 'flag'>,
  locale: Locale = 'en',
): string | null {
  if (figure.derivation === 'DERIVED') return chartTexts(locale)('derivedFigure');
  if (figure.derivation === 'INFERRED') return chartTexts(locale)('inferredFigure');
  return null;
}
