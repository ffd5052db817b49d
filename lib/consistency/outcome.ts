// Outcome rules of the consistency checks: how one comparison passes or fails, and how the items
// of a check add up to the check's own outcome. A failure is always reported as such; nothing
// here adjusts a figure to make it agree.
import {
  agreesWithin,
  COMPUTED_SUM_RELATIVE_TOLERANCE,
  growthPercentInterval,
  intervalGap,
  overlaps,
  roundingHalfWidth,
  STATED_TOTAL_TRUNCATION_UNITS,
  statedInterval,
  sumIntervals,
  type Interval,
  type StatedFigure,
} from './tolerance';
import { CHECK_OUTCOMES, type CheckItem, type CheckOutcome, type OutcomeCounts } from './types';

export function countOutcomes(items: readonly Pick<CheckItem, 'outcome'>[]): OutcomeCounts {
  const counts: OutcomeCounts = { fail: 0, review: 0, not_checkable: 0, pass: 0, info: 0 };
  for (const item of items) counts[item.outcome] += 1;
  return counts;
}

/**
 * A check fails when any item fails, and asks for review when any item does. Otherwise it is not
 * checkable when any item could not be checked (a pass on the others does not vouch for the whole
 * check), passes when at least one item passed, and is informational when it only lists figures.
 * No items: not checkable.
 */
export function combineOutcomes(outcomes: readonly CheckOutcome[]): CheckOutcome {
  if (outcomes.length === 0) return 'not_checkable';
  for (const outcome of CHECK_OUTCOMES) {
    if (outcome === 'info') continue;
    if (outcomes.includes(outcome)) return outcome;
  }
  return 'info';
}

export interface GrowthAssessment {
  outcome: 'pass' | 'fail' | 'not_checkable';
  /** Growth from the two values as stored, in percent. */
  recomputedPct: number | null;
  /** Every growth the two figures are compatible with, given how they were rounded or worded. */
  recomputedRange: Interval | null;
  /** The stated growth with its own rounding. */
  statedRange: Interval;
  /** Recomputed minus stated, in percentage points. */
  differencePp: number | null;
}

export interface GrowthInput {
  current: StatedFigure;
  base: StatedFigure | null;
  statedGrowthPct: number;
  /** Decimals of the stated growth as published: 38 → 0, 3.2 → 1. */
  statedGrowthDecimals: number;
}

/**
 * Stated growth against the growth recomputed from the stored values. It passes when some pair of
 * values compatible with the two published figures gives a growth that rounds to the stated one:
 * the tolerance is exactly the rounding of the three numbers involved, no more.
 */
export function assessGrowth(input: GrowthInput): GrowthAssessment {
  const half = 0.5 * 10 ** -input.statedGrowthDecimals;
  const statedRange = { low: input.statedGrowthPct - half, high: input.statedGrowthPct + half };
  if (input.base === null || !(input.base.value > 0)) {
    return { outcome: 'not_checkable', recomputedPct: null, recomputedRange: null, statedRange, differencePp: null };
  }
  const recomputedPct = (input.current.value / input.base.value - 1) * 100;
  const recomputedRange = growthPercentInterval(statedInterval(input.current), statedInterval(input.base));
  const outcome = recomputedRange !== null && overlaps(recomputedRange, statedRange) ? 'pass' : 'fail';
  return { outcome, recomputedPct, recomputedRange, statedRange, differencePp: recomputedPct - input.statedGrowthPct };
}

export interface PartsAssessment {
  outcome: 'pass' | 'fail';
  partsSum: number;
  /** Stated total minus the sum of the parts, in the figures' unit. */
  difference: number;
  /** How far apart the two ranges are once rounding is allowed for (0 when they agree). */
  gap: number;
  /**
   * `rounding`: the ranges the rounding allows overlap. `truncation`: they miss each other by no more
   * than one unit of the total's last digit, as when a source cuts digits off instead of rounding.
   */
  agreement: 'rounding' | 'truncation' | null;
}

/**
 * Parts stated by a source against the total it states. Counts must add up exactly; rounded
 * amounts pass when the ranges their rounding allows overlap, or miss by at most one unit of the
 * total's last digit (STATED_TOTAL_TRUNCATION_UNITS).
 */
export function assessStatedParts(total: StatedFigure, parts: readonly StatedFigure[]): PartsAssessment {
  const partsSum = parts.reduce((sum, part) => sum + part.value, 0);
  const partsRange = sumIntervals(parts.map(statedInterval));
  const totalRange = statedInterval(total);
  const gap = intervalGap(totalRange, partsRange);
  const truncation = total.isCount
    ? 0
    : STATED_TOTAL_TRUNCATION_UNITS * 2 * roundingHalfWidth(total.decimals, total.scale);
  const agreement = gap === 0 ? 'rounding' : gap <= truncation ? 'truncation' : null;
  return { outcome: agreement ? 'pass' : 'fail', partsSum, difference: total.value - partsSum, gap, agreement };
}

/**
 * A part of a year (Jan-Nov, H1) against the whole year of the same series: the part can be no
 * larger than the whole once the rounding and wording of both are allowed for.
 */
export function assessPartWithinWhole(part: StatedFigure, whole: StatedFigure): 'pass' | 'fail' {
  return statedInterval(part).low <= statedInterval(whole).high ? 'pass' : 'fail';
}

/** A total computed for this dashboard from its parts: it must equal their sum (float noise aside). */
export function assessComputedSum(total: number, partsSum: number): 'pass' | 'fail' {
  return agreesWithin(total, partsSum, COMPUTED_SUM_RELATIVE_TOLERANCE) ? 'pass' : 'fail';
}

/**
 * The items a check lists by default: every failing, review and not-checkable one (never hidden), then
 * passes and informational items up to `limit`. All of them when `showAll`.
 */
export function selectVisibleItems<T extends Pick<CheckItem, 'outcome'>>(
  items: readonly T[],
  showAll: boolean,
  limit: number,
): T[] {
  if (showAll) return [...items];
  let others = 0;
  return items.filter((item) => {
    if (item.outcome === 'fail' || item.outcome === 'review' || item.outcome === 'not_checkable') return true;
    others += 1;
    return others <= limit;
  });
}
