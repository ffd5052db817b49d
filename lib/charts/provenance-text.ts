// Words for where numbers come from, shared by captions, chart markers and downloads so that every
// view says the same thing about the same source. Pure.
import {
  BNS_BY_PARTNER_SOURCE_ID,
  BNS_EU27_SOURCE_ID,
  BNS_MONTHLY_SOURCE_ID,
  IMF_DOTS_SOURCE_ID,
} from '@/lib/constants';
import type { SourceBreak } from './series-transforms';

const SHORT_NAMES: Record<string, string> = {
  [IMF_DOTS_SOURCE_ID]: 'IMF DOTS',
  [BNS_BY_PARTNER_SOURCE_ID]: 'the bureau’s final editions',
  [BNS_EU27_SOURCE_ID]: 'EU-27 summed from the bureau’s member rows',
  [BNS_MONTHLY_SOURCE_ID]: 'the sum of the bureau’s 12 monthly totals',
  ecb_eurofxref_annual: 'ECB annual averages',
};

/** A short name for a source id, for captions ("IMF DOTS"); the id itself when unknown. */
export function shortSourceName(sourceId: string): string {
  return SHORT_NAMES[sourceId] ?? sourceId;
}

/** "From 2020: the bureau’s final editions (before: IMF DOTS)". */
export function describeSourceBreak(b: SourceBreak): string {
  return `From ${b.year}: ${shortSourceName(b.toSourceId)} (before: ${shortSourceName(b.fromSourceId)})`;
}

/** The marker label drawn on a chart at a source change. */
export function sourceBreakLabel(b: SourceBreak): string {
  if (b.toSourceId === BNS_MONTHLY_SOURCE_ID) return 'monthly sums';
  if (b.toSourceId === BNS_BY_PARTNER_SOURCE_ID || b.toSourceId === BNS_EU27_SOURCE_ID) return 'bureau';
  if (b.toSourceId === IMF_DOTS_SOURCE_ID) return 'IMF';
  return 'source';
}

/**
 * One marker per year where series change source: several series switching in the same year
 * (the EU to the derived bureau total, China to the bureau's table) share one line, labelled once
 * per kind of source, so labels never sit on top of each other.
 */
export function sourceBreakLines(breaks: readonly SourceBreak[]): { x: number; label: string }[] {
  const byYear = new Map<number, string[]>();
  for (const b of breaks) {
    const labels = byYear.get(b.year) ?? [];
    const label = sourceBreakLabel(b);
    if (!labels.includes(label)) labels.push(label);
    byYear.set(b.year, labels);
  }
  return [...byYear.entries()].sort(([a], [b]) => a - b).map(([x, labels]) => ({ x, label: labels.join(' / ') }));
}

/**
 * The standing note on the official series: which source covers which years, where it changes,
 * and that the world total from 2021 is derived. Used under every chart of official figures.
 */
export const OFFICIAL_SERIES_NOTE =
  'Kazakhstan-reported goods trade, calendar years, current US dollars (exports FOB, imports CIF). ' +
  'Official series: IMF Direction of Trade Statistics to 2019, the Bureau of National Statistics’ final editions from 2020 ' +
  '(the two overlap in 2020 and differ slightly; the bureau’s newer figure is shown). ' +
  'The bureau’s by-country table has no world total, so Kazakhstan’s total from 2021 is derived: the sum of its 12 monthly totals (complete years only).';

/** "Sources: A; B." from attribution texts, for image footnotes (each attribution may end in a stop). */
export function sourcesSentence(sources: readonly { attribution: string }[]): string {
  if (sources.length === 0) return '';
  const items = sources.map((s) => s.attribution.trim().replace(/\.\s*$/, ''));
  return `${items.length === 1 ? 'Source' : 'Sources'}: ${items.join('; ')}.`;
}
