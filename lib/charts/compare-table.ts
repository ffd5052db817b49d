// The compare view as flat rows: one per partner and year, with the number drawn, the amount it
// comes from, and everything needed to qualify it. The CSV/JSON export writes exactly these rows,
// so a download holds the same numbers as the chart and its table. Pure.
import { describeConversion } from './currency';
import type { CompareSeriesShape } from './compare-series';

export const COMPARE_EXPORT_COLUMNS = [
  'partner_code',
  'partner',
  'year',
  'flow',
  'mode',
  'value',
  'value_unit',
  'amount',
  'amount_unit',
  'source_id',
  'source',
  'is_estimate',
  'is_derived',
  'conversion',
] as const;

export type CompareExportRow = Record<(typeof COMPARE_EXPORT_COLUMNS)[number], string | number | boolean | null>;

export interface CompareExportContext {
  flow: string;
  mode: string;
  /** Source id → title, for the `source` column. */
  sourceTitles: ReadonlyMap<string, string>;
}

/** Values stay full-precision numbers; shares and changes are fractions, as the unit column says. */
export function toCompareExportRows(shape: CompareSeriesShape, context: CompareExportContext): CompareExportRow[] {
  const valueUnit =
    shape.unit.kind === 'share'
      ? 'fraction of Kazakhstan’s total with the world'
      : shape.unit.kind === 'change'
        ? 'fractional change on the previous year'
        : shape.unit.label;
  const rows: CompareExportRow[] = [];
  for (const category of shape.categories) {
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
