// Shapes the compare screen: from official annual points (USD million) to what the chart draws,
// the table of the same numbers, and the per-partner summary, for one mode (absolute, share of
// Kazakhstan's total, index, change on the year), scale and currency. Pure and unit-tested; the
// page, the chart and the CSV export all use it, so they always show the same numbers.
import { chartTexts, type ChartTexts } from '@/lib/i18n/chart-texts';
import {
  convertAmount,
  rateTable,
  summariseConversions,
  type Conversion,
  type Currency,
  type SeriesConversionSummary,
  type UsdPerEurRate,
} from './currency';
import { breaksBetween, unusableYears, type SeriesBreak } from './series-breaks';
import {
  compoundAnnualGrowth,
  findSourceBreaks,
  toChangeOnYear,
  toIndex,
  toLogSafe,
  toShareOfTotal,
  type SourceBreak,
  type YearValue,
} from './series-transforms';

export type CompareModeValue = 'absolute' | 'share' | 'index' | 'change';

export interface CompareSourcePoint {
  partnerCode: string;
  year: number;
  valueUsdMn: number;
  sourceId: string;
  isEstimate: boolean;
  derivation: string;
}

export interface ComparePartnerInfo {
  code: string;
  name: string;
}

export interface CompareShapeInput {
  partners: readonly ComparePartnerInfo[];
  /** Points of the selected partners for the selected flow. */
  points: readonly CompareSourcePoint[];
  /** Kazakhstan's total with the world for the same flow: the denominator of shares. */
  world: readonly CompareSourcePoint[];
  mode: CompareModeValue;
  scale: 'linear' | 'log';
  currency: Currency;
  fromYear: number;
  toYear: number;
  rates: readonly UsdPerEurRate[];
  /** Known breaks in the official series: no summary or index base is taken from an incomplete year. */
  breaks?: readonly SeriesBreak[];
}

/** One number of the view with everything the table needs to qualify it. */
export interface CompareCell {
  /** The value drawn: in the mode's unit (currency million, fraction, index or fractional change). */
  value: number | null;
  /** The absolute value in the selected currency, million. */
  amount: number | null;
  sourceId: string | null;
  isEstimate: boolean;
  isDerived: boolean;
  conversion: Conversion | null;
}

export type CompareChartDatum = { year: number } & Record<string, number | null>;

export interface CompareSummaryRow {
  code: string;
  name: string;
  firstYear: number | null;
  firstAmount: number | null;
  lastYear: number | null;
  lastAmount: number | null;
  /** lastAmount − firstAmount, currency million. */
  change: number | null;
  /** Compound annual growth between the first and last year with a positive value, fraction. */
  growth: number | null;
  /** Share of Kazakhstan's total in the last year, fraction. */
  share: number | null;
  /** Labels of the breaks between the first and the last year: the change and growth span them. */
  breaks: string[];
}

export type CompareUnitKind = 'currency' | 'share' | 'index' | 'change';

export interface CompareSeriesShape {
  years: number[];
  categories: { key: string; label: string }[];
  /** Rows for the chart; on a log scale, zero and negative values are gaps. */
  data: CompareChartDatum[];
  /** The same numbers for the table, per year and partner (log safety not applied). */
  cells: Record<string, Record<number, CompareCell>>;
  summary: CompareSummaryRow[];
  unit: { kind: CompareUnitKind; label: string; currency: Currency };
  breaks: SourceBreak[];
  /** Index base per partner (may differ from fromYear, see notes). */
  indexBase: Record<string, number | null>;
  notes: string[];
  conversion: SeriesConversionSummary | null;
  sourceIds: string[];
}

function unitOf(
  mode: CompareModeValue,
  currency: Currency,
  fromYear: number,
  texts: ChartTexts,
): { kind: CompareUnitKind; label: string } {
  switch (mode) {
    case 'share':
      return { kind: 'share', label: texts('unit.share') };
    case 'index':
      return { kind: 'index', label: texts('unit.index', { year: String(fromYear) }) };
    case 'change':
      return { kind: 'change', label: texts('unit.change') };
    default:
      return { kind: 'currency', label: texts('unit.currency', { currency }) };
  }
}

/** `texts`: the language of the unit and the notes (English by default: the exports). */
export function shapeCompareSeries(input: CompareShapeInput, texts: ChartTexts = chartTexts()): CompareSeriesShape {
  const { fromYear, toYear, mode, currency } = input;
  const years: number[] = [];
  for (let year = fromYear; year <= toYear; year += 1) years.push(year);
  const inRange = (p: { year: number }) => p.year >= fromYear && p.year <= toYear;
  const rates = rateTable(input.rates);
  const notes: string[] = [];
  const conversions: { year: number; converted: ReturnType<typeof convertAmount> }[] = [];

  // Absolute amounts in the selected currency, per partner and year (world included for shares).
  const convert = (point: CompareSourcePoint) => {
    const converted = convertAmount(point.valueUsdMn, point.year, 'USD', currency, rates);
    conversions.push({ year: point.year, converted });
    return converted;
  };
  const worldAmounts: YearValue[] = input.world.filter(inRange).map((p) => ({ year: p.year, value: convert(p).value }));

  const pointIndex = new Map<string, CompareSourcePoint>();
  for (const point of input.points.filter(inRange)) {
    const key = `${point.partnerCode}|${point.year}`;
    // Two values for one partner and year means the query mixed sources or periods.
    if (pointIndex.has(key)) throw new Error(`Duplicate point for ${point.partnerCode} in ${point.year}`);
    pointIndex.set(key, point);
  }

  const cells: Record<string, Record<number, CompareCell>> = {};
  const data: CompareChartDatum[] = years.map((year) => ({ year }));
  const indexBase: Record<string, number | null> = {};
  const summary: CompareSummaryRow[] = [];
  const sourceIds = new Set<string>();
  let droppedForLog = 0;
  let noChangeFromNonPositive = 0;

  const breaks = input.breaks ?? [];
  const measure = mode === 'share' ? 'share' : 'value';
  for (const partner of input.partners) {
    // Years whose figures are incomplete for this partner (1992-1993; Russia in 2010) never serve
    // as a first or last year, a base of an index, or an end of a growth rate.
    const unusable = unusableYears(breaks, partner.code, measure);
    const amounts: YearValue[] = [];
    const partnerCells: Record<number, CompareCell> = {};
    for (const year of years) {
      const point = pointIndex.get(`${partner.code}|${year}`);
      const converted = point ? convert(point) : null;
      if (point) sourceIds.add(point.sourceId);
      amounts.push({ year, value: converted?.value ?? null });
      partnerCells[year] = {
        value: null,
        amount: converted?.value ?? null,
        sourceId: point?.sourceId ?? null,
        isEstimate: point?.isEstimate ?? false,
        isDerived: point ? point.derivation !== 'PUBLISHED' : false,
        conversion: converted?.conversion ?? null,
      };
    }

    let values: YearValue[];
    if (mode === 'share') values = toShareOfTotal(amounts, worldAmounts);
    else if (mode === 'change') {
      values = toChangeOnYear(amounts);
      // Count the years whose change is undefined because the year before was zero or negative.
      amounts.forEach((a, i) => {
        const previous = amounts[i - 1];
        if (a.value !== null && previous && previous.value !== null && previous.value <= 0)
          noChangeFromNonPositive += 1;
      });
    } else if (mode === 'index') {
      let base = fromYear;
      while (unusable.has(base) && base < toYear) base += 1;
      const indexed = toIndex(amounts, base);
      indexBase[partner.code] = indexed.baseYear;
      if (base !== fromYear && indexed.baseYear !== null)
        notes.push(
          texts('notes.indexIncompleteBase', {
            partner: partner.name,
            fromYear: String(fromYear),
            baseYear: String(indexed.baseYear),
          }),
        );
      else if (indexed.issue === 'base-shifted')
        notes.push(
          texts('notes.indexShifted', {
            partner: partner.name,
            fromYear: String(fromYear),
            baseYear: String(indexed.baseYear),
          }),
        );
      if (indexed.issue === 'no-positive-base') notes.push(texts('notes.indexNoBase', { partner: partner.name }));
      values = indexed.points;
    } else values = amounts;

    const drawn = input.scale === 'log' ? toLogSafe(values) : { points: values, dropped: 0 };
    droppedForLog += drawn.dropped;
    values.forEach(({ year, value }, i) => {
      const cell = partnerCells[year];
      if (cell) cell.value = value;
      const row = data[i];
      if (row) row[partner.code] = drawn.points[i]?.value ?? null;
    });
    cells[partner.code] = partnerCells;

    const usable = amounts.filter((a) => !unusable.has(a.year));
    const known = usable.filter((a) => a.value !== null);
    const first = known[0];
    const last = known.at(-1);
    const positive = usable.filter((a) => a.value !== null && a.value > 0);
    const firstPositive = positive[0];
    const lastPositive = positive.at(-1);
    const worldLast = last ? worldAmounts.find((w) => w.year === last.year)?.value : undefined;
    summary.push({
      code: partner.code,
      name: partner.name,
      firstYear: first?.year ?? null,
      firstAmount: first?.value ?? null,
      lastYear: last?.year ?? null,
      lastAmount: last?.value ?? null,
      change:
        first && last && first !== last && first.value !== null && last.value !== null
          ? last.value - first.value
          : null,
      growth:
        firstPositive && lastPositive
          ? compoundAnnualGrowth(firstPositive.value, lastPositive.value, lastPositive.year - firstPositive.year)
          : null,
      share:
        last && last.value !== null && worldLast !== undefined && worldLast !== null && worldLast > 0
          ? last.value / worldLast
          : null,
      breaks:
        first && last && first !== last
          ? breaksBetween(breaks, partner.code, measure, first.year, last.year).map((b) => b.label)
          : [],
    });
  }

  if (droppedForLog > 0) {
    notes.push(texts('notes.logDropped', { count: droppedForLog }));
  }
  if (noChangeFromNonPositive > 0) {
    notes.push(texts('notes.changeNonPositive', { count: noChangeFromNonPositive }));
  }
  const conversion = currency === 'USD' ? null : summariseConversions(conversions);
  if (conversion && conversion.yearsWithoutRate.length > 0) {
    notes.push(
      texts('notes.noEurRate', {
        years: formatYears(conversion.yearsWithoutRate),
        count: conversion.yearsWithoutRate.length,
      }),
    );
  }

  const breakPoints = input.points.filter(inRange);
  const sourceBreaks = uniqueBreaks(
    input.partners.flatMap((p) => findSourceBreaks(breakPoints.filter((point) => point.partnerCode === p.code))),
  );
  if (mode === 'share') for (const b of findSourceBreaks(input.world.filter(inRange))) sourceBreaks.push(b);

  return {
    years,
    categories: input.partners.map((p) => ({ key: p.code, label: p.name })),
    data,
    cells,
    summary,
    unit: { ...unitOf(mode, currency, fromYear, texts), currency },
    breaks: uniqueBreaks(sourceBreaks),
    indexBase,
    notes,
    conversion,
    sourceIds: [...sourceIds, ...(mode === 'share' ? input.world.filter(inRange).map((w) => w.sourceId) : [])]
      .filter((id, i, all) => all.indexOf(id) === i)
      .sort(),
  };
}

function uniqueBreaks(breaks: readonly SourceBreak[]): SourceBreak[] {
  const seen = new Map<string, SourceBreak>();
  for (const b of breaks) seen.set(`${b.year}|${b.fromSourceId}|${b.toSourceId}`, b);
  return [...seen.values()].sort((a, b) => a.year - b.year || a.toSourceId.localeCompare(b.toSourceId));
}

/** "1992–1998" for a run, "1995, 1997" otherwise. */
export function formatYears(years: readonly number[]): string {
  if (years.length === 0) return '';
  const sorted = [...years].sort((a, b) => a - b);
  const consecutive = sorted.every((year, i) => i === 0 || year === (sorted[i - 1] ?? year) + 1);
  if (consecutive && sorted.length > 2) return `${sorted[0]}–${sorted.at(-1)}`;
  return sorted.join(', ');
}

export type CompareSortKeyValue = 'partner' | 'first' | 'last' | 'change' | 'growth' | 'share';

/**
 * Sorts the summary (at most a dozen rows, already shaped) by an allow-listed key; missing values
 * go last whichever the direction, then names keep a stable order.
 */
export function sortCompareSummary(
  rows: readonly CompareSummaryRow[],
  sort: CompareSortKeyValue,
  dir: 'asc' | 'desc',
): CompareSummaryRow[] {
  const valueOf = (row: CompareSummaryRow): number | string | null => {
    switch (sort) {
      case 'partner':
        return row.name;
      case 'first':
        return row.firstAmount;
      case 'last':
        return row.lastAmount;
      case 'change':
        return row.change;
      case 'growth':
        return row.growth;
      default:
        return row.share;
    }
  };
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = valueOf(a);
    const vb = valueOf(b);
    if (va === null && vb === null) return a.name.localeCompare(b.name);
    if (va === null) return 1;
    if (vb === null) return -1;
    const order = typeof va === 'string' && typeof vb === 'string' ? va.localeCompare(vb) : Number(va) - Number(vb);
    return order !== 0 ? order * sign : a.name.localeCompare(b.name);
  });
}
