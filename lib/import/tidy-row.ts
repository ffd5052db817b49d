// Validation of one row of the tidy layout into an observation ready for COPY.
import { UNSPECIFIED_REPORTER } from '@/lib/constants';
import { DERIVATIONS, FLAGS, QUALIFIERS, type Derivation, type Qualifier } from '@/lib/tidy/flags';
import { SCALES } from '@/lib/tidy/scale';
import { parsePeriod, periodKey, type ParsedPeriod, type PeriodKind } from './period';
import { restoreNeutralised } from '@/lib/tidy/spreadsheet-safe';
import { isDecimal } from './decimal';
import type { RowProblem } from './problems';

export type { RowProblem } from './problems';

/** The 13 columns of the tidy layout, in order (../shared/data/README.md). */
export const TIDY_COLUMNS = [
  'source_id',
  'reporter',
  'reporter_code',
  'partner',
  'partner_code',
  'year',
  'period',
  'flow',
  'value',
  'unit',
  'scale',
  'flag',
  'note',
] as const;

const CODE = /^(?:[A-Z]{3}|AGG_[A-Z0-9_]+)$/;
const INDICATOR_CODE = /^[a-z][a-z0-9_]*$/;
const YEAR = /^\d{4}$/;
const UNIT = /^[A-Za-z%][A-Za-z0-9_%]*$/;
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

/** Where a row's cells come from, by header name. */
export interface CellSource {
  get(name: string): string;
}

/**
 * The fields of one CSV record, looked up by header name. One instance serves a whole file (its
 * `fields` are swapped per record), so that reading a row builds no lookup object.
 */
export class FieldCells implements CellSource {
  fields: readonly string[] = [];
  private readonly index: Map<string, number>;

  constructor(header: readonly string[]) {
    this.index = new Map(header.map((h, i) => [h, i]));
  }

  get(name: string): string {
    const i = this.index.get(name);
    return i === undefined ? '' : (this.fields[i] ?? '');
  }
}

class RecordCells implements CellSource {
  constructor(private readonly record: Record<string, string | undefined>) {}

  get(name: string): string {
    return this.record[name] ?? '';
  }
}

// Exports prefix formula-like text with an apostrophe; reading it back removes that prefix.
const cellText = (src: CellSource, name: string) => restoreNeutralised(src.get(name).trim());

// Module-level helpers rather than closures per row: a million rows means a million closures.
function addProblem(
  list: RowProblem[] | null,
  src: CellSource,
  line: number,
  column: string,
  expected: string,
): RowProblem[] {
  const out = list ?? [];
  out.push({ line, column, found: show(cellText(src, column)), expected });
  return out;
}

// Most files use a handful of (year, period) pairs: parse each once.
const PERIOD_CACHE = new Map<string, ParsedPeriod | null>();
function cachedPeriod(key: string, year: number | null, period: string): ParsedPeriod | null {
  let parsed = PERIOD_CACHE.get(key);
  if (parsed === undefined) {
    parsed = parsePeriod(year, period);
    if (PERIOD_CACHE.size > 10_000) PERIOD_CACHE.clear();
    PERIOD_CACHE.set(key, parsed);
  }
  return parsed;
}

/** `record` maps header names to cell text. Returns the row or the problems found in it. */
export function parseTidyRow(
  record: Record<string, string | undefined>,
  line: number,
  overrides: { sourceId?: string; vintage?: string } = {},
): { row: ObservationRow } | { problems: RowProblem[] } {
  return parseTidyCells(new RecordCells(record), line, overrides);
}

export function parseTidyCells(
  src: CellSource,
  line: number,
  overrides: { sourceId?: string; vintage?: string } = {},
): { row: ObservationRow } | { problems: RowProblem[] } {
  let problems: RowProblem[] | null = null;

  const sourceId = overrides.sourceId ?? cellText(src, 'source_id');
  if (!sourceId) problems = addProblem(problems, src, line, 'source_id', 'a source id');

  let reporterCode = cellText(src, 'reporter_code');
  if (reporterCode === '') reporterCode = UNSPECIFIED_REPORTER;
  else if (!CODE.test(reporterCode))
    problems = addProblem(problems, src, line, 'reporter_code', 'an ISO 3166 alpha-3 code or an AGG_* code');
  const partnerCode = cellText(src, 'partner_code');
  if (!CODE.test(partnerCode))
    problems = addProblem(problems, src, line, 'partner_code', 'an ISO 3166 alpha-3 code or an AGG_* code');

  const indicatorCode = cellText(src, 'flow');
  if (!INDICATOR_CODE.test(indicatorCode))
    problems = addProblem(problems, src, line, 'flow', 'an indicator code such as export, import or turnover');

  const yearText = cellText(src, 'year');
  let year: number | null = null;
  if (yearText !== '') {
    year = YEAR.test(yearText) ? Number(yearText) : Number.NaN;
    if (Number.isNaN(year) || year < 1900 || year > 2100)
      problems = addProblem(problems, src, line, 'year', 'a four-digit year between 1900 and 2100, or empty');
  }

  const period = cellText(src, 'period');
  const validYear = year !== null && !Number.isNaN(year) ? year : null;
  const key = periodKey(year, period);
  let parsedPeriod = period ? cachedPeriod(key, validYear, period) : null;
  const kindOverride = cellText(src, 'period_kind');
  if (kindOverride) {
    if (!PERIOD_KINDS.includes(kindOverride as PeriodKind))
      problems = addProblem(problems, src, line, 'period_kind', PERIOD_KINDS.join(', '));
    else {
      const start = cellText(src, 'period_start') || null;
      const end = cellText(src, 'period_end') || null;
      if (start && !ISO_DATE.test(start))
        problems = addProblem(problems, src, line, 'period_start', 'a date YYYY-MM-DD');
      if (end && !ISO_DATE.test(end)) problems = addProblem(problems, src, line, 'period_end', 'a date YYYY-MM-DD');
      parsedPeriod = { kind: kindOverride as PeriodKind, start, end };
    }
  }
  if (!period)
    problems = addProblem(problems, src, line, 'period', 'a period such as FY, 2024-03, Jan-Nov, H1 or end-of-year');
  else if (!parsedPeriod)
    problems = addProblem(
      problems,
      src,
      line,
      'period',
      'a period such as FY, 2024-03, Jan-Nov, H1 or end-of-year (FY, H1 and Jan-… need a year)',
    );

  const value = cellText(src, 'value');
  if (!isDecimal(value))
    problems = addProblem(
      problems,
      src,
      line,
      'value',
      'a number with a dot as decimal separator, no thousands separators',
    );

  const unit = cellText(src, 'unit');
  if (!UNIT.test(unit)) problems = addProblem(problems, src, line, 'unit', 'a unit such as USD, EUR or count');

  const scale = SCALES[cellText(src, 'scale')];
  if (scale === undefined) problems = addProblem(problems, src, line, 'scale', '1, 1e3, 1e6 or 1e9');

  const flag = cellText(src, 'flag');
  const meaning = FLAGS[flag];
  if (!meaning)
    problems = addProblem(
      problems,
      src,
      line,
      'flag',
      `one of: ${Object.keys(FLAGS).filter(Boolean).join(', ')} or empty`,
    );

  let qualifier = meaning?.qualifier ?? 'EXACT';
  const qualifierText = cellText(src, 'qualifier');
  if (qualifierText) {
    if (QUALIFIERS.includes(qualifierText as Qualifier)) qualifier = qualifierText as Qualifier;
    else problems = addProblem(problems, src, line, 'qualifier', QUALIFIERS.join(', '));
  }
  let derivation = meaning?.derivation ?? 'PUBLISHED';
  const derivationText = cellText(src, 'derivation');
  if (derivationText) {
    if (DERIVATIONS.includes(derivationText as Derivation)) derivation = derivationText as Derivation;
    else problems = addProblem(problems, src, line, 'derivation', DERIVATIONS.join(', '));
  }
  const growth = cellText(src, 'stated_growth_pct');
  if (growth && !isDecimal(growth))
    problems = addProblem(problems, src, line, 'stated_growth_pct', 'a number (percent) or empty');

  if (problems || !parsedPeriod || scale === undefined || !meaning || (year === null && yearText !== '')) {
    return { problems: problems ?? [] };
  }
  const note = cellText(src, 'note');
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
      periodKey: key,
      seriesKey: cellText(src, 'series_key'),
      value,
      unit,
      scale,
      flag,
      qualifier,
      isEstimate: meaning.estimate || qualifier === 'ESTIMATE',
      derivation,
      derivationNote:
        cellText(src, 'derivation_note') || (derivation === 'DERIVED' && note.startsWith('derived') ? note : null),
      statedGrowthPct: growth || null,
      locator: cellText(src, 'locator') || null,
      note: note || null,
      vintage: cellText(src, 'vintage') || overrides.vintage || null,
    },
  };
}
