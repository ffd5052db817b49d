// The plain, serializable shapes the consistency checks return to the page. Values are absolute
// (the published value × 10^scale) in `unit`, so that figures published in thousands, millions
// and billions can be read side by side; the figure as published is kept next to it.
import type { Derivation, Qualifier } from '@/lib/tidy/flags';
import type { TextArg } from './text';

export type { Derivation, Qualifier };

/**
 * Most severe first: the order in which the page lists and counts them. `review` is a difference or
 * a signal beyond its stated tolerance that a person has to judge (two editions of a figure, a
 * possible break in a series); `fail` is reserved for figures that must agree and do not.
 */
export const CHECK_OUTCOMES = ['fail', 'review', 'not_checkable', 'pass', 'info'] as const;
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];

export type SourceKind = 'STATISTICAL_DATASET' | 'RESEARCH_DATASET' | 'OFFICIAL_STATEMENT' | 'NEWS_ARTICLE';

export interface PublishedFigure {
  /** The digits as the source wrote them (exact decimal text). */
  value: string;
  /** Power of ten the source's unit carries: 3 = thousands, 6 = millions, 9 = billions. */
  scale: number;
}

/**
 * The shapes below carry their words as `S`: catalogue keys and values (TextArg) as the checks
 * return them, plain strings once rendered in a language (lib/consistency/render.ts).
 */
export interface CheckValue<S = TextArg> {
  /** What the value is in this comparison: "stated", "base", "part", "total", "preferred", ... */
  role: S;
  label: S;
  /** Absolute value in `unit` (never scaled); null when the figure is missing. */
  value: number | null;
  /** USD, EUR, count, percent, pp (percentage points), years, rank. */
  unit: string;
  published: PublishedFigure | null;
  period: S;
  sourceIds: string[];
  qualifier: Qualifier | null;
  derivation: Derivation | null;
  /** The figure the dashboard shows when several sources give it. */
  preferred: boolean;
  /** (value − the item's reference value) / |reference|, or null when not compared. */
  relativeToReference: number | null;
  note: S | null;
}

export interface CheckDifference {
  /** Absolute difference in `unit` (for growth rates and shares: percentage points). */
  value: number;
  unit: string;
  /** Difference over the reference value, or null when there is no meaningful reference. */
  relative: number | null;
}

/** A band of values a comparison allows, e.g. the growth rates compatible with the rounding. */
export interface CheckRange<S = TextArg> {
  label: S;
  low: number;
  /** Null for an open upper end ("more than"). */
  high: number | null;
  unit: string;
}

export interface CheckItem<S = TextArg> {
  key: string;
  title: S;
  outcome: CheckOutcome;
  values: CheckValue<S>[];
  difference: CheckDifference | null;
  ranges: CheckRange<S>[];
  /** Why the item has its outcome, in words; the numbers are in `values`, `difference` and `ranges`. */
  explanation: S;
}

/** A headline number of a check, e.g. { label: 'rows checked', value: 6463, unit: 'count' }. */
export interface CheckStat<S = TextArg> {
  label: S;
  value: number;
  unit: string;
}

export type OutcomeCounts = Record<CheckOutcome, number>;

/** A check's id; it keys the check's prose in the catalogues (Consistency.checks.<id>). The order is CHECKS' (checks/index.ts). */
export type CheckId =
  | 'world-total'
  | 'series-breaks'
  | 'same-figure'
  | 'turnover-sum'
  | 'eu27-members-sum'
  | 'stated-growth'
  | 'turnover-share'
  | 'part-year'
  | 'stated-turnover-parts'
  | 'stated-totals'
  | 'reporter-vs-partner';

/**
 * What a check says about itself, shown above its items: its title, what is compared with what, why
 * it matters and how a difference is graded, in the catalogues under Consistency.checks.<id>, in
 * every language. `values` are the numbers those sentences name (tolerances, thresholds), kept here
 * beside the constants they come from so that the words can never state another number.
 */
export interface CheckProse {
  id: CheckId;
  values: Readonly<Record<string, number>>;
}

export interface ConsistencyCheck<S = TextArg> extends CheckProse {
  outcome: CheckOutcome;
  /** What was checked and found, as numbers the page formats. */
  stats: CheckStat<S>[];
  itemCounts: OutcomeCounts;
  items: CheckItem<S>[];
}

export interface ConsistencyReport<S = TextArg> {
  /** ISO timestamp of the run: the checks run on every page load. */
  checkedAt: string;
  checks: ConsistencyCheck<S>[];
  /** Checks by outcome. */
  counts: OutcomeCounts;
}
