// What the known breaks in the official series (table series_break) mean for a chart or a
// sentence: which breaks a view crosses, which years cannot carry a conclusion, and how to say a
// peak honestly. Pure; the breaks come from lib/queries/series-breaks.ts. Which years a break
// touches is in break-years.ts, free of the catalogues' modules, for client tables.
import { chartTexts, type ChartTexts } from '@/lib/i18n/chart-texts';
import { overviewTexts, type OverviewTexts } from '@/lib/i18n/overview-texts';
import { breakMarkers, breaksInView, unusableYears, type BreakMeasure, type SeriesBreak } from './break-years';

export {
  breakAffects,
  breakMarkers,
  breaksBetween,
  breaksInView,
  incompleteYearBreaks,
  unusableYears,
  type BreakMeasure,
  type SeriesBreak,
  type SeriesBreakKind,
} from './break-years';

/** "Series breaks: Incomplete coverage (1992–1993); Customs union from July 2010 (2010)." for captions. */
export function breaksSentence(breaks: readonly SeriesBreak[], texts: ChartTexts = chartTexts()): string {
  if (breaks.length === 0) return '';
  const years = (b: SeriesBreak) => (b.firstYear === b.lastYear ? `${b.firstYear}` : `${b.firstYear}–${b.lastYear}`);
  return texts('seriesBreaks', { list: breaks.map((b) => `${b.label} (${years(b)})`).join('; ') });
}

/**
 * The breaks with their labels in a language: the catalogue's label of each known break (by its
 * key), the database's English label for a break added to the data later.
 */
export function localizeBreaks(breaks: readonly SeriesBreak[], texts: ChartTexts): SeriesBreak[] {
  return breaks.map((b) => {
    // The key comes from the data, so the type cannot know it: has() checks it before it is used.
    const key = `breakLabels.${b.key}` as BreakLabelKey;
    return texts.has(key) ? { ...b, label: texts(key) } : b;
  });
}

type BreakLabelKey = Extract<Parameters<ChartTexts['has']>[0], `breakLabels.${string}`>;

export interface HonestPeak {
  year: number;
  value: number;
  /** Years left out because their figures are incomplete. */
  leftOut: SeriesBreak[];
  /** Breaks the compared years span: the peak is across them, and a sentence must say so. */
  spans: SeriesBreak[];
}

/**
 * The highest value of a series, never taken from an incomplete year, with the breaks a sentence
 * about it has to name: those whose years were left out, and those the compared years span.
 */
export function honestPeak(
  points: readonly { year: number; value: number }[],
  breaks: readonly SeriesBreak[],
  partnerCode: string,
  measure: BreakMeasure,
): HonestPeak | null {
  const unusable = unusableYears(breaks, partnerCode, measure);
  const usable = points.filter((p) => !unusable.has(p.year) && Number.isFinite(p.value));
  if (usable.length === 0) return null;
  const peak = usable.reduce((best, p) => (p.value > best.value ? p : best));
  const years = points.map((p) => p.year);
  const from = Math.min(...years);
  const to = Math.max(...years);
  const inView = breaksInView(breaks, { partnerCodes: [partnerCode], measure, fromYear: from, toYear: to });
  return {
    year: peak.year,
    value: peak.value,
    leftOut: inView.filter(
      (b) =>
        b.kind !== 'SOURCE_CHANGE' &&
        points.some((p) => unusable.has(p.year) && p.year >= b.firstYear && p.year <= b.lastYear),
    ),
    spans: inView.filter((b) => b.kind !== 'INCOMPLETE'),
  };
}

/**
 * The caveat a sentence about a peak carries: "" when the series has no break in view. Break labels
 * as given (in a language: localizeBreaks first); the words from the overview's catalogue.
 */
export function peakCaveat(peak: HonestPeak, texts: OverviewTexts = overviewTexts()): string {
  const list = (items: readonly string[]) => items.reduce((first, second) => texts('peak.and', { first, second }));
  const parts: string[] = [];
  if (peak.leftOut.length > 0) {
    const items = peak.leftOut.map((b) =>
      texts('peak.item', {
        years: b.firstYear === b.lastYear ? String(b.firstYear) : `${b.firstYear}–${b.lastYear}`,
        label: b.label,
      }),
    );
    parts.push(texts('peak.leavingOut', { list: list(items) }));
  }
  const spans = peak.spans.filter((b) => !peak.leftOut.includes(b));
  if (spans.length > 0) parts.push(texts('peak.across', { list: list(spans.map((b) => b.label)) }));
  return parts.join('; ');
}

export interface ViewBreaks {
  /** The known breaks in view, oldest first. */
  breaks: SeriesBreak[];
  /** Reference lines for the chart: known breaks, and source changes the table does not list. */
  lines: { x: number; label: string }[];
  /** The caption sentence naming them; "" when there are none. */
  sentence: string;
}

/**
 * Everything a chart says about breaks: the known breaks its partners and years cross, plus any
 * change of source found in its own points that no known break explains (so a new edition is
 * marked even before a break row is imported for it).
 */
export function viewBreaks(
  breaks: readonly SeriesBreak[],
  view: { partnerCodes: readonly string[]; measure: BreakMeasure; fromYear: number | null; toYear: number | null },
  sourceChanges: readonly { year: number; label: string }[] = [],
  texts: ChartTexts = chartTexts(),
): ViewBreaks {
  if (view.fromYear === null || view.toYear === null) return { breaks: [], lines: [], sentence: '' };
  const known = breaksInView(breaks, { ...view, fromYear: view.fromYear, toYear: view.toYear });
  const explained = new Set(known.filter((b) => b.kind === 'SOURCE_CHANGE').map((b) => b.firstYear));
  const extra = sourceChanges.filter((c) => !explained.has(c.year));
  const lines = [...breakMarkers(known), ...extra.map((c) => ({ x: c.year, label: c.label }))];
  const byYear = new Map<number, string[]>();
  for (const line of lines) byYear.set(line.x, [...(byYear.get(line.x) ?? []), line.label]);
  const extraSentence =
    extra.length > 0 ? ` ${texts('sourceChanges', { list: extra.map((c) => c.label).join('; ') })}` : '';
  return {
    breaks: known,
    lines: [...byYear.entries()]
      .sort(([a], [b]) => a - b)
      .map(([x, labels]) => ({ x, label: [...new Set(labels)].join(' · ') })),
    sentence: `${breaksSentence(known, texts)}${extraSentence}`.trim(),
  };
}
