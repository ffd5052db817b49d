import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compoundAnnualGrowth,
  findSourceBreaks,
  toChangeOnYear,
  toIndex,
  toLogSafe,
  toShareOfTotal,
} from './series-transforms';

const series = (...pairs: [number, number | null][]) => pairs.map(([year, value]) => ({ year, value }));

describe('toShareOfTotal', () => {
  it('divides by the total of the same year', () => {
    expect(toShareOfTotal(series([2019, 25], [2020, 10]), series([2019, 100], [2020, 40]))).toEqual(
      series([2019, 0.25], [2020, 0.25]),
    );
  });

  it('gives no share without a total, with a zero total, or for an unknown value', () => {
    expect(toShareOfTotal(series([2019, 5], [2020, 5], [2021, null]), series([2020, 0], [2021, 10]))).toEqual(
      series([2019, null], [2020, null], [2021, null]),
    );
  });
});

describe('toIndex', () => {
  it('sets the base year to 100', () => {
    const indexed = toIndex(series([2000, 50], [2001, 75], [2002, 25]), 2000);
    expect(indexed).toEqual({ points: series([2000, 100], [2001, 150], [2002, 50]), baseYear: 2000, issue: null });
  });

  it('moves the base to the first later year with a positive value, and says so', () => {
    const indexed = toIndex(series([2000, null], [2001, 0], [2002, 20], [2003, 30]), 2000);
    expect(indexed.baseYear).toBe(2002);
    expect(indexed.issue).toBe('base-shifted');
    expect(indexed.points).toEqual(series([2000, null], [2001, null], [2002, 100], [2003, 150]));
  });

  it('has no index for a series that is never positive (a deficit throughout)', () => {
    expect(toIndex(series([2000, -5], [2001, -3]), 2000)).toEqual({
      points: series([2000, null], [2001, null]),
      baseYear: null,
      issue: 'no-positive-base',
    });
  });

  it('is 100 at the base for any positive series (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.001, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (values) => {
          const points = values.map((value, i) => ({ year: 2000 + i, value }));
          const indexed = toIndex(points, 2000);
          expect(indexed.points[0]?.value).toBeCloseTo(100, 9);
        },
      ),
    );
  });
});

describe('toChangeOnYear', () => {
  it('compares consecutive years only', () => {
    expect(toChangeOnYear(series([2000, 100], [2001, 110], [2003, 121]))).toEqual(
      series([2000, null], [2001, 0.1], [2003, null]),
    );
  });

  it('has no percentage change from zero or a negative value', () => {
    expect(toChangeOnYear(series([2000, 0], [2001, 10], [2002, -5], [2003, 5]))).toEqual(
      series([2000, null], [2001, null], [2002, -1.5], [2003, null]),
    );
  });
});

describe('toLogSafe', () => {
  it('turns zeros and negatives into gaps and counts them', () => {
    expect(toLogSafe(series([2000, 0], [2001, -1], [2002, 3], [2003, null]))).toEqual({
      points: series([2000, null], [2001, null], [2002, 3], [2003, null]),
      dropped: 2,
    });
  });

  it('never passes a non-positive value (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null })), (values) => {
        const { points } = toLogSafe(values.map((value, i) => ({ year: i, value })));
        expect(points.every((p) => p.value === null || p.value > 0)).toBe(true);
      }),
    );
  });
});

describe('compoundAnnualGrowth', () => {
  it('is the yearly rate that turns first into last', () => {
    expect(compoundAnnualGrowth(100, 121, 2)).toBeCloseTo(0.1, 12);
  });

  it('is undefined for non-positive ends or a zero span', () => {
    expect(compoundAnnualGrowth(0, 10, 5)).toBeNull();
    expect(compoundAnnualGrowth(10, -1, 5)).toBeNull();
    expect(compoundAnnualGrowth(10, 20, 0)).toBeNull();
    expect(compoundAnnualGrowth(null, 20, 3)).toBeNull();
  });
});

describe('findSourceBreaks', () => {
  it('marks the first year of each new source', () => {
    const points = [
      { year: 2021, sourceId: 'bns' },
      { year: 2019, sourceId: 'imf' },
      { year: 2020, sourceId: 'bns' },
      { year: 2018, sourceId: 'imf' },
    ];
    expect(findSourceBreaks(points)).toEqual([{ year: 2020, fromSourceId: 'imf', toSourceId: 'bns' }]);
  });

  it('finds none in a single-source series', () => {
    expect(
      findSourceBreaks([
        { year: 1, sourceId: 'a' },
        { year: 2, sourceId: 'a' },
      ]),
    ).toEqual([]);
  });
});
