// Shapes turnover points into the rows the charts draw: one row per year, one key per partner.
// Pure and unit-tested; the chart component only draws what it gets.
import type { TurnoverPoint, TurnoverSeriesPartner } from '@/lib/queries/overview';

/** One x-axis position: the year and each series' value in USD million (null = no data). */
export type TurnoverChartDatum = { year: number } & Record<string, number | null>;

export interface TurnoverChartCategory {
  /** Data key in each row: the partner code. */
  key: string;
  /** Legend and tooltip label. */
  label: string;
  /** The reporter's total with the world, drawn apart from the partner lines. */
  isTotal: boolean;
}

export interface TurnoverChartSeries {
  data: TurnoverChartDatum[];
  categories: TurnoverChartCategory[];
}

interface TurnoverSeriesShape {
  partners: readonly TurnoverSeriesPartner[];
  points: readonly TurnoverPoint[];
  fromYear: number | null;
  toYear: number | null;
}

export const WORLD_TOTAL_LABEL = 'World (total)';

/**
 * Every year from `fromYear` to `toYear` gets a row, so a year without any data still shows as a
 * gap on the time axis instead of the line jumping over it. A partner without a value in a year
 * gets null there, never 0: a missing figure is unknown, not "no trade". The world total's label
 * is `worldLabel` (the page's language).
 */
export function toTurnoverChartSeries(
  series: TurnoverSeriesShape,
  worldLabel: string = WORLD_TOTAL_LABEL,
): TurnoverChartSeries {
  const categories = series.partners.map((partner) => ({
    key: partner.code,
    label: partner.isWorld ? worldLabel : partner.name,
    isTotal: partner.isWorld,
  }));
  if (series.fromYear === null || series.toYear === null || series.fromYear > series.toYear) {
    return { data: [], categories };
  }

  const rows = new Map<number, TurnoverChartDatum>();
  for (let year = series.fromYear; year <= series.toYear; year += 1) {
    const row: TurnoverChartDatum = { year };
    for (const category of categories) row[category.key] = null;
    rows.set(year, row);
  }

  const keys = new Set(categories.map((category) => category.key));
  const seen = new Set<string>();
  for (const point of series.points) {
    const row = rows.get(point.year);
    if (!row || !keys.has(point.partnerCode)) continue;
    const id = `${point.partnerCode}:${point.year}`;
    // Two values for one partner and year means the query mixed sources or periods.
    if (seen.has(id)) throw new Error(`Duplicate turnover point for ${point.partnerCode} in ${point.year}`);
    seen.add(id);
    row[point.partnerCode] = Number.isFinite(point.valueUsdMn) ? point.valueUsdMn : null;
  }

  return { data: [...rows.values()], categories };
}
