// Tolerances of the consistency checks. A published figure stands for every value that would be
// written the same way, so each comparison works on intervals rather than points: "37.7 billion"
// means 37.65-37.75 billion, "about 30%" a band around 30%, "more than 25" anything from 25 up.
import type { Qualifier } from './types';

export interface Interval {
  low: number;
  /** May be Infinity (a "more than" figure has no upper bound). */
  high: number;
}

/**
 * How far from the stated figure "about" and "nearly" may be: ±10 % (about 30% → 27-33%).
 * Sources use "about" for figures rounded to a round number, often to the nearest 5 or 10, so
 * the half-unit of the last digit would be far too strict.
 */
export const APPROXIMATE_RELATIVE_TOLERANCE = 0.1;

/**
 * Sums computed for this dashboard (turnover = export + import, EU-27 = sum of members) are exact
 * decimal arithmetic in PostgreSQL; 1e-6 of the total only absorbs the conversion to float.
 */
export const COMPUTED_SUM_RELATIVE_TOLERANCE = 1e-6;

/**
 * Two official statistical sources (or editions) of the same figure that differ by more than this
 * are listed for review: editions are revised, so a difference is not an error in itself.
 */
export const OFFICIAL_SOURCES_MAX_RELATIVE_DIFFERENCE = 0.05;

/**
 * Kazakhstan's total with the world from the bureau's partner table against the sum of the bureau's
 * monthly totals (two products of one office): agreement within 0.1 % is rounding and late revision.
 */
export const WORLD_TOTAL_RELATIVE_TOLERANCE = 1e-3;

/**
 * A stated total may miss the sum of its stated parts by up to this many units of its own last
 * digit: sources often cut digits off instead of rounding (1,496.2 + 699.3 written as 2.19 billion).
 */
export const STATED_TOTAL_TRUNCATION_UNITS = 1;

export interface StatedFigure {
  /** Absolute value (published value × 10^scale). */
  value: number;
  /** Digits after the decimal point as published: 0 for "40", 1 for "37.7". */
  decimals: number;
  scale: number;
  qualifier: Qualifier;
  /** Counts are exact integers: "75 establishments" does not mean 74.5-75.5. */
  isCount?: boolean;
}

/** Half a unit in the last place written, in absolute units: 37.7 billion → 0.05 billion. */
export function roundingHalfWidth(decimals: number, scale: number): number {
  return 0.5 * 10 ** (scale - decimals);
}

/** Every value the stated figure is compatible with, given its rounding and wording. */
export function statedInterval(figure: StatedFigure): Interval {
  const half = figure.isCount ? 0 : roundingHalfWidth(figure.decimals, figure.scale);
  const approximate = Math.max(half, Math.abs(figure.value) * APPROXIMATE_RELATIVE_TOLERANCE);
  switch (figure.qualifier) {
    case 'ABOUT':
      return { low: figure.value - approximate, high: figure.value + approximate };
    case 'NEARLY':
      // "Nearly 50": a little under 50, or 50 after rounding.
      return { low: figure.value - approximate, high: figure.value + half };
    case 'MORE_THAN':
    case 'AT_LEAST':
      return { low: figure.value - half, high: Number.POSITIVE_INFINITY };
    case 'EXACT':
    case 'ESTIMATE':
      return { low: figure.value - half, high: figure.value + half };
  }
}

export function sumIntervals(intervals: readonly Interval[]): Interval {
  return intervals.reduce((sum, interval) => ({ low: sum.low + interval.low, high: sum.high + interval.high }), {
    low: 0,
    high: 0,
  });
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.low <= b.high && b.low <= a.high;
}

/**
 * Growth in percent of `current` on `base`, as the range every pair of compatible values gives.
 * Null when the base can be zero or negative (no growth rate is defined then).
 */
export function growthPercentInterval(current: Interval, base: Interval): Interval | null {
  if (!(base.low > 0)) return null;
  return { low: (current.low / base.high - 1) * 100, high: (current.high / base.low - 1) * 100 };
}

/** (value − reference) / |reference|; null when the reference is 0 or missing. */
export function relativeDifference(value: number | null, reference: number | null): number | null {
  if (value === null || reference === null || reference === 0) return null;
  return (value - reference) / Math.abs(reference);
}

/** True when two computed values agree within a relative tolerance of the larger one. */
export function agreesWithin(a: number, b: number, relativeTolerance: number): boolean {
  return Math.abs(a - b) <= relativeTolerance * Math.max(Math.abs(a), Math.abs(b));
}

/** Distance between two intervals (0 when they overlap), for "off by" explanations. */
export function intervalGap(a: Interval, b: Interval): number {
  if (overlaps(a, b)) return 0;
  return a.high < b.low ? b.low - a.high : a.low - b.high;
}
