// Shapes the composition of Kazakhstan's turnover (top partners + other = 100% of the total) into
// stacked-bar rows. The parts come from one query that already excludes overlaps (the EU as a
// block or its members, never both), so shares of a year add up to 1. Pure and unit-tested.

export interface CompositionPartInput {
  key: string;
  label: string;
  rank: number;
}

export interface CompositionPointInput {
  year: number;
  key: string;
  valueUsdMn: number;
  share: number;
}

export type CompositionDatum = { year: number } & Record<string, number | null>;

export interface CompositionChart {
  /** Stack order, bottom to top: largest partner first, the remainder last. */
  categories: { key: string; label: string; isOther: boolean }[];
  /** Shares (0..1) by year. */
  data: CompositionDatum[];
  /** The same in USD million, for the table. */
  values: CompositionDatum[];
}

export function toCompositionChart(
  parts: readonly CompositionPartInput[],
  points: readonly CompositionPointInput[],
  otherKey: string,
): CompositionChart {
  const categories = [...parts]
    .sort((a, b) => a.rank - b.rank)
    .map((p) => ({ key: p.key, label: p.label, isOther: p.key === otherKey }));
  const years = [...new Set(points.map((p) => p.year))].sort((a, b) => a - b);
  const empty = (year: number): CompositionDatum => {
    const row: CompositionDatum = { year };
    for (const category of categories) row[category.key] = null;
    return row;
  };
  const data = new Map(years.map((year) => [year, empty(year)]));
  const values = new Map(years.map((year) => [year, empty(year)]));
  for (const point of points) {
    const shareRow = data.get(point.year);
    const valueRow = values.get(point.year);
    if (!shareRow || !valueRow || !(point.key in shareRow)) continue;
    if (shareRow[point.key] !== null) throw new Error(`Duplicate composition point ${point.key} in ${point.year}`);
    shareRow[point.key] = point.share;
    valueRow[point.key] = point.valueUsdMn;
  }
  return { categories, data: [...data.values()], values: [...values.values()] };
}
