// Readable names for the periods and series the checks compare, and the words around a check's
// counts and numbers. Shaping only: the words come from the catalogues through the caller.
import { formatNumber } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { indicator, num, text, type Text, type TextArg } from './text';
import { CHECK_OUTCOMES, type CheckOutcome, type OutcomeCounts } from './types';

/**
 * The tidy layout's (year, period) pair as one label: ("FY", 2022) → "FY 2022",
 * ("Jan-Nov", 2023) → "Jan-Nov 2023", ("2023-01", 2023) → "2023-01". Labels that already name
 * their dates ("2012-2014", "since independence (to 2011-07-29)") are kept as written.
 */
export function periodLabel(year: number | null, period: string): string {
  if (year === null) return period;
  if (period === 'FY') return `FY ${year}`;
  if (/^(Jan-[A-Z][a-z]{2}|H1|H2)$/.test(period)) return `${period} ${year}`;
  if (/\d{4}/.test(period)) return period;
  return `${period} ${year}`;
}

/** "KAZ → CHN turnover": whose statistics, the counterpart and the indicator (ConsistencyItems.indicators). */
export function seriesText(reporterCode: string, partnerCode: string, indicatorCode: string): Text {
  return text('series', { reporter: reporterCode, partner: partnerCode, indicator: indicator(indicatorCode) });
}

/** The words of an item count, from the catalogue (Consistency.outcomeCounts, Consistency.noItems). */
export interface ItemCountTexts {
  /** "1 fail", "ошибок: 1". */
  count: (outcome: CheckOutcome, count: number) => string;
  none: string;
}

/** "1 fail · 2 not checkable": a check's items by outcome, most severe first, zeros left out. */
export function describeItemCounts(counts: OutcomeCounts, texts: ItemCountTexts): string {
  const parts = CHECK_OUTCOMES.filter((outcome) => counts[outcome] > 0).map((outcome) =>
    texts.count(outcome, counts[outcome]),
  );
  return parts.length > 0 ? parts.join(' · ') : texts.none;
}

/** Fraction digits a prose number is written with: as many as it has (0.1 → 1, 1e-6 → 6, 20 → 0). */
function fractionDigits(value: number): number {
  const text = value.toFixed(12).replace(/0+$/, '');
  return text.length - text.indexOf('.') - 1;
}

/** A number in a sentence, with as many fraction digits as it has (0.1, 5, 1e-6). */
export const proseNumber = (value: number): TextArg => num(value, fractionDigits(value));

/** A check's prose numbers (its tolerances and thresholds) as the page's language writes them. */
export function formatProseValues(values: Readonly<Record<string, number>>, locale: Locale): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, formatNumber(value, fractionDigits(value), locale)]),
  );
}
