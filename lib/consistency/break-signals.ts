// Signals of breaks in the official series that nobody has recorded yet: a partner whose
// Kazakhstan-reported and partner-reported (mirror) figures suddenly stop tracking each other, and
// years in which the partners the series reports change abruptly. A signal is explained when a known
// break (table series_break) covers it. Pure; the figures come from lib/consistency/checks/series-breaks.ts.
import type { SeriesBreak } from '@/lib/charts/series-breaks';
import { WORLD_PARTNER_CODE } from '@/lib/constants';

/**
 * The mirror ratio is Kazakhstan's imports from a partner over that partner's exports to
 * Kazakhstan (both IMF DOTS). Kazakhstan's exports are mostly crude oil attributed by declared
 * destination, so their mirror ratio swings with traders' routing year after year and would flag
 * most oil buyers; the import side moves only when recording changes.
 */
export const MIRROR_RATIO_JUMP_FACTOR = 2;
/** Both views of a partner's trade below this (USD million) in a year: too small to judge a ratio. */
export const MIRROR_MIN_FLOW_USD_MN = 500;
/** Partners counted in a year: turnover of at least USD 1 million (tiny flows come and go). */
export const PARTNER_COUNT_MIN_TURNOVER_USD_MN = 1;
/** A change in that count of more than 20 % on the year before is a signal. */
export const PARTNER_COUNT_MAX_CHANGE = 0.2;
/** So are partners that appear or disappear carrying more than 5 % of the total with the world. */
export const COVERAGE_MAX_SHARE = 0.05;

export interface MirrorPoint {
  year: number;
  /** Kazakhstan-reported imports from the partner, USD million. */
  reportedUsdMn: number;
  /** The partner's reported exports to Kazakhstan, USD million. */
  mirrorUsdMn: number;
}

/** Reported over mirror; null when either side is not positive. */
export function mirrorRatio(point: MirrorPoint): number | null {
  return point.reportedUsdMn > 0 && point.mirrorUsdMn > 0 ? point.reportedUsdMn / point.mirrorUsdMn : null;
}

/** How many times the ratio moved between two years, as a factor of at least 1 (0.5 → 1 is 2). */
export function ratioMove(before: MirrorPoint, after: MirrorPoint): number | null {
  const a = mirrorRatio(before);
  const b = mirrorRatio(after);
  if (a === null || b === null) return null;
  return Math.max(a / b, b / a);
}

/** Large enough to judge: in both years, at least one of the two views reaches the floor. */
export function isLargeEnough(before: MirrorPoint, after: MirrorPoint): boolean {
  return [before, after].every((p) => Math.max(p.reportedUsdMn, p.mirrorUsdMn) >= MIRROR_MIN_FLOW_USD_MN);
}

/** A signal: consecutive years of a large enough partner whose ratio moved by more than the factor. */
export function isMirrorJump(before: MirrorPoint, after: MirrorPoint): boolean {
  if (after.year !== before.year + 1 || !isLargeEnough(before, after)) return false;
  const move = ratioMove(before, after);
  return move !== null && move > MIRROR_RATIO_JUMP_FACTOR;
}

export interface CoverageYear {
  year: number;
  /** Partner countries with turnover of at least PARTNER_COUNT_MIN_TURNOVER_USD_MN. */
  partners: number;
  /** Turnover (USD million) of partners reported this year and not the year before. */
  enteringUsdMn: number;
  /** Turnover (USD million), in the year before, of partners reported then and not this year. */
  leavingUsdMn: number;
  /** Total with the world this year and the year before, USD million. */
  worldUsdMn: number | null;
  previousWorldUsdMn: number | null;
}

export interface CoverageSignal {
  /** Relative change of the partner count on the year before. */
  countChange: number | null;
  /** Entering partners' turnover over this year's total, leaving partners' over the year before's. */
  enteringShare: number | null;
  leavingShare: number | null;
  /** Which of the three thresholds were crossed (empty: no signal). */
  reasons: ('count' | 'entering' | 'leaving')[];
}

/**
 * The coverage signal of a year against the year before (`previousPartners`: that year's count;
 * null for the first year of the series, which has nothing to change from).
 */
export function coverageSignal(current: CoverageYear, previousPartners: number | null): CoverageSignal {
  if (previousPartners === null) return { countChange: null, enteringShare: null, leavingShare: null, reasons: [] };
  const countChange = previousPartners > 0 ? current.partners / previousPartners - 1 : null;
  const enteringShare =
    current.worldUsdMn !== null && current.worldUsdMn > 0 ? current.enteringUsdMn / current.worldUsdMn : null;
  const leavingShare =
    current.previousWorldUsdMn !== null && current.previousWorldUsdMn > 0
      ? current.leavingUsdMn / current.previousWorldUsdMn
      : null;
  const reasons: CoverageSignal['reasons'] = [];
  if (countChange !== null && Math.abs(countChange) > PARTNER_COUNT_MAX_CHANGE) reasons.push('count');
  if (enteringShare !== null && enteringShare > COVERAGE_MAX_SHARE) reasons.push('entering');
  if (leavingShare !== null && leavingShare > COVERAGE_MAX_SHARE) reasons.push('leaving');
  return { countChange, enteringShare, leavingShare, reasons };
}

/**
 * The known breaks that explain a signal between `year - 1` and `year`: a change of source explains
 * its first year; an incomplete span or a discontinuity explains the years into it, through it and
 * out of it (first year to last year + 1). `partnerCode` null: a signal about the whole series,
 * explained only by a break of every partner or of the total with the world.
 */
export function explainingBreaks(
  breaks: readonly SeriesBreak[],
  year: number,
  partnerCode: string | null,
): SeriesBreak[] {
  return breaks.filter((b) => {
    const affects =
      b.partnerCodes.length === 0 ||
      (partnerCode === null ? b.partnerCodes.includes(WORLD_PARTNER_CODE) : b.partnerCodes.includes(partnerCode));
    if (!affects) return false;
    return b.kind === 'SOURCE_CHANGE' ? year === b.firstYear : year >= b.firstYear && year <= b.lastYear + 1;
  });
}
