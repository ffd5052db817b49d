import { describe, expect, it } from 'vitest';
import {
  classIndex,
  divergingClassing,
  divergingThresholds,
  quantile,
  quantileThresholds,
  roundSignificant,
  sequentialClassing,
  SEQUENTIAL_COLORS,
  spreadColors,
  thresholdClassing,
} from './classes';

const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);

describe('roundSignificant', () => {
  it('keeps two significant figures at any magnitude', () => {
    expect(roundSignificant(1234)).toBe(1200);
    expect(roundSignificant(0.0012345)).toBe(0.0012);
    expect(roundSignificant(-87.6)).toBe(-88);
    expect(roundSignificant(0)).toBe(0);
  });
});

describe('quantile', () => {
  it('interpolates between neighbours (R-7)', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    // 1..100 at 0.2: position 19.8 → 20 + 0.8 × 1.
    expect(quantile(oneToHundred, 0.2)).toBeCloseTo(20.8);
  });
});

describe('quantileThresholds', () => {
  it('splits into fifths with limits rounded to two significant figures', () => {
    // 20.8, 40.6, 60.4, 80.2 rounded.
    expect(quantileThresholds(oneToHundred, 5)).toEqual([21, 41, 60, 80]);
  });

  it('merges limits that coincide, never leaving an empty class between them', () => {
    expect(quantileThresholds([5, 5, 5, 5, 5, 5, 9], 5)).toEqual([]);
    // Every fifth of 1, 2 × 8, 3 falls on 2: one limit, two classes.
    expect(quantileThresholds([1, 2, 2, 2, 2, 2, 2, 2, 2, 3], 5)).toEqual([2]);
  });

  it('has no limits for fewer than two values', () => {
    expect(quantileThresholds([3], 5)).toEqual([]);
    expect(quantileThresholds([], 5)).toEqual([]);
  });
});

describe('classIndex', () => {
  it('puts a value on a limit in the class above (each class includes its lower limit)', () => {
    expect(classIndex(20, [21, 41])).toBe(0);
    expect(classIndex(21, [21, 41])).toBe(1);
    expect(classIndex(1e9, [21, 41])).toBe(2);
  });
});

describe('divergingThresholds', () => {
  it('has zero and quantiles of each side', () => {
    const values = [-300, -200, -100, -10, 5, 50, 500, 5000];
    // |−10, −100, −200, −300| in thirds: positions 1 and 2 of four, 100 and 200, mirrored below zero;
    // 5, 50, 500, 5000 in thirds: 50 and 500.
    expect(divergingThresholds(values, 3)).toEqual([-200, -100, 0, 50, 500]);
  });
});

describe('classings', () => {
  it('colours quintiles with the five sequential classes, and fewer classes with colours spread over the scale', () => {
    expect(sequentialClassing(oneToHundred).classes.map((c) => c.color)).toEqual([...SEQUENTIAL_COLORS]);
    expect(spreadColors(SEQUENTIAL_COLORS, 3)).toEqual(['var(--map-seq-1)', 'var(--map-seq-3)', 'var(--map-seq-5)']);
    expect(spreadColors(SEQUENTIAL_COLORS, 1)).toEqual(['var(--map-seq-3)']);
  });

  it('gives the lowest class no lower limit and the highest no upper limit', () => {
    const { classes } = sequentialClassing(oneToHundred);
    expect(classes[0]).toMatchObject({ lower: null, upper: 21 });
    expect(classes[4]).toMatchObject({ lower: 80, upper: null });
  });

  it('colours below zero in one hue and from zero up in the other', () => {
    const classing = divergingClassing([-300, -200, -100, -10, 5, 50, 500, 5000]);
    expect(classing.classes.map((c) => c.color)).toEqual([
      'var(--map-neg-3)',
      'var(--map-neg-2)',
      'var(--map-neg-1)',
      'var(--map-pos-1)',
      'var(--map-pos-2)',
      'var(--map-pos-3)',
    ]);
  });

  it('uses stated limits as given', () => {
    const classing = thresholdClassing([0.1, -0.1, 0, -0.03, 0.03]);
    expect(classing.method).toBe('thresholds');
    expect(classing.thresholds).toEqual([-0.1, -0.03, 0, 0.03, 0.1]);
    expect(classing.classes).toHaveLength(6);
  });

  it('has no class when no partner has a value', () => {
    expect(sequentialClassing([]).classes).toEqual([]);
  });
});
