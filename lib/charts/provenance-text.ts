// Words for where numbers come from, shared by captions, chart markers and downloads so that every
// view says the same thing about the same source. Pure.
import {
  BNS_BY_PARTNER_SOURCE_ID,
  BNS_EU27_SOURCE_ID,
  BNS_MONTHLY_SOURCE_ID,
  IMF_DOTS_SOURCE_ID,
} from '@/lib/constants';
import { chartTexts, type ChartTexts } from '@/lib/i18n/chart-texts';
import type { SourceBreak } from './series-transforms';

const SOURCE_KEYS: Record<string, 'imf' | 'bureau' | 'eu27' | 'monthly' | 'ecb'> = {
  [IMF_DOTS_SOURCE_ID]: 'imf',
  [BNS_BY_PARTNER_SOURCE_ID]: 'bureau',
  [BNS_EU27_SOURCE_ID]: 'eu27',
  [BNS_MONTHLY_SOURCE_ID]: 'monthly',
  ecb_eurofxref_annual: 'ecb',
};

/** A short name for a source id, for captions ("IMF DOTS", "окончательные данные Бюро"); the id itself when unknown. */
export function shortSourceName(sourceId: string, texts: ChartTexts = chartTexts()): string {
  const key = SOURCE_KEYS[sourceId];
  return key ? texts(`sourceNames.${key}`) : sourceId;
}

/** "From 2020: the bureau’s final editions (before: IMF DOTS)". */
export function describeSourceBreak(b: SourceBreak): string {
  return `From ${b.year}: ${shortSourceName(b.toSourceId)} (before: ${shortSourceName(b.fromSourceId)})`;
}

/** The marker label drawn on a chart at a source change, written for a reader. */
export function sourceBreakLabel(b: SourceBreak, texts: ChartTexts = chartTexts()): string {
  const year = String(b.year);
  if (b.toSourceId === BNS_BY_PARTNER_SOURCE_ID || b.toSourceId === BNS_EU27_SOURCE_ID)
    return texts('sourceBreak.bureau', { year });
  if (b.toSourceId === IMF_DOTS_SOURCE_ID) return texts('sourceBreak.imf', { year });
  return texts('sourceBreak.other', { year });
}

/** How Kazakhstan's total with the world of a year was obtained, for captions, notes and downloads. */
export function worldTotalOrigin(
  world: { sourceId: string | null; derived: boolean },
  texts: ChartTexts = chartTexts(),
): string {
  if (world.sourceId === null) return texts('worldOrigin.none');
  if (world.derived && world.sourceId === BNS_BY_PARTNER_SOURCE_ID) return texts('worldOrigin.bureauDerived');
  if (world.sourceId === IMF_DOTS_SOURCE_ID) return texts('worldOrigin.imf');
  const source = shortSourceName(world.sourceId, texts);
  return world.derived ? texts('worldOrigin.derived', { source }) : texts('worldOrigin.published', { source });
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

/** "Sources: A; B." from attribution texts, for image footnotes (each attribution may end in a stop). */
export function sourcesSentence(sources: readonly { attribution: string }[], texts: ChartTexts = chartTexts()): string {
  if (sources.length === 0) return '';
  // Attributions are citations: they stay as their publishers write them, in every language.
  const items = sources.map((s) => s.attribution.trim().replace(/\.\s*$/, ''));
  return texts('sources', { count: items.length, list: items.join('; ') });
}
