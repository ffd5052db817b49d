// The compare view as flat rows: one per partner and year, with the number drawn, the amount it
// comes from, and everything needed to qualify it. The CSV, XLSX and JSON exports write exactly
// these rows, so a download holds the same numbers as the chart and its table. Pure.
import { describeConversion } from './currency';
import type { CompareSeriesShape } from './compare-series';

export interface CompareExportRow {
  partner_code: string;
  partner: string;
  year: number;
  flow: string;
  mode: string;
  /** The value drawn, in value_unit (shares and changes as fractions). */
  value: number | null;
  value_unit: string;
  /** The amount behind it, in amount_unit. */
  amount: number | null;
  amount_unit: string;
  source_id: string | null;
  source: string | null;
  is_estimate: boolean;
  is_derived: boolean;
  conversion: string | null;
}

export interface CompareExportContext {
  flow: string;
  mode: string;
  /** Source id → title, for the `source` column. */
  sourceTitles: ReadonlyMap<string, string>;
  /**
   * Partner codes in the order the screen lists them (the sorted summary table); partners not
   * named keep the chart's order after them.
   */
  partnerOrder?: readonly string[];
}

/** Values stay full-precision numbers; shares and changes are fractions, as the unit column says. */
export function toCompareExportRows(shape: CompareSeriesShape, context: CompareExportContext): CompareExportRow[] {
  const valueUnit =
    shape.unit.kind === 'share'
      ? 'fraction of Kazakhstan’s total with the world'
      : shape.unit.kind === 'change'
        ? 'fractional change on the previous year'
        : shape.unit.label;
  const position = new Map((context.partnerOrder ?? []).map((code, index) => [code, index]));
  const categories = shape.categories
    .map((category, index) => ({ category, rank: position.get(category.key) ?? position.size + index }))
    .sort((a, b) => a.rank - b.rank)
    .map((entry) => entry.category);
  const rows: CompareExportRow[] = [];
  for (const category of categories) {
    const cells = shape.cells[category.key] ?? {};
    for (const year of shape.years) {
      const cell = cells[year];
      if (!cell || (cell.amount === null && cell.value === null && cell.sourceId === null)) continue;
      rows.push({
        partner_code: category.key,
        partner: category.label,
        year,
        flow: context.flow,
        mode: context.mode,
        value: cell.value,
        value_unit: valueUnit,
        amount: cell.amount,
        amount_unit: `${shape.unit.currency} million`,
        source_id: cell.sourceId,
        source: cell.sourceId ? (context.sourceTitles.get(cell.sourceId) ?? cell.sourceId) : null,
        is_estimate: cell.isEstimate,
        is_derived: cell.isDerived,
        conversion: cell.conversion ? describeConversion(cell.conversion) : null,
      });
    }
  }
  return rows;
}
