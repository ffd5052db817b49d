// Which years the known breaks in the official series touch, for a partner and a measure: no words,
// so that client tables can use it (lib/charts/series-breaks.ts says them, with the catalogues of
// every language, and re-exports these).
import { WORLD_PARTNER_CODE } from '@/lib/constants';

export type SeriesBreakKind = 'INCOMPLETE' | 'DISCONTINUITY' | 'SOURCE_CHANGE';

export interface SeriesBreak {
  key: string;
  kind: SeriesBreakKind;
  firstYear: number;
  lastYear: number;
  /** Empty: every partner. AGG_WORLD: Kazakhstan's total, so every share and rank. */
  partnerCodes: string[];
  label: string;
  description: string;
  sourceId: string | null;
  url: string | null;
}

/**
 * `value`: the partner's own figures. `share`: its share of Kazakhstan's total or its rank, which
 * also break when the total does.
 */
export type BreakMeasure = 'value' | 'share';

export function breakAffects(b: SeriesBreak, partnerCode: string, measure: BreakMeasure): boolean {
  if (b.partnerCodes.length === 0 || b.partnerCodes.includes(partnerCode)) return true;
  return measure === 'share' && b.partnerCodes.includes(WORLD_PARTNER_CODE);
}

/**
 * Years whose figures are themselves incomplete for the partner: an incomplete span, or the
 * transition year(s) of a discontinuity. No ranking, peak or base year is taken from them.
 */
export function unusableYears(breaks: readonly SeriesBreak[], partnerCode: string, measure: BreakMeasure): Set<number> {
  const years = new Set<number>();
  for (const b of breaks) {
    if (b.kind === 'SOURCE_CHANGE' || !breakAffects(b, partnerCode, measure)) continue;
    for (let y = b.firstYear; y <= b.lastYear; y += 1) years.add(y);
  }
  return years;
}

/**
 * The breaks that make `year` an incomplete year for Kazakhstan's total (so for every share and
 * rank of that year), or none: the notice of one-year views (the partner list, the map).
 */
export function incompleteYearBreaks(breaks: readonly SeriesBreak[], year: number): SeriesBreak[] {
  if (!unusableYears(breaks, WORLD_PARTNER_CODE, 'share').has(year)) return [];
  return breaks.filter((b) => b.kind !== 'SOURCE_CHANGE' && year >= b.firstYear && year <= b.lastYear);
}

/** The breaks a view of `partnerCodes` over fromYear..toYear shows or crosses, oldest first. */
export function breaksInView(
  breaks: readonly SeriesBreak[],
  view: { partnerCodes: readonly string[]; measure: BreakMeasure; fromYear: number; toYear: number },
): SeriesBreak[] {
  return breaks
    .filter((b) => view.partnerCodes.some((code) => breakAffects(b, code, view.measure)))
    .filter((b) =>
      b.kind === 'INCOMPLETE'
        ? b.firstYear <= view.toYear && b.lastYear >= view.fromYear
        : // A change is crossed when the view has a year before it and a year from it on.
          view.fromYear < b.firstYear && view.toYear >= b.firstYear,
    )
    .sort((a, b) => a.firstYear - b.firstYear || a.key.localeCompare(b.key));
}

/** Breaks between two years of a comparison (a change, a growth rate), for one partner. */
export function breaksBetween(
  breaks: readonly SeriesBreak[],
  partnerCode: string,
  measure: BreakMeasure,
  fromYear: number,
  toYear: number,
): SeriesBreak[] {
  return breaksInView(breaks, { partnerCodes: [partnerCode], measure, fromYear, toYear });
}

/** One marker per break for a chart's year axis: a line at the first year, with the break's label. */
export function breakMarkers(breaks: readonly SeriesBreak[]): { x: number; label: string }[] {
  const byYear = new Map<number, string[]>();
  for (const b of breaks) byYear.set(b.firstYear, [...(byYear.get(b.firstYear) ?? []), b.label]);
  return [...byYear.entries()].sort(([a], [b]) => a - b).map(([x, labels]) => ({ x, label: labels.join(' · ') }));
}
