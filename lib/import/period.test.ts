import { describe, expect, it } from 'vitest';
import { parsePeriod, periodKey } from './period';

describe('parsePeriod', () => {
  it.each([
    [2020, 'FY', { kind: 'YEAR', start: '2020-01-01', end: '2020-12-31' }],
    [2019, 'signature year', { kind: 'YEAR', start: '2019-01-01', end: '2019-12-31' }],
    [2019, '2019-02', { kind: 'MONTH', start: '2019-02-01', end: '2019-02-28' }],
    [2024, '2024-02', { kind: 'MONTH', start: '2024-02-01', end: '2024-02-29' }],
    [2023, 'Jan-Nov', { kind: 'MONTHS_TO_DATE', start: '2023-01-01', end: '2023-11-30' }],
    [2023, 'H1', { kind: 'MONTHS_TO_DATE', start: '2023-01-01', end: '2023-06-30' }],
    [2022, 'end-of-year', { kind: 'STOCK_AT_DATE', start: null, end: '2022-12-31' }],
    [null, 'cumulative 1991-2019 (to Sep 2019)', { kind: 'MULTI_YEAR', start: '1991-01-01', end: '2019-12-31' }],
    [2024, '2024-07-03 (state visit, Astana)', { kind: 'DATE', start: '2024-07-03', end: '2024-07-03' }],
    [null, 'signature year', { kind: 'STOCK_AT_DATE', start: null, end: null }],
  ] as const)('%s %s', (year, label, expected) => {
    expect(parsePeriod(year, label)).toEqual(expected);
  });

  it('refuses labels it cannot place', () => {
    expect(parsePeriod(null, 'FY')).toBeNull();
    expect(parsePeriod(2020, 'Jan-Foo')).toBeNull();
    expect(parsePeriod(2020, '2020-13')).toBeNull();
    expect(parsePeriod(2020, '2020-02-30')).toBeNull();
    expect(parsePeriod(2020, 'whenever')).toBeNull();
  });

  it('builds a key that is never null and tells years apart', () => {
    expect(periodKey(null, 'cumulative')).toBe('|cumulative');
    expect(periodKey(2020, 'FY')).not.toBe(periodKey(2021, 'FY'));
  });
});
