// Shaping for a partner's profile: the trade chart rows, the share of Kazakhstan's total, the
// reporter-versus-mirror gaps, investment figures grouped by concept, and event dates at the
// precision their source gave. Pure and unit-tested.
import { findSourceBreaks, toShareOfTotal, type SourceBreak } from './series-transforms';

export interface ProfilePointInput {
  flow: 'export' | 'import' | 'turnover' | 'balance';
  year: number;
  valueUsdMn: number;
  sourceId: string;
  isEstimate: boolean;
  derivation: string;
}

export interface ProfileTradeRow {
  year: number;
  export: number | null;
  import: number | null;
  turnover: number | null;
  balance: number | null;
  /** Source of the row's turnover (or export), for the table. */
  sourceId: string | null;
  isEstimate: boolean;
}

export interface ProfileTradeChart {
  rows: ProfileTradeRow[];
  breaks: SourceBreak[];
  fromYear: number | null;
  toYear: number | null;
  sourceIds: string[];
}

/** One row per year from the first to the last year with a value; a missing flow is null, never 0. */
export function toProfileTradeChart(points: readonly ProfilePointInput[]): ProfileTradeChart {
  if (points.length === 0) return { rows: [], breaks: [], fromYear: null, toYear: null, sourceIds: [] };
  const years = points.map((p) => p.year);
  const fromYear = Math.min(...years);
  const toYear = Math.max(...years);
  const rows: ProfileTradeRow[] = [];
  for (let year = fromYear; year <= toYear; year += 1) {
    const inYear = points.filter((p) => p.year === year);
    const value = (flow: ProfilePointInput['flow']) => inYear.find((p) => p.flow === flow)?.valueUsdMn ?? null;
    const main = inYear.find((p) => p.flow === 'turnover') ?? inYear.find((p) => p.flow === 'export') ?? inYear[0];
    rows.push({
      year,
      export: value('export'),
      import: value('import'),
      turnover: value('turnover'),
      balance: value('balance'),
      sourceId: main?.sourceId ?? null,
      isEstimate: inYear.some((p) => p.isEstimate),
    });
  }
  const flows = ['turnover', 'export', 'import'] as const;
  const breaks = flows.flatMap((flow) => findSourceBreaks(points.filter((p) => p.flow === flow)));
  const unique = new Map(breaks.map((b) => [`${b.year}|${b.toSourceId}`, b]));
  return {
    rows,
    breaks: [...unique.values()].sort((a, b) => a.year - b.year),
    fromYear,
    toYear,
    sourceIds: [...new Set(points.map((p) => p.sourceId))].sort(),
  };
}

// A type, not an interface: chart rows must be assignable to Record<string, ...>.
export type ShareRow = {
  year: number;
  share: number | null;
};

/** The partner's turnover as a fraction of Kazakhstan's turnover with the world, per year. */
export function toShareOfWorldRows(
  turnover: readonly { year: number; valueUsdMn: number }[],
  world: readonly { year: number; valueUsdMn: number }[],
): ShareRow[] {
  const shares = toShareOfTotal(
    turnover.map((p) => ({ year: p.year, value: p.valueUsdMn })),
    world.map((p) => ({ year: p.year, value: p.valueUsdMn })),
  );
  return shares.map(({ year, value }) => ({ year, share: value })).sort((a, b) => a.year - b.year);
}

export interface MirrorInputYear {
  year: number;
  kazExportUsdMn: number | null;
  partnerImportUsdMn: number | null;
  kazImportUsdMn: number | null;
  partnerExportUsdMn: number | null;
  hasEstimate: boolean;
}

export interface MirrorGap {
  /** Kazakhstan-reported minus partner-reported, USD million; null unless both exist. */
  difference: number | null;
  /** Kazakhstan-reported divided by partner-reported; null unless both are positive. */
  ratio: number | null;
}

export interface MirrorRow extends MirrorInputYear {
  exportGap: MirrorGap;
  importGap: MirrorGap;
}

function gap(kaz: number | null, partner: number | null): MirrorGap {
  if (kaz === null || partner === null) return { difference: null, ratio: null };
  return { difference: kaz - partner, ratio: kaz > 0 && partner > 0 ? kaz / partner : null };
}

export function toMirrorRows(years: readonly MirrorInputYear[]): MirrorRow[] {
  return [...years]
    .sort((a, b) => a.year - b.year)
    .map((y) => ({
      ...y,
      exportGap: gap(y.kazExportUsdMn, y.partnerImportUsdMn),
      importGap: gap(y.kazImportUsdMn, y.partnerExportUsdMn),
    }));
}

export interface LargestGap {
  year: number;
  side: 'export' | 'import';
  kaz: number;
  partner: number;
  difference: number;
}

/** The year and side with the largest absolute disagreement, for the headline sentence. */
export function largestMirrorGap(rows: readonly MirrorRow[]): LargestGap | null {
  let best: LargestGap | null = null;
  for (const row of rows) {
    const candidates = [
      {
        side: 'export' as const,
        kaz: row.kazExportUsdMn,
        partner: row.partnerImportUsdMn,
        difference: row.exportGap.difference,
      },
      {
        side: 'import' as const,
        kaz: row.kazImportUsdMn,
        partner: row.partnerExportUsdMn,
        difference: row.importGap.difference,
      },
    ];
    for (const c of candidates) {
      if (c.kaz === null || c.partner === null || c.difference === null) continue;
      if (!best || Math.abs(c.difference) > Math.abs(best.difference)) {
        best = { year: row.year, side: c.side, kaz: c.kaz, partner: c.partner, difference: c.difference };
      }
    }
  }
  return best;
}

/** FDI concepts that must never share an axis, in display order; named in the catalogues (Profile.investment.concept). */
export const FDI_CONCEPTS = [
  { code: 'fdi_gross_inflow' },
  { code: 'fdi_net_inflow' },
  { code: 'fdi_inward_stock' },
  { code: 'fdi_cumulative_inflow' },
] as const;

export type FdiConceptCode = (typeof FDI_CONCEPTS)[number]['code'];

/** Figures grouped by concept, each group in the order given (callers sort by period). */
export function groupByConcept<T extends { indicatorCode: string }>(
  figures: readonly T[],
): Record<FdiConceptCode, T[]> {
  const groups = Object.fromEntries(FDI_CONCEPTS.map((c) => [c.code, [] as T[]])) as Record<FdiConceptCode, T[]>;
  for (const figure of figures) {
    const concept = FDI_CONCEPTS.find((c) => c.code === figure.indicatorCode);
    if (concept) groups[concept.code].push(figure);
  }
  return groups;
}

export type DatePrecision = 'day' | 'month' | 'year';

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * How precisely an event's date is known. Sources that give only a month or a year are stored as a
 * span over that month or year (date = first day, end date = last day), so the span tells.
 */
export function eventDatePrecision(date: string, endDate: string | null): DatePrecision {
  const [y, m, d] = date.split('-').map(Number);
  if (!endDate || y === undefined || m === undefined || d !== 1) return 'day';
  const [ey, em, ed] = endDate.split('-').map(Number);
  if (ey !== y || em === undefined || ed === undefined) return 'day';
  if (m === 1 && em === 12 && ed === 31) return 'year';
  if (em === m && ed === lastDayOfMonth(y, m)) return 'month';
  return 'day';
}

/** The words of a coverage list, from the catalogue of the page's language (Profile.context). */
export interface ListWords {
  none: string;
  pair: (init: string, last: string) => string;
  more: (shown: string, count: number) => string;
}

/**
 * "A, B and C", "A, B, … F and 4 more": coverage lines name what is covered without becoming a
 * list. Written out rather than Intl.ListFormat, whose English puts a comma before "and".
 */
export function coverageList(names: readonly string[], words: ListWords, max = 6): string {
  if (names.length === 0) return words.none;
  const shown = names.slice(0, max);
  const rest = names.length - shown.length;
  if (rest > 0) return words.more(shown.join(', '), rest);
  return shown.length > 1 ? words.pair(shown.slice(0, -1).join(', '), shown.at(-1) ?? '') : (shown[0] ?? '');
}
