import { describe, expect, it } from 'vitest';
import { decimalExponent, MAX_TEXT_CHARS, rowLimitProblems } from './row-limits';
import { observationRow } from '@/lib/testing/observation-row';

const row = observationRow;

describe('decimalExponent', () => {
  it('is the decimal exponent of the digits, whatever a double would make of them', () => {
    expect(decimalExponent('1e400')).toBe(400);
    expect(decimalExponent('1e-400')).toBe(-400);
    expect(decimalExponent('-0.00012')).toBe(-4);
    expect(decimalExponent('123.4')).toBe(2);
    expect(decimalExponent('0.0')).toBeNull();
    expect(decimalExponent('0')).toBeNull();
    expect(decimalExponent('.5e3')).toBe(2);
  });
});

describe('rowLimitProblems', () => {
  it('accepts ordinary rows, zero included', () => {
    expect(rowLimitProblems(row({}))).toEqual([]);
    expect(rowLimitProblems(row({ value: '0', period: '2019-05', periodKind: 'MONTH' }))).toEqual([]);
    expect(rowLimitProblems(row({ period: '2012-2014', year: 2014, periodKind: 'MULTI_YEAR' }))).toEqual([]);
    expect(rowLimitProblems(row({ value: '999999999', scale: 6 }))).toEqual([]);
  });

  it('refuses amounts outside 1e-9 .. 1e15 after the scale, and stated growth alike', () => {
    expect(rowLimitProblems(row({ value: '1e400' }))[0]).toMatchObject({ column: 'value' });
    expect(rowLimitProblems(row({ value: '1000', scale: 12 }))[0]).toMatchObject({ column: 'value' });
    expect(rowLimitProblems(row({ value: '1e-10', scale: 0 }))[0]).toMatchObject({ column: 'value' });
    expect(rowLimitProblems(row({ statedGrowthPct: '1e309' }))[0]).toMatchObject({ column: 'stated_growth_pct' });
  });

  it('refuses text beyond a spreadsheet cell', () => {
    const problems = rowLimitProblems(
      row({ note: 'x'.repeat(MAX_TEXT_CHARS + 1), locator: 'y'.repeat(MAX_TEXT_CHARS) }),
    );
    expect(problems).toEqual([expect.objectContaining({ column: 'note', found: '32,768 characters' })]);
  });

  it('refuses a period that names another year than the row', () => {
    expect(rowLimitProblems(row({ year: 2024, period: '2019-05' }))[0]).toMatchObject({
      column: 'period',
      found: '2019-05 with year 2024',
    });
    expect(rowLimitProblems(row({ year: 2024, period: '2019-05-31 (visit)' }))).toHaveLength(1);
    expect(rowLimitProblems(row({ year: 2024, period: '2019' }))).toHaveLength(1);
  });
});
