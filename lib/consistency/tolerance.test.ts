import { describe, expect, it } from 'vitest';
import {
  agreesWithin,
  growthPercentInterval,
  intervalGap,
  overlaps,
  relativeDifference,
  roundingHalfWidth,
  statedInterval,
  sumIntervals,
} from './tolerance';

describe('roundingHalfWidth', () => {
  it('is half a unit of the last digit written, in absolute units', () => {
    expect(roundingHalfWidth(1, 9)).toBeCloseTo(0.05e9); // 37.7 billion
    expect(roundingHalfWidth(0, 9)).toBe(0.5e9); // 40 billion
    expect(roundingHalfWidth(1, 0)).toBeCloseTo(0.05); // 3.2 %
  });
});

describe('statedInterval', () => {
  it('reads an exact figure as everything that rounds to it', () => {
    expect(statedInterval({ value: 40e9, decimals: 0, scale: 9, qualifier: 'EXACT' })).toEqual({
      low: 39.5e9,
      high: 40.5e9,
    });
  });

  it('treats counts as exact integers', () => {
    expect(statedInterval({ value: 75, decimals: 0, scale: 0, qualifier: 'EXACT', isCount: true })).toEqual({
      low: 75,
      high: 75,
    });
  });

  it('gives "about" ±10 % (or the rounding, if wider)', () => {
    const about30 = statedInterval({ value: 30, decimals: 0, scale: 0, qualifier: 'ABOUT' });
    expect(about30.low).toBeCloseTo(27);
    expect(about30.high).toBeCloseTo(33);
    const about2 = statedInterval({ value: 2, decimals: 0, scale: 0, qualifier: 'ABOUT' });
    expect(about2).toEqual({ low: 1.5, high: 2.5 });
  });

  it('leaves "more than" open upwards and "nearly" mostly below', () => {
    expect(statedInterval({ value: 25, decimals: 0, scale: 0, qualifier: 'MORE_THAN' }).high).toBe(
      Number.POSITIVE_INFINITY,
    );
    const nearly = statedInterval({ value: 50, decimals: 0, scale: 0, qualifier: 'NEARLY' });
    expect(nearly.low).toBeCloseTo(45);
    expect(nearly.high).toBe(50.5);
  });
});

describe('intervals', () => {
  it('overlap, sum and measure their gap', () => {
    expect(overlaps({ low: 1, high: 2 }, { low: 2, high: 3 })).toBe(true);
    expect(overlaps({ low: 1, high: 2 }, { low: 2.1, high: 3 })).toBe(false);
    expect(
      sumIntervals([
        { low: 1, high: 2 },
        { low: 10, high: 20 },
      ]),
    ).toEqual({ low: 11, high: 22 });
    expect(intervalGap({ low: 0, high: 1 }, { low: 1.5, high: 2 })).toBe(0.5);
    expect(intervalGap({ low: 3, high: 4 }, { low: 1, high: 2 })).toBe(1);
    expect(intervalGap({ low: 0, high: 2 }, { low: 1, high: 3 })).toBe(0);
  });
});

describe('growthPercentInterval', () => {
  it('spans every growth two rounded figures allow', () => {
    const range = growthPercentInterval({ low: 39.5, high: 40.5 }, { low: 28.9, high: 28.9 });
    expect(range?.low).toBeCloseTo((39.5 / 28.9 - 1) * 100);
    expect(range?.high).toBeCloseTo((40.5 / 28.9 - 1) * 100);
  });

  it('is undefined when the base can be zero', () => {
    expect(growthPercentInterval({ low: 1, high: 2 }, { low: 0, high: 1 })).toBeNull();
  });
});

describe('relativeDifference and agreesWithin', () => {
  it('compares with the reference, and refuses a zero reference', () => {
    expect(relativeDifference(110, 100)).toBeCloseTo(0.1);
    expect(relativeDifference(90, -100)).toBeCloseTo(1.9);
    expect(relativeDifference(1, 0)).toBeNull();
    expect(relativeDifference(null, 1)).toBeNull();
  });

  it('accepts float noise, not real differences', () => {
    expect(agreesWithin(0.1 + 0.2, 0.3, 1e-6)).toBe(true);
    expect(agreesWithin(100, 100.01, 1e-6)).toBe(false);
  });
});
