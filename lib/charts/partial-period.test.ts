import { describe, expect, it } from 'vitest';
import {
  areComparable,
  comparePartialFigures,
  isFullYear,
  likeForLike,
  monthSpanLabel,
  periodLabel,
  spanFromDates,
} from './partial-period';

describe('monthSpanLabel and periodLabel', () => {
  it('names the months a figure covers', () => {
    expect(monthSpanLabel({ firstMonth: 1, lastMonth: 11 })).toBe('January–November');
    expect(monthSpanLabel({ firstMonth: 1, lastMonth: 6 }, { short: true })).toBe('Jan–Jun');
    expect(monthSpanLabel({ firstMonth: 3, lastMonth: 3 })).toBe('March');
    expect(monthSpanLabel({ firstMonth: 1, lastMonth: 12 })).toBe('full year');
    expect(periodLabel({ year: 2026, firstMonth: 1, lastMonth: 6 })).toBe('2026 (January–June)');
    expect(periodLabel({ year: 2025, firstMonth: 1, lastMonth: 12 })).toBe('2025');
  });
});

describe('spanFromDates', () => {
  it('reads whole-month spans within one year', () => {
    expect(spanFromDates('2023-01-01', '2023-11-30')).toEqual({ year: 2023, firstMonth: 1, lastMonth: 11 });
    expect(spanFromDates('2024-01-01', '2024-02-29')).toEqual({ year: 2024, firstMonth: 1, lastMonth: 2 });
    expect(isFullYear(spanFromDates('2022-01-01', '2022-12-31')!)).toBe(true);
  });

  it('refuses spans that are not whole months of one year', () => {
    expect(spanFromDates('1991-01-01', '2019-12-31')).toBeNull();
    expect(spanFromDates('2023-01-15', '2023-06-30')).toBeNull();
    expect(spanFromDates('2023-01-01', '2023-06-29')).toBeNull();
    expect(spanFromDates(null, '2023-06-30')).toBeNull();
  });
});

describe('likeForLike', () => {
  const values = [
    { year: 2024, firstMonth: 1, lastMonth: 6, value: 80 },
    { year: 2025, firstMonth: 1, lastMonth: 6, value: 88 },
    { year: 2026, firstMonth: 1, lastMonth: 6, value: 99 },
    // A full year must never be compared with January–June.
    { year: 2025, firstMonth: 1, lastMonth: 12, value: 170 },
    { year: 2023, firstMonth: 1, lastMonth: 11, value: 150 },
  ];

  it('keeps only the same months and compares each year with the same months of the year before', () => {
    const result = likeForLike(values, { firstMonth: 1, lastMonth: 6 });
    expect(result.rows.map((r) => r.year)).toEqual([2024, 2025, 2026]);
    expect(result.rows[0]?.changeOnYear).toBeNull();
    expect(result.rows[1]?.changeOnYear).toBeCloseTo(0.1, 12);
    expect(result.rows[2]?.changeOnYear).toBeCloseTo(0.125, 12);
  });

  it('does not compare across a missing year', () => {
    const result = likeForLike([...values, { year: 2021, firstMonth: 1, lastMonth: 6, value: 50 }], {
      firstMonth: 1,
      lastMonth: 6,
    });
    expect(result.rows[0]).toEqual({ year: 2021, value: 50, changeOnYear: null });
    expect(result.rows[1]?.changeOnYear).toBeNull();
  });

  it('says a partial year and a full year are not comparable', () => {
    expect(areComparable({ firstMonth: 1, lastMonth: 11 }, { firstMonth: 1, lastMonth: 12 })).toBe(false);
    expect(areComparable({ firstMonth: 1, lastMonth: 11 }, { firstMonth: 1, lastMonth: 11 })).toBe(true);
  });
});

describe('comparePartialFigures', () => {
  const f = (seriesKey: string, year: number, lastMonth: number, value: number) => ({
    seriesKey,
    year,
    firstMonth: 1,
    lastMonth,
    value,
    meta: { id: `${seriesKey}${year}${lastMonth}` },
  });

  it('pairs a partial year only with the same months of the previous year in the same series', () => {
    const result = comparePartialFigures([
      f('EU', 2023, 11, 37.7),
      f('EU', 2022, 11, 36.53),
      f('EU', 2022, 12, 40),
      f('EUROPE', 2022, 11, 39.6),
      f('CHN', 2023, 10, 24.3),
    ]);
    expect(result.map((r) => [r.figure.meta.id, r.previous?.meta.id ?? null])).toEqual([
      ['EU202311', 'EU202211'],
      ['CHN202310', null],
      ['EU202211', null],
      ['EUROPE202211', null],
    ]);
    expect(result[0]?.change).toBeCloseTo(37.7 / 36.53 - 1, 12);
  });

  it('computes no change against a year before that was worked back from the same stated change', () => {
    // The article states EU turnover for January-November 2023 and its growth (+3.2%); the 2022
    // figure of the dataset is 37.7 / 1.032, derived from that growth, so a change computed
    // against it would only restate the claim.
    const result = comparePartialFigures([
      { ...f('EU', 2023, 11, 37.7), statedChange: 0.032 },
      { ...f('EU', 2022, 11, 36.53), derived: true },
    ]);
    expect(result[0]).toMatchObject({ change: null, circular: true });
    // A published base is compared as before.
    const published = comparePartialFigures([
      { ...f('EU', 2023, 11, 37.7), statedChange: 0.032 },
      f('EU', 2022, 11, 36),
    ]);
    expect(published[0]?.circular).toBe(false);
    expect(published[0]?.change).toBeCloseTo(37.7 / 36 - 1, 12);
  });
});
