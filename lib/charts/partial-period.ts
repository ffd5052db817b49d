// Like-for-like comparison of periods. A figure for January–November is compared only with
// January–November of other years, never with a full year, and every figure says which months it
// covers. Periods are calendar months within one year (first and last month, 1..12).

import { formatMonthName } from '@/lib/format';
import { chartTexts } from '@/lib/i18n/chart-texts';
import type { Locale } from '@/lib/i18n/locales';

export interface MonthSpan {
  firstMonth: number;
  lastMonth: number;
}

export interface PeriodValue extends MonthSpan {
  year: number;
  value: number | null;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const SHORT_MONTHS = MONTHS.map((m) => m.slice(0, 3));
// Russian and Kazakh month names from Intl (CLDR), in full: their abbreviations are not a slice.
const LOCAL_MONTHS = {
  ru: MONTHS.map((_, i) => formatMonthName(i + 1, 'ru')),
  kk: MONTHS.map((_, i) => formatMonthName(i + 1, 'kk')),
};

export const isFullYear = (span: MonthSpan) => span.firstMonth === 1 && span.lastMonth === 12;

export const sameSpan = (a: MonthSpan, b: MonthSpan) => a.firstMonth === b.firstMonth && a.lastMonth === b.lastMonth;

/** "January–June", "March", or "full year". */
export function monthSpanLabel(span: MonthSpan, options: { short?: boolean; locale?: Locale } = {}): string {
  const locale = options.locale ?? 'en';
  if (isFullYear(span)) return chartTexts(locale)('fullYear');
  const names = locale !== 'en' ? LOCAL_MONTHS[locale] : options.short ? SHORT_MONTHS : MONTHS;
  const first = names[span.firstMonth - 1] ?? String(span.firstMonth);
  const last = names[span.lastMonth - 1] ?? String(span.lastMonth);
  return span.firstMonth === span.lastMonth ? first : `${first}–${last}`;
}

/** "2026 (January–June)" for a partial year, plain "2025" for a full one. */
export function periodLabel(
  period: PeriodValue | (MonthSpan & { year: number }),
  options: { short?: boolean } = {},
): string {
  return isFullYear(period) ? String(period.year) : `${period.year} (${monthSpanLabel(period, options)})`;
}

/**
 * Parses a span from ISO period bounds (YYYY-MM-DD). Returns null unless both bounds are in the
 * same year and cover whole months (start on the 1st, end on the last day), which is what a
 * "Jan-Nov" or "H1" figure is.
 */
export function spanFromDates(start: string | null, end: string | null): (MonthSpan & { year: number }) | null {
  if (!start || !end) return null;
  const s = /^(\d{4})-(\d{2})-01$/.exec(start);
  const e = /^(\d{4})-(\d{2})-(\d{2})$/.exec(end);
  if (!s || !e || s[1] !== e[1]) return null;
  const year = Number(s[1]);
  const firstMonth = Number(s[2]);
  const lastMonth = Number(e[2]);
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  if (Number(e[3]) !== lastDay || firstMonth > lastMonth) return null;
  return { year, firstMonth, lastMonth };
}

export interface LikeForLikeRow {
  year: number;
  value: number | null;
  /** Change on the same months of the previous year, as a fraction; null when not comparable. */
  changeOnYear: number | null;
}

export interface LikeForLike extends MonthSpan {
  rows: LikeForLikeRow[];
}

/**
 * The values that cover exactly the months of `target`, by year, with the change on the same months
 * of the year before. Values for other spans (a full year next to January–June) are left out: they
 * are not comparable.
 */
export function likeForLike(values: readonly PeriodValue[], target: MonthSpan): LikeForLike {
  const matching = values.filter((v) => sameSpan(v, target)).sort((a, b) => a.year - b.year);
  const byYear = new Map(matching.map((v) => [v.year, v.value]));
  if (byYear.size !== matching.length) throw new Error('likeForLike: two values for one year and span');
  return {
    firstMonth: target.firstMonth,
    lastMonth: target.lastMonth,
    rows: matching.map(({ year, value }) => {
      const previous = byYear.get(year - 1);
      const changeOnYear =
        value !== null && previous !== undefined && previous !== null && previous > 0
          ? (value - previous) / previous
          : null;
      return { year, value, changeOnYear };
    }),
  };
}

/**
 * Whether two period values may be compared (same months). Callers comparing a partial year with a
 * full one get false and must not show a change.
 */
export function areComparable(a: MonthSpan, b: MonthSpan): boolean {
  return sameSpan(a, b);
}

export interface PartialFigure<TMeta> extends MonthSpan {
  /** Identity of the series: figures compare only within one (same reporter, partner, flow, unit). */
  seriesKey: string;
  year: number;
  value: number | null;
  /** Computed by the dataset's editors (e.g. worked back from a stated change), not published. */
  derived?: boolean;
  /** The change on the same months of the year before as the source states it (fraction), if it does. */
  statedChange?: number | null;
  meta: TMeta;
}

export interface PartialComparison<TMeta> {
  figure: PartialFigure<TMeta>;
  /** The same months of the previous year in the same series, when there is such a figure. */
  previous: PartialFigure<TMeta> | null;
  change: number | null;
  /**
   * The year before was worked back from this figure's own stated change: a change computed
   * against it would only repeat the statement, so none is computed and the stated one is shown.
   */
  circular: boolean;
}

/**
 * For partial-year figures (January–November, H1, ...), pairs each with the same months of the
 * previous year in the same series, if any; full-year figures are left out (they belong on the
 * annual chart). Newest first.
 */
export function comparePartialFigures<TMeta>(figures: readonly PartialFigure<TMeta>[]): PartialComparison<TMeta>[] {
  const partial = figures.filter((f) => !isFullYear(f));
  const key = (f: { seriesKey: string; year: number } & MonthSpan) =>
    `${f.seriesKey}|${f.firstMonth}-${f.lastMonth}|${f.year}`;
  const index = new Map(partial.map((f) => [key(f), f]));
  return partial
    .map((figure) => {
      const previous = index.get(key({ ...figure, year: figure.year - 1 })) ?? null;
      const circular = Boolean(previous?.derived && figure.statedChange != null);
      const change =
        !circular && previous && figure.value !== null && previous.value !== null && previous.value > 0
          ? (figure.value - previous.value) / previous.value
          : null;
      return { figure, previous, change, circular };
    })
    .sort(
      (a, b) =>
        b.figure.year - a.figure.year ||
        b.figure.lastMonth - a.figure.lastMonth ||
        a.figure.seriesKey.localeCompare(b.figure.seriesKey),
    );
}
