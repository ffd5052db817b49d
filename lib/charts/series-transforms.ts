// Pure series transforms behind the compare modes: share of a total, index (base year = 100),
// change on the previous year, and log-scale safety. They take and return plain year/value points;
// a null value is "unknown" and stays null, never 0.

export interface YearValue {
  year: number;
  value: number | null;
}

const isNumber = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/**
 * Each value as a fraction (0..1) of the total of the same year. A year without a total, or with a
 * total of zero or less, has no share: a share of an unknown or empty whole is not 0%.
 */
export function toShareOfTotal(points: readonly YearValue[], totals: readonly YearValue[]): YearValue[] {
  const totalByYear = new Map(totals.filter((t) => isNumber(t.value)).map((t) => [t.year, t.value as number]));
  return points.map(({ year, value }) => {
    const total = totalByYear.get(year);
    return { year, value: isNumber(value) && total !== undefined && total > 0 ? value / total : null };
  });
}

export interface IndexedSeries {
  points: YearValue[];
  /** The year that equals 100, or null when the series has no usable base. */
  baseYear: number | null;
  /** Why the base differs from the requested year, or why there is no index at all. */
  issue: 'base-shifted' | 'no-positive-base' | null;
}

/**
 * Index with `baseYear` = 100. An index only means something against a positive base, so when the
 * series has no positive value in `baseYear`, the first later year with one becomes the base
 * (reported as `base-shifted`, and the caller must say so); with none at all, every value is null.
 */
export function toIndex(points: readonly YearValue[], baseYear: number): IndexedSeries {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const base = sorted.find((p) => p.year >= baseYear && isNumber(p.value) && p.value > 0);
  if (!base || !isNumber(base.value)) {
    return { points: points.map(({ year }) => ({ year, value: null })), baseYear: null, issue: 'no-positive-base' };
  }
  const baseValue = base.value;
  return {
    points: points.map(({ year, value }) => ({
      year,
      value: isNumber(value) && year >= base.year ? (value / baseValue) * 100 : null,
    })),
    baseYear: base.year,
    issue: base.year === baseYear ? null : 'base-shifted',
  };
}

/**
 * Change on the previous calendar year as a fraction (0.1 = +10%). Only consecutive years are
 * compared: after a gap there is no previous year, so no change. A previous value of zero or less
 * (a trade deficit turning into a surplus) has no meaningful percentage change, so it gives null.
 */
export function toChangeOnYear(points: readonly YearValue[]): YearValue[] {
  const byYear = new Map(points.filter((p) => isNumber(p.value)).map((p) => [p.year, p.value as number]));
  return points.map(({ year, value }) => {
    const previous = byYear.get(year - 1);
    if (!isNumber(value) || previous === undefined || previous <= 0) return { year, value: null };
    return { year, value: (value - previous) / previous };
  });
}

export interface LogSafeSeries {
  points: YearValue[];
  /** How many values were left out because a log axis cannot show zero or negative numbers. */
  dropped: number;
}

/** Values a log axis can draw: zero and negative values become gaps, and are counted for a notice. */
export function toLogSafe(points: readonly YearValue[]): LogSafeSeries {
  let dropped = 0;
  const safe = points.map(({ year, value }) => {
    if (isNumber(value) && value <= 0) {
      dropped += 1;
      return { year, value: null };
    }
    return { year, value };
  });
  return { points: safe, dropped };
}

/**
 * Compound annual growth rate between two positive values `years` apart, as a fraction. Null when
 * either end is missing or not positive, or when the span is not at least one year.
 */
export function compoundAnnualGrowth(first: number | null, last: number | null, years: number): number | null {
  if (!isNumber(first) || !isNumber(last) || first <= 0 || last <= 0 || years < 1) return null;
  return (last / first) ** (1 / years) - 1;
}

export interface SourceBreak {
  /** First year of the new source. */
  year: number;
  fromSourceId: string;
  toSourceId: string;
}

/**
 * Years in which a series switches source (IMF DOTS to the bureau in 2020), so charts can mark them. Points need not be sorted; years without a
 * point do not break a run.
 */
export function findSourceBreaks(points: readonly { year: number; sourceId: string }[]): SourceBreak[] {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const breaks: SourceBreak[] = [];
  for (let i = 1; i < sorted.length; i += 1) {
    const previous = sorted[i - 1];
    const current = sorted[i];
    if (previous && current && previous.sourceId !== current.sourceId && current.year !== previous.year) {
      breaks.push({ year: current.year, fromSourceId: previous.sourceId, toSourceId: current.sourceId });
    }
  }
  return breaks;
}
