// Which figure the dashboard shows when several sources give the same one, and why. The rules, in
// order: never a figure implied by a stated change (it restates that change, so nothing can be
// checked or compared with it); the official series (official_series, the relation every screen
// reads) over anything else; official statistics over research data, official statements and news
// (news figures are rounded and secondary); the reporter's own statistical office over
// compilations of it; the newer edition; published over derived over inferred; exact over rounded
// or approximate; not an estimate.
import {
  BNS_BY_PARTNER_SOURCE_ID,
  BNS_MONTHLY_SOURCE_ID,
  BNS_EU27_SOURCE_ID,
  IMF_DOTS_SOURCE_ID,
} from '@/lib/constants';
import type { Derivation, Qualifier, SourceKind } from './types';

export interface RankableFigure {
  /** The row the official series takes for this key: what the screens show. */
  official: boolean;
  /**
   * Not published but worked back from a change its source states for the next period (EU
   * Jan-Nov 2022 = 37.7 / 1.032): it restates that change and can never be a base or a reference.
   */
  impliedByChange: boolean;
  sourceId: string;
  sourceKind: SourceKind;
  reporterCode: string;
  derivation: Derivation;
  qualifier: Qualifier;
  isEstimate: boolean;
}

interface StatisticalSourceProfile {
  /** The reporter whose own national statistical office publishes the data, if any. */
  nationalOfficeOf: string | null;
  /** Edition date (ISO, as precise as known), for "newest vintage first"; null when unknown. */
  vintageDate: string | null;
  shortName: string;
}

/**
 * What the source table's free-text vintages say, made comparable. The BNS 2020 figures come from
 * the final edition of 25 July 2022 (later years from later editions); IMF DOTS is the release of
 * early 2022, which still carried Kazakhstan's preliminary 2020 data.
 */
export const STATISTICAL_SOURCE_PROFILES: Readonly<Record<string, StatisticalSourceProfile>> = {
  [BNS_BY_PARTNER_SOURCE_ID]: {
    nationalOfficeOf: 'KAZ',
    vintageDate: '2022-07-25',
    shortName: 'BNS trade by country (final editions)',
  },
  [BNS_EU27_SOURCE_ID]: {
    nationalOfficeOf: 'KAZ',
    vintageDate: '2022-07-25',
    shortName: 'EU-27 sum of the BNS country rows',
  },
  [BNS_MONTHLY_SOURCE_ID]: { nationalOfficeOf: 'KAZ', vintageDate: null, shortName: 'BNS monthly totals' },
  [IMF_DOTS_SOURCE_ID]: { nationalOfficeOf: null, vintageDate: '2022-01', shortName: 'IMF DOTS (early-2022 release)' },
};

const KIND_RANK: Record<SourceKind, number> = {
  STATISTICAL_DATASET: 0,
  RESEARCH_DATASET: 1,
  OFFICIAL_STATEMENT: 2,
  NEWS_ARTICLE: 3,
};

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  STATISTICAL_DATASET: 'official statistics',
  RESEARCH_DATASET: 'a research dataset',
  OFFICIAL_STATEMENT: 'an official statement',
  NEWS_ARTICLE: 'a news figure',
};

const DERIVATION_RANK: Record<Derivation, number> = { PUBLISHED: 0, DERIVED: 1, INFERRED: 2 };

const QUALIFIER_RANK: Record<Qualifier, number> = {
  EXACT: 0,
  ESTIMATE: 1,
  ABOUT: 2,
  NEARLY: 3,
  AT_LEAST: 4,
  MORE_THAN: 5,
};

const QUALIFIER_LABELS: Record<Qualifier, string> = {
  EXACT: 'an exact figure',
  ESTIMATE: 'an estimate',
  ABOUT: 'an approximate ("about") figure',
  NEARLY: 'a "nearly" figure',
  AT_LEAST: 'an "at least" figure',
  MORE_THAN: 'a "more than" figure',
};

const isOwnStatistics = (figure: RankableFigure) =>
  STATISTICAL_SOURCE_PROFILES[figure.sourceId]?.nationalOfficeOf === figure.reporterCode;

const vintageOf = (figure: RankableFigure) => STATISTICAL_SOURCE_PROFILES[figure.sourceId]?.vintageDate ?? null;

const sourceName = (figure: RankableFigure) =>
  STATISTICAL_SOURCE_PROFILES[figure.sourceId]?.shortName ?? figure.sourceId;

interface Rule {
  /** Negative when `a` is preferred. */
  compare: (a: RankableFigure, b: RankableFigure) => number;
  reason: (preferred: RankableFigure, other: RankableFigure) => string;
}

const RULES: readonly Rule[] = [
  {
    compare: (a, b) => Number(a.impliedByChange) - Number(b.impliedByChange),
    reason: () =>
      'A figure that was not worked back from a stated change over one that was (that one only restates the change).',
  },
  {
    compare: (a, b) => Number(b.official) - Number(a.official),
    reason: () => 'The official series, which every screen shows, over other figures for the same key.',
  },
  {
    compare: (a, b) => KIND_RANK[a.sourceKind] - KIND_RANK[b.sourceKind],
    reason: (p, o) =>
      `${capitalize(SOURCE_KIND_LABELS[p.sourceKind])} over ${SOURCE_KIND_LABELS[o.sourceKind]}: news and statements are rounded and secondary.`,
  },
  {
    compare: (a, b) => Number(isOwnStatistics(b)) - Number(isOwnStatistics(a)),
    reason: (p, o) => `The reporter's own statistical office (${sourceName(p)}) over ${sourceName(o)}.`,
  },
  {
    // Newer first; an unknown vintage ranks after a known one.
    compare: (a, b) => compareVintage(vintageOf(b), vintageOf(a)),
    reason: (p, o) =>
      `Newer edition (${sourceName(p)}, ${vintageOf(p) ?? 'date unknown'}) over ${sourceName(o)} (${vintageOf(o) ?? 'date unknown'}).`,
  },
  {
    compare: (a, b) => DERIVATION_RANK[a.derivation] - DERIVATION_RANK[b.derivation],
    reason: (p, o) => `A ${p.derivation.toLowerCase()} figure over a ${o.derivation.toLowerCase()} one.`,
  },
  {
    compare: (a, b) => QUALIFIER_RANK[a.qualifier] - QUALIFIER_RANK[b.qualifier],
    reason: (p, o) => `${capitalize(QUALIFIER_LABELS[p.qualifier])} over ${QUALIFIER_LABELS[o.qualifier]}.`,
  },
  {
    compare: (a, b) => Number(a.isEstimate) - Number(b.isEstimate),
    reason: () => 'A reported figure over an estimate.',
  },
];

function compareVintage(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Compares two figures by the preference rules, then by source id so the order is stable. */
export function compareFigures(a: RankableFigure, b: RankableFigure): number {
  for (const rule of RULES) {
    const order = rule.compare(a, b);
    if (order !== 0) return order;
  }
  return a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : 0;
}

/** The figures best first; the input is not changed. */
export function rankFigures<T extends RankableFigure>(figures: readonly T[]): T[] {
  return [...figures].sort(compareFigures);
}

/** Why `preferred` is shown rather than `other`: the first rule that tells them apart. */
export function preferenceReason(preferred: RankableFigure, other: RankableFigure): string {
  for (const rule of RULES) {
    if (rule.compare(preferred, other) !== 0) return rule.reason(preferred, other);
  }
  return 'Both have the same standing; the first source (by id) is shown.';
}

/** True for official statistical datasets, whose disagreements beyond 5 % are listed for review. */
export const isOfficialStatistics = (figure: RankableFigure) => figure.sourceKind === 'STATISTICAL_DATASET';

/**
 * A figure a change can be computed against: anything but a figure worked back from a stated
 * change, which would only give that change back.
 */
export const isUsableBase = (figure: RankableFigure) => !figure.impliedByChange;
