// What the world map shows for one year and measure: each partner's value from the partner list's
// rows (one definition of every figure, share and growth rate), its class, a note where the value
// is missing or incomplete, which shape it colours (the EU block colours its members), and the
// partners no shape or point can show. Pure.
import { nameCollator } from '@/lib/i18n/collation';
import { breaksBetween, type SeriesBreak } from '@/lib/charts/series-breaks';
import { EU_CODE } from '@/lib/constants';
import {
  formatPercent,
  formatSignedPercent,
  formatUsdMillions,
  formatUsdMillionsCompact,
  formatNumber,
} from '@/lib/format';
import type { PartnerListRow } from '@/lib/queries/partner-list';
import { mapTexts, type MapTexts } from '@/lib/i18n/map-texts';
import type { Locale } from '@/lib/i18n/locales';
import type { MapMeasure, MapParams } from '@/lib/search-params/map';
import {
  classIndex,
  divergingClassing,
  sequentialClassing,
  thresholdClassing,
  type Classing,
  type MapClass,
} from './classes';

/** Growth classes at stated limits, the same every year: −10 %, −3 %, 0, +3 %, +10 % a year. */
export const GROWTH_THRESHOLDS = [-0.1, -0.03, 0, 0.03, 0.1] as const;

/** The language of the map's words: its translator (namespace map) and the locale of its numbers. English by default. */
export interface MapWords {
  texts: MapTexts;
  locale: Locale;
}

function english(): MapWords {
  return { texts: mapTexts('en'), locale: 'en' };
}

/** The measure's name: "Turnover", "Kazakhstan’s exports"… */
export function measureLabel(measure: MapMeasure, words: MapWords = english()): string {
  return words.texts(`measures.${measure}`);
}

/** The unit as a reader needs it with a bare number. */
export function measureUnit(measure: MapMeasure, window: number, words: MapWords = english()): string {
  const { texts } = words;
  if (measure === 'share') return texts('units.share');
  if (measure === 'growth') return texts('units.growth', { window });
  if (measure === 'balance') return texts('units.balance');
  return texts('units.usd');
}

/** What the map shows, as the start of its description. */
export function measureSentence(params: MapParams, words: MapWords = english()): string {
  const { texts, locale } = words;
  if (params.measure === 'growth')
    return texts('sentences.growth', { window: params.window, min: formatNumber(params.min, 0, locale) });
  return texts(`sentences.${params.measure}`);
}

export interface MapEntry {
  /** The partner whose value this is (AGG_EU when the EU is drawn as one block). */
  code: string;
  name: string;
  kind: string;
  value: number | null;
  /** Index into the classing's classes; null without a value. */
  classIndex: number | null;
  estimate: boolean;
  sourceId: string | null;
  /** Why there is no value, or what to bear in mind about it. */
  note: string | null;
}

export interface MapView {
  measure: MapMeasure;
  year: number;
  classing: Classing;
  /** Every partner with a row that year, largest value first, those without a value last. */
  entries: MapEntry[];
  /** Which entry colours each drawn partner code (an EU member → the EU in block mode). */
  fills: ReadonlyMap<string, MapEntry>;
  /** Partners with a row that year that no shape or point of the map shows. */
  undrawn: MapEntry[];
  /** The EU block's members drawn in its colour (empty when the EU is drawn by members). */
  blockMembers: readonly string[];
}

export function measureValue(row: PartnerListRow, measure: MapMeasure): number | null {
  switch (measure) {
    case 'turnover':
      return row.turnoverUsdMn;
    case 'export':
      return row.exportUsdMn;
    case 'import':
      return row.importUsdMn;
    case 'balance':
      return row.balanceUsdMn;
    case 'share':
      return row.share;
    case 'growth':
      return row.cagr;
  }
}

function estimateOf(row: PartnerListRow, measure: MapMeasure): boolean {
  if (measure === 'export') return row.exportIsEstimate;
  if (measure === 'import') return row.importIsEstimate;
  if (measure === 'balance') return row.exportIsEstimate || row.importIsEstimate;
  return row.turnoverIsEstimate;
}

/** Why a partner with a row that year has no value for the measure, in words. */
function missingReason(
  row: PartnerListRow,
  measure: MapMeasure,
  year: number,
  params: MapParams,
  words: MapWords,
): string {
  const { texts, locale } = words;
  const y = String(year);
  switch (measure) {
    case 'balance':
      return texts(row.exportUsdMn === null ? 'missing.balanceNoExports' : 'missing.balanceNoImports', { year: y });
    case 'share':
      return texts('missing.share', { year: y });
    case 'growth': {
      const base = String(year - params.window);
      if (row.startTurnoverUsdMn === null) return texts('missing.noBase', { base });
      if (row.startTurnoverUsdMn < params.min || (row.turnoverUsdMn ?? 0) < params.min)
        return texts('missing.small', { base, year: y, min: formatNumber(params.min, 0, locale) });
      return texts('missing.incompleteBase', { base });
    }
    default:
      return texts(`missing.${measure}`, { year: y });
  }
}

/** Breaks a reader must know about this value: the partner's own incomplete years, or those a growth rate spans. */
function breakNote(
  code: string,
  measure: MapMeasure,
  year: number,
  window: number,
  breaks: readonly SeriesBreak[],
  { texts }: MapWords,
) {
  const own = breaks.filter(
    (b) => b.kind !== 'SOURCE_CHANGE' && b.partnerCodes.includes(code) && year >= b.firstYear && year <= b.lastYear,
  );
  if (own.length > 0) return texts('notes.incomplete', { list: own.map((b) => b.label).join('; ') });
  if (measure !== 'growth') return null;
  const spanned = breaksBetween(breaks, code, 'value', year - window, year);
  return spanned.length > 0 ? texts('notes.spans', { list: spanned.map((b) => b.label).join('; ') }) : null;
}

function classingFor(measure: MapMeasure, values: readonly number[]): Classing {
  if (measure === 'growth') return thresholdClassing(GROWTH_THRESHOLDS);
  if (measure === 'balance') return divergingClassing(values);
  return sequentialClassing(values);
}

export interface MapViewInput {
  /** The partner list's country rows for the year, and in block mode the EU's row. */
  rows: readonly PartnerListRow[];
  params: MapParams;
  year: number;
  /** The EU's fixed 27-member composition, which the EU series describes in every year. */
  euMembers: readonly string[];
  breaks: readonly SeriesBreak[];
  /** Partner codes the geometry can draw. */
  drawable: ReadonlySet<string>;
  /** The language of the notes and of the order of names; English by default. */
  texts?: MapTexts;
  locale?: Locale;
}

export function buildMapView({
  rows,
  params,
  year,
  euMembers,
  breaks,
  drawable,
  texts = mapTexts('en'),
  locale = 'en',
}: MapViewInput): MapView {
  const words: MapWords = { texts, locale };
  const collator = nameCollator(locale);
  const block = params.eu === 'block' && rows.some((r) => r.code === EU_CODE);
  const members = new Set(block ? euMembers : []);
  // Never both the EU and its members: in block mode the members' own rows are left out.
  const shown = rows.filter((r) => (block ? !members.has(r.code) : r.code !== EU_CODE));
  const values = shown.map((r) => measureValue(r, params.measure)).filter((v): v is number => v !== null);
  const classing = classingFor(params.measure, values);

  const entries: MapEntry[] = shown.map((row) => {
    const value = measureValue(row, params.measure);
    return {
      code: row.code,
      name: row.name,
      kind: row.kind,
      value,
      classIndex: value === null ? null : classIndex(value, classing.thresholds),
      estimate: value !== null && estimateOf(row, params.measure),
      sourceId: row.sourceId,
      note:
        value === null
          ? missingReason(row, params.measure, year, params, words)
          : breakNote(row.code, params.measure, year, params.window, breaks, words),
    };
  });
  entries.sort(
    (a, b) =>
      (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) ||
      (b.value ?? 0) - (a.value ?? 0) ||
      collator.compare(a.name, b.name),
  );

  const fills = new Map<string, MapEntry>();
  for (const entry of entries) {
    if (block && entry.code === EU_CODE) for (const member of members) fills.set(member, entry);
    else fills.set(entry.code, entry);
  }
  return {
    measure: params.measure,
    year,
    classing,
    entries,
    fills,
    undrawn: entries.filter((e) => !drawable.has(e.code) && !(block && e.code === EU_CODE)),
    blockMembers: [...members].sort(),
  };
}

/** A value with its unit, for titles, the readout and the table. */
export function formatMapValue(measure: MapMeasure, value: number | null, words: MapWords = english()): string {
  const { texts, locale } = words;
  if (value === null) return texts('value.none');
  if (measure === 'share') return formatPercent(value, value < 0.001 ? 2 : 1, locale);
  if (measure === 'growth') return texts('value.growth', { value: formatSignedPercent(value, 1, locale) });
  // Flows of a few thousand dollars would read "USD 0.00 million".
  if (value !== 0 && Math.abs(value) < 0.1)
    return texts('value.thousand', { value: formatNumber(value * 1000, 1, locale) });
  return formatUsdMillions(value, locale);
}

/** A class limit, short (legend): "$1.2 bn", "0.034%", "+3%". */
export function formatLimit(measure: MapMeasure, value: number, locale: Locale = 'en'): string {
  if (measure === 'growth') return formatSignedPercent(value, 0, locale);
  if (measure === 'share') {
    const percent = value * 100;
    // Two significant figures, as the limit was rounded to.
    const digits = percent === 0 ? 0 : Math.max(0, 1 - Math.floor(Math.log10(Math.abs(percent))));
    return formatPercent(value, digits, locale);
  }
  return formatUsdMillionsCompact(value, locale);
}

/** "under $12 mn", "$12 mn to $85 mn", "$850 mn and more": each class includes its lower limit. */
export function classLabel(measure: MapMeasure, cls: MapClass, words: MapWords = english()): string {
  const { texts, locale } = words;
  const limit = (value: number) => formatLimit(measure, value, locale);
  if (cls.lower === null && cls.upper === null) return texts('classes.all');
  if (cls.lower === null) return texts('classes.under', { limit: limit(cls.upper ?? 0) });
  if (cls.upper === null) return texts('classes.over', { limit: limit(cls.lower) });
  return texts('classes.between', { lower: limit(cls.lower), upper: limit(cls.upper) });
}

/** How the classes were made, for the legend's caption. */
export function classingSentence(classing: Classing, count: number, { texts }: MapWords = english()): string {
  if (classing.method === 'thresholds') return texts('classing.thresholds');
  if (classing.scheme === 'diverging') return texts('classing.diverging', { count });
  return texts(classing.classes.length === 5 ? 'classing.quintiles' : 'classing.quantiles', { count });
}
