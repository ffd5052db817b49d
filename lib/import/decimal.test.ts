import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalDecimal, DECIMAL, roundDouble } from './decimal';

describe('roundDouble', () => {
  it.each([
    [5926.2680999999984, 6, '5926.2681'],
    [244.44291743995248, 6, '244.442917'],
    [0.20000000000000001, 6, '0.2'],
    [1.0000000000000001e-5, 6, '0.00001'],
    [5598, 6, '5598'],
    [-0.0000001, 6, '0'],
    [-12.5, 0, '-13'],
  ])('%d to %d places is %s', (value, decimals, expected) => {
    expect(roundDouble(value, decimals)).toBe(expected);
  });
});

describe('canonicalDecimal', () => {
  it.each([
    ['2.6e-05', '0.000026'],
    ['3.0', '3'],
    ['0.0', '0'],
    ['-0.50', '-0.5'],
    ['1e3', '1000'],
    ['.5', '0.5'],
    ['007', '7'],
  ])('%s is %s', (text, expected) => {
    expect(canonicalDecimal(text)).toBe(expected);
  });

  it('agrees with Number for every double and stays a plain decimal', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), (x) => {
        const text = canonicalDecimal(String(x));
        expect(DECIMAL.test(text)).toBe(true);
        expect(Number(text)).toBe(x === 0 ? 0 : x);
      }),
    );
  });
});
