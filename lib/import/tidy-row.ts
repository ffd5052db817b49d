// Validation of one row of the tidy layout into an observation ready for COPY.
import { DERIVATIONS, FLAGS, QUALIFIERS, type Derivation, type Qualifier } from './flags';
import { parsePeriod, periodKey, type PeriodKind } from './period';
import { restoreNeutralised } from '../export/spreadsheet-safe';
import { isDecimal } from './decimal';
import type { RowProblem } from './problems';

export type { RowProblem } from './problems';

/** The 13 columns of the tidy layout, in order (../shared/data/README.md). */
export const TIDY_COLUMNS = [
  'source_id', 'reporter', 'reporter_code', 'partner', 'partner_code', 'year', 'period',
  'flow', 'value', 'unit', 'scale', 'flag', 'note',
] as const;

/** Optional columns after the 13 that carry what the tidy layout cannot say. */
export const EXTRA_COLUMNS = [
  'qualifier', 'derivation', 'derivation_note', 'stated_growth_pct', 'locator', 'series_key',
  'period_kind', 'period_start', 'period_end', 'vintage',
] as const;

/** Reporter code stored for rows whose source does not say whose statistics they are. */
export const UNSPECIFIED_REPORTER = 'XXX';

export const SCALES: Record<string, number> = {
  '1': 0, '1e0': 0, '1e3': 3, '1000': 3, '1e6': 6, '1000000': 6, '1e9': 9, '1000000000': 9,
};
export const scaleLabel = (exp: number) => (exp === 0 ? '1' : `1e${exp}`);

const CODE = /^(?:[A-Z]{3}|AGG_[A-Z0-9_]+)$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PERIOD_KINDS: readonly PeriodKind[] = ['YEAR', 'MONTH', 'MONTHS_TO_DATE', 'MULTI_YEAR', 'STOCK_AT_DATE', 'DATE'];

export interface ObservationRow {
  line: number;
  /** Worksheet the row comes from, for workbooks. */
  sheet?: string | null;
  sourceId: string;
  reporterCode: string;
  partnerCode: string;
  indicatorCode: string;
  year: number | null;
  period: string;
  periodKind: PeriodKind;
  periodStart: string | null;
  periodEnd: string | null;
  periodKey: string;
  seriesKey: string;
  value: string;
  unit: string;
  scale: number;
  flag: string;
  qualifier: Qualifier;
  isEstimate: boolean;
  derivation: Derivation;
  derivationNote: string | null;
  statedGrowthPct: string | null;
  locator: string | null;
  note: string | null;
  vintage: string | null;
}

const show = (v: string) => (v.length > 60 ? `${v.slice(0, 57)}...` : v);

/** `record` maps header names to cell text. Returns the row or the problems found in it. */
export function parseTidyRow(
  record: Record<string, string | undefined>,
  line: number,
  overrides: { sourceId?: string; vintage?: string } = {},
): { row: ObservationRow } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  // Exports prefix formula-like text with an apostrophe; reading it back removes that prefix.
  const cell = (name: string) => restoreNeutralised((record[name] ?? '').trim());
  const fail = (column: string, expected: string) => problems.push({ line, column, found: show(cell(column)), expected });

  const sourceId = overrides.sourceId ?? cell('source_id');
  if (!sourceId) fail('source_id', 'a source id');

  let reporterCode = cell('reporter_code');
  if (reporterCode === '') reporterCode = UNSPECIFIED_REPORTER;
  else if (!CODE.test(reporterCode)) fail('reporter_code', 'an ISO 3166 alpha-3 code or an AGG_* code');
  const partnerCode = cell('partner_code');
  if (!CODE.test(partnerCode)) fail('partner_code', 'an ISO 3166 alpha-3 code or an AGG_* code');

  const indicatorCode = cell('flow');
  if (!/^[a-z][a-z0-9_]*$/.test(indicatorCode)) fail('flow', 'an indicator code such as export, import or turnover');

  const yearText = cell('year');
  let year: number | null = null;
  if (yearText !== '') {
    year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
    if (Number.isNaN(year) || year < 1900 || year > 2100) fail('year', 'a four-digit year between 1900 and 2100, or empty');
  }

  const period = cell('period');
  let parsedPeriod = period ? parsePeriod(year !== null && !Number.isNaN(year) ? year : null, period) : null;
  const kindOverride = cell('period_kind');
  if (kindOverride) {
    if (!PERIOD_KINDS.includes(kindOverride as PeriodKind)) fail('period_kind', PERIOD_KINDS.join(', '));
    else {
      const start = cell('period_start') || null;
      const end = cell('period_end') || null;
      if (start && !ISO_DATE.test(start)) fail('period_start', 'a date YYYY-MM-DD');
      if (end && !ISO_DATE.test(end)) fail('period_end', 'a date YYYY-MM-DD');
      parsedPeriod = { kind: kindOverride as PeriodKind, start, end };
    }
  }
  if (!period) fail('period', 'a period such as FY, 2024-03, Jan-Nov, H1 or end-of-year');
  else if (!parsedPeriod) fail('period', 'a period such as FY, 2024-03, Jan-Nov, H1 or end-of-year (FY, H1 and Jan-… need a year)');

  const value = cell('value');
  if (!isDecimal(value)) fail('value', 'a number with a dot as decimal separator, no thousands separators');

  const unit = cell('unit');
  if (!/^[A-Za-z%][A-Za-z0-9_%]*$/.test(unit)) fail('unit', 'a unit such as USD, EUR or count');

  const scaleText = cell('scale');
  const scale = SCALES[scaleText];
  if (scale === undefined) fail('scale', '1, 1e3, 1e6 or 1e9');

  const flag = cell('flag');
  const meaning = FLAGS[flag];
  if (!meaning) fail('flag', `one of: ${Object.keys(FLAGS).filter(Boolean).join(', ')} or empty`);

  let qualifier = meaning?.qualifier ?? 'EXACT';
  const qualifierText = cell('qualifier');
  if (qualifierText) {
    if (QUALIFIERS.includes(qualifierText as Qualifier)) qualifier = qualifierText as Qualifier;
    else fail('qualifier', QUALIFIERS.join(', '));
  }
  let derivation = meaning?.derivation ?? 'PUBLISHED';
  const derivationText = cell('derivation');
  if (derivationText) {
    if (DERIVATIONS.includes(derivationText as Derivation)) derivation = derivationText as Derivation;
    else fail('derivation', DERIVATIONS.join(', '));
  }
  const growth = cell('stated_growth_pct');
  if (growth && !isDecimal(growth)) fail('stated_growth_pct', 'a number (percent) or empty');

  if (problems.length > 0 || !parsedPeriod || scale === undefined || !meaning || year === null && yearText !== '') {
    return { problems };
  }
  const note = cell('note');
  return {
    row: {
      line,
      sourceId,
      reporterCode,
      partnerCode,
      indicatorCode,
      year,
      period,
      periodKind: parsedPeriod.kind,
      periodStart: parsedPeriod.start,
      periodEnd: parsedPeriod.end,
      periodKey: periodKey(year, period),
      seriesKey: cell('series_key'),
      value,
      unit,
      scale,
      flag,
      qualifier,
      isEstimate: meaning.estimate || qualifier === 'ESTIMATE',
      derivation,
      derivationNote: cell('derivation_note') || (derivation === 'DERIVED' && note.startsWith('derived') ? note : null),
      statedGrowthPct: growth || null,
      locator: cell('locator') || null,
      note: note || null,
      vintage: cell('vintage') || overrides.vintage || null,
    },
  };
}
