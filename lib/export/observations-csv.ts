// Writes observations in the tidy layout: its 13 columns first, then the columns that carry what
// the tidy layout cannot say. The importer reads this back unchanged.
import { stringify } from 'csv-stringify/sync';
import type { ObservationRecord } from '@/lib/queries/observations';
import { scaleLabel, UNSPECIFIED_REPORTER } from '@/lib/import/tidy-row';
import { neutraliseFormula } from './spreadsheet-safe';

export const EXPORT_COLUMNS = [
  'source_id', 'reporter', 'reporter_code', 'partner', 'partner_code', 'year', 'period', 'flow', 'value', 'unit',
  'scale', 'flag', 'note',
  'qualifier', 'derivation', 'derivation_note', 'stated_growth_pct', 'locator', 'series_key', 'period_kind',
  'period_start', 'period_end', 'vintage', 'indicator_label', 'source_title', 'source_publisher', 'source_url',
] as const;

const text = (v: string | null) => (v === null ? '' : neutraliseFormula(v));

export function toCsvCells(r: ObservationRecord): string[] {
  const unspecified = r.reporter_code === UNSPECIFIED_REPORTER;
  return [
    text(r.source_id), text(unspecified ? 'unspecified' : r.reporter), unspecified ? '' : r.reporter_code,
    text(r.partner), r.partner_code, r.year === null ? '' : String(r.year), text(r.period), r.flow,
    // Numbers stay numbers: a negative value is not a formula and keeps its minus sign.
    r.value, r.unit, scaleLabel(r.scale), text(r.flag), text(r.note),
    r.qualifier, r.derivation, text(r.derivation_note), r.stated_growth_pct ?? '', text(r.locator), text(r.series_key),
    r.period_kind, r.period_start ?? '', r.period_end ?? '', text(r.vintage), text(r.indicator_label),
    text(r.source_title), text(r.source_publisher), text(r.source_url),
  ];
}

export const csvHeader = () => stringify([[...EXPORT_COLUMNS]]);
export const csvRows = (rows: ObservationRecord[]) => stringify(rows.map(toCsvCells));
