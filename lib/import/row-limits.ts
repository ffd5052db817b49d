// Limits every imported row must keep, whatever its format: checked once for all readers on the
// normalised row (lib/import/import-file.ts), so no reader can let a row past them. Stated in the
// docs/import.md and in each refusal.
import type { RowProblem } from './problems';
import type { ObservationRow } from './tidy-row';

/**
 * Amounts (value × scale) the product computes with: sorting, shares and changes cast them to
 * float8, which holds about ±1.8e308 and nothing below 2.2e-308, and a value outside that made
 * every page that read it fail. The bounds leave room for sums and products of many values and
 * are far outside any trade figure (the world's annual trade is about 3e13 US dollars).
 */
export const MAX_ABS_AMOUNT_EXPONENT = 15;
export const MIN_ABS_AMOUNT_EXPONENT = -9;
export const AMOUNT_RANGE = `0, or between 1e${MIN_ABS_AMOUNT_EXPONENT} and 1e${MAX_ABS_AMOUNT_EXPONENT} in absolute value`;

/** Excel's limit for one cell; no text of a trade figure comes near it. */
export const MAX_TEXT_CHARS = 32_767;

/**
 * The decimal exponent of a decimal text (floor of log10 of its absolute value), or null for zero,
 * computed on the digits: Number() turns 1e400 into Infinity and 1e-400 into 0.
 */
export function decimalExponent(text: string): number | null {
  const m = /^[+-]?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m) return null;
  const [, int = '', frac = '', exp = '0'] = m;
  const digits = `${int}${frac}`;
  const first = digits.search(/[1-9]/);
  if (first === -1) return null;
  return int.length - first - 1 + Number(exp);
}

const TEXT_FIELDS = [
  ['period', 'period'],
  ['seriesKey', 'series_key'],
  ['unit', 'unit'],
  ['flag', 'flag'],
  ['note', 'note'],
  ['derivationNote', 'derivation_note'],
  ['locator', 'locator'],
  ['vintage', 'vintage'],
] as const satisfies readonly (readonly [keyof ObservationRow, string])[];

/** A period label that names a year of its own (2019, 2019-05, 2019-05-31), not a range such as 2012-2014. */
const LEADING_YEAR = /^(\d{4})(?:-\d{2}(?:-\d{2})?)?(?!\d|\s*-\s*\d{4})/;

const where = (row: ObservationRow) => (row.sheet ? { line: row.line, sheet: row.sheet } : { line: row.line });

function outOfRange(text: string, scale: number): boolean {
  const exponent = decimalExponent(text);
  if (exponent === null) return false;
  const amount = exponent + scale;
  return amount < MIN_ABS_AMOUNT_EXPONENT || amount >= MAX_ABS_AMOUNT_EXPONENT;
}

/** What is wrong with a row under these limits; empty when nothing is. */
export function rowLimitProblems(row: ObservationRow): RowProblem[] {
  const problems: RowProblem[] = [];
  const show = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}...` : text);
  if (outOfRange(row.value, row.scale))
    problems.push({
      ...where(row),
      column: 'value',
      found: `${show(row.value)}${row.scale ? ` × 1e${row.scale}` : ''}`,
      expected: `an amount (value × scale) of ${AMOUNT_RANGE}`,
    });
  if (row.statedGrowthPct !== null && outOfRange(row.statedGrowthPct, 0))
    problems.push({
      ...where(row),
      column: 'stated_growth_pct',
      found: show(row.statedGrowthPct),
      expected: `a percentage of ${AMOUNT_RANGE}`,
    });
  for (const [field, column] of TEXT_FIELDS) {
    const text = row[field];
    if (typeof text === 'string' && text.length > MAX_TEXT_CHARS)
      problems.push({
        ...where(row),
        column,
        found: `${text.length.toLocaleString('en-US')} characters`,
        expected: `at most ${MAX_TEXT_CHARS.toLocaleString('en-US')} characters (Excel's limit for a cell)`,
      });
  }
  const labelYear = LEADING_YEAR.exec(row.period)?.[1];
  if (row.year !== null && labelYear !== undefined && Number(labelYear) !== row.year)
    problems.push({
      ...where(row),
      column: 'period',
      found: `${show(row.period)} with year ${row.year}`,
      expected: `a period within the row's year (${row.year}), or the year of the period (${labelYear})`,
    });
  return problems;
}
