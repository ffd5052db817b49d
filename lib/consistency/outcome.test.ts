import { describe, expect, it } from 'vitest';
import {
  assessComputedSum,
  assessGrowth,
  assessPartWithinWhole,
  assessStatedParts,
  combineOutcomes,
  countOutcomes,
  selectVisibleItems,
} from './outcome';

describe('combineOutcomes', () => {
  it('fails when any item fails', () => {
    expect(combineOutcomes(['pass', 'fail', 'info'])).toBe('fail');
  });

  it('asks for review when an item does and none failed', () => {
    expect(combineOutcomes(['pass', 'review', 'not_checkable'])).toBe('review');
    expect(combineOutcomes(['review', 'fail'])).toBe('fail');
  });

  it('is not checkable when an item could not be checked and none failed', () => {
    expect(combineOutcomes(['pass', 'not_checkable'])).toBe('not_checkable');
    expect(combineOutcomes([])).toBe('not_checkable');
  });

  it('passes when items passed, and is informational when it only lists figures', () => {
    expect(combineOutcomes(['pass', 'info'])).toBe('pass');
    expect(combineOutcomes(['info', 'info'])).toBe('info');
  });
});

describe('countOutcomes', () => {
  it('counts every outcome, zeros included', () => {
    expect(countOutcomes([{ outcome: 'pass' }, { outcome: 'pass' }, { outcome: 'fail' }])).toEqual({
      fail: 1,
      review: 0,
      not_checkable: 0,
      pass: 2,
      info: 0,
    });
  });
});

describe('assessGrowth', () => {
  const stated40 = { value: 40e9, decimals: 0, scale: 9, qualifier: 'EXACT' as const };

  it('passes the EU 2022 figure: 40 on 28.909 is +38.4 %, stated 38 %', () => {
    const result = assessGrowth({
      current: stated40,
      base: { value: 28_909_272_234.91, decimals: 5, scale: 3, qualifier: 'EXACT' },
      statedGrowthPct: 38,
      statedGrowthDecimals: 0,
    });
    expect(result.outcome).toBe('pass');
    expect(result.recomputedPct).toBeCloseTo(38.364, 2);
    expect(result.differencePp).toBeCloseTo(0.364, 2);
    expect(result.statedRange).toEqual({ low: 37.5, high: 38.5 });
  });

  it('fails when no value compatible with the rounding gives the stated growth', () => {
    const result = assessGrowth({
      current: stated40,
      base: { value: 25e9, decimals: 0, scale: 9, qualifier: 'EXACT' },
      statedGrowthPct: 38,
      statedGrowthDecimals: 0,
    });
    expect(result.outcome).toBe('fail');
    expect(result.recomputedPct).toBeCloseTo(60);
  });

  it('is not checkable without a base', () => {
    const result = assessGrowth({ current: stated40, base: null, statedGrowthPct: 3.2, statedGrowthDecimals: 1 });
    expect(result).toMatchObject({ outcome: 'not_checkable', recomputedPct: null, differencePp: null });
    expect(result.statedRange.low).toBeCloseTo(3.15);
    expect(result.statedRange.high).toBeCloseTo(3.25);
  });
});

describe('assessStatedParts', () => {
  const count = (value: number) => ({ value, decimals: 0, scale: 0, qualifier: 'EXACT' as const, isCount: true });

  it('fails the 75 establishments listed as 46 + 6 + 8 + 6 = 66, by 9', () => {
    const result = assessStatedParts(count(75), [count(46), count(6), count(8), count(6)]);
    expect(result).toEqual({ outcome: 'fail', partsSum: 66, difference: 9, gap: 9, agreement: null });
  });

  it('passes counts that add up', () => {
    expect(assessStatedParts(count(3), [count(1), count(1), count(1)]).outcome).toBe('pass');
  });

  const millions = (value: number) => ({ value: value * 1e6, decimals: 1, scale: 6, qualifier: 'EXACT' as const });
  const billions = (value: number) => ({ value: value * 1e9, decimals: 2, scale: 9, qualifier: 'EXACT' as const });

  it('allows for the rounding of amounts', () => {
    expect(assessStatedParts(billions(2.2), [millions(699.3), millions(1496.2)])).toMatchObject({
      outcome: 'pass',
      agreement: 'rounding',
    });
  });

  it('grades a total cut off within one unit of its last digit as truncated, not as a failure', () => {
    // 699.3 + 1,496.2 = 2,195.5 million, but 2.19 billion stands for 2,185-2,195 million: 0.4 million short.
    const truncated = assessStatedParts(billions(2.19), [millions(699.3), millions(1496.2)]);
    expect(truncated).toMatchObject({ outcome: 'pass', agreement: 'truncation' });
    expect(truncated.gap).toBeCloseTo(0.4e6, -3);
  });

  it('fails a total further off than one unit of its last digit', () => {
    // 2.17 billion stands for 2,165-2,175 million: 20.4 million short of the parts, two units.
    expect(assessStatedParts(billions(2.17), [millions(699.3), millions(1496.2)])).toMatchObject({
      outcome: 'fail',
      agreement: null,
    });
  });
});

describe('assessPartWithinWhole', () => {
  const usd = (value: number, qualifier: 'EXACT' | 'ABOUT' = 'EXACT') => ({
    value: value * 1e9,
    decimals: 1,
    scale: 9,
    qualifier,
  });

  it('passes a part of the year that is no larger than the whole year', () => {
    expect(assessPartWithinWhole(usd(37.7), usd(41.3))).toBe('pass');
  });

  it('allows the rounding and wording of both figures', () => {
    // "About 42" reaches down to 37.8 (±10 %), under the whole year's 41.3.
    expect(assessPartWithinWhole(usd(42, 'ABOUT'), usd(41.3))).toBe('pass');
    expect(assessPartWithinWhole(usd(41.3), usd(41.3))).toBe('pass');
  });

  it('fails a part of the year larger than the whole year', () => {
    expect(assessPartWithinWhole(usd(45.2), usd(41.3))).toBe('fail');
  });
});

describe('assessComputedSum', () => {
  it('passes exact sums and float noise, fails anything else', () => {
    expect(assessComputedSum(23_816_643_683.98, 17_653_331_608.75 + 6_163_312_075.23)).toBe('pass');
    expect(assessComputedSum(100, 99)).toBe('fail');
  });
});

describe('selectVisibleItems', () => {
  const items = [
    { outcome: 'fail' as const, key: 'f1' },
    { outcome: 'info' as const, key: 'i1' },
    { outcome: 'fail' as const, key: 'f2' },
    { outcome: 'info' as const, key: 'i2' },
    { outcome: 'not_checkable' as const, key: 'n1' },
    { outcome: 'pass' as const, key: 'p1' },
  ];

  it('never hides a failing or not-checkable item, and caps the others', () => {
    expect(selectVisibleItems(items, false, 1).map((i) => i.key)).toEqual(['f1', 'i1', 'f2', 'n1']);
    expect(selectVisibleItems(items, false, 0).map((i) => i.key)).toEqual(['f1', 'f2', 'n1']);
  });

  it('lists everything on request', () => {
    expect(selectVisibleItems(items, true, 0)).toHaveLength(6);
  });
});
