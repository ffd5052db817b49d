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
import { text, type Text, type TextArg } from './text';
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
  /** Its short name in the catalogues: ConsistencyItems.sourceNames.<nameKey>. */
  nameKey: 'bnsByPartner' | 'bnsEu27' | 'bnsMonthly' | 'imfDots';
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
    nameKey: 'bnsByPartner',
  },
  [BNS_EU27_SOURCE_ID]: {
    nationalOfficeOf: 'KAZ',
    vintageDate: '2022-07-25',
    nameKey: 'bnsEu27',
  },
  [BNS_MONTHLY_SOURCE_ID]: { nationalOfficeOf: 'KAZ', vintageDate: null, nameKey: 'bnsMonthly' },
  [IMF_DOTS_SOURCE_ID]: { nationalOfficeOf: null, vintageDate: '2022-01', nameKey: 'imfDots' },
};

const KIND_RANK: Record<SourceKind, number> = {
  STATISTICAL_DATASET: 0,
  RESEARCH_DATASET: 1,
  OFFICIAL_STATEMENT: 2,
  NEWS_ARTICLE: 3,
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

const isOwnStatistics = (figure: RankableFigure) =>
  STATISTICAL_SOURCE_PROFILES[figure.sourceId]?.nationalOfficeOf === figure.reporterCode;

const vintageOf = (figure: RankableFigure) => STATISTICAL_SOURCE_PROFILES[figure.sourceId]?.vintageDate ?? null;

const sourceName = (figure: RankableFigure): TextArg => {
  const profile = STATISTICAL_SOURCE_PROFILES[figure.sourceId];
  return profile ? text(`sourceNames.${profile.nameKey}`) : figure.sourceId;
};

const vintageText = (figure: RankableFigure): TextArg => vintageOf(figure) ?? text('preference.dateUnknown');

interface Rule {
  /** Negative when `a` is preferred. */
  compare: (a: RankableFigure, b: RankableFigure) => number;
  reason: (preferred: RankableFigure, other: RankableFigure) => Text;
}

// The sentences are ConsistencyItems.preference.<rule>; the kinds, derivations and qualifiers are
// chosen in them by ICU select on the codes.
const RULES: readonly Rule[] = [
  {
    compare: (a, b) => Number(a.impliedByChange) - Number(b.impliedByChange),
    reason: () => text('preference.impliedByChange'),
  },
  {
    compare: (a, b) => Number(b.official) - Number(a.official),
    reason: () => text('preference.official'),
  },
  {
    compare: (a, b) => KIND_RANK[a.sourceKind] - KIND_RANK[b.sourceKind],
    reason: (p, o) => text('preference.kind', { preferred: p.sourceKind, other: o.sourceKind }),
  },
  {
    compare: (a, b) => Number(isOwnStatistics(b)) - Number(isOwnStatistics(a)),
    reason: (p, o) => text('preference.ownOffice', { preferred: sourceName(p), other: sourceName(o) }),
  },
  {
    // Newer first; an unknown vintage ranks after a known one.
    compare: (a, b) => compareVintage(vintageOf(b), vintageOf(a)),
    reason: (p, o) =>
      text('preference.newer', {
        preferred: sourceName(p),
        preferredVintage: vintageText(p),
        other: sourceName(o),
        otherVintage: vintageText(o),
      }),
  },
  {
    compare: (a, b) => DERIVATION_RANK[a.derivation] - DERIVATION_RANK[b.derivation],
    reason: (p, o) => text('preference.derivation', { preferred: p.derivation, other: o.derivation }),
  },
  {
    compare: (a, b) => QUALIFIER_RANK[a.qualifier] - QUALIFIER_RANK[b.qualifier],
    reason: (p, o) => text('preference.qualifier', { preferred: p.qualifier, other: o.qualifier }),
  },
  {
    compare: (a, b) => Number(a.isEstimate) - Number(b.isEstimate),
    reason: () => text('preference.estimate'),
  },
];

function compareVintage(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
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
export function preferenceReason(preferred: RankableFigure, other: RankableFigure): Text {
  for (const rule of RULES) {
    if (rule.compare(preferred, other) !== 0) return rule.reason(preferred, other);
  }
  return text('preference.same');
}

/** True for official statistical datasets, whose disagreements beyond 5 % are listed for review. */
export const isOfficialStatistics = (figure: RankableFigure) => figure.sourceKind === 'STATISTICAL_DATASET';

/**
 * A figure a change can be computed against: anything but a figure worked back from a stated
 * change, which would only give that change back.
 */
export const isUsableBase = (figure: RankableFigure) => !figure.impliedByChange;
