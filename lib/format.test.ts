import { describe, expect, it } from 'vitest';
import {
  MISSING,
  formatMillions,
  formatNumber,
  formatPercent,
  formatUsdMillions,
  formatUsdMillionsCompact,
  formatYear,
  formatYearRange,
  formatDecimalText,
  formatSignedPercent,
  formatUnit,
} from './format';

describe('formatNumber', () => {
  it('groups thousands and fixes the decimals', () => {
    expect(formatNumber(15350.504)).toBe('15,350.5');
    expect(formatNumber(1234567, 0)).toBe('1,234,567');
  });

  it('never prints a negative zero', () => {
    expect(formatNumber(-0.01)).toBe('0.0');
  });

  it('shows missing values as a dash, not 0', () => {
    expect(formatNumber(null)).toBe(MISSING);
    expect(formatNumber(undefined)).toBe(MISSING);
    expect(formatNumber(Number.NaN)).toBe(MISSING);
  });
});

describe('formatMillions / formatUsdMillions', () => {
  it('keeps one decimal for ordinary values', () => {
    expect(formatMillions(85069.724297)).toBe('85,069.7');
    expect(formatUsdMillions(3149)).toBe('USD 3,149.0 million');
  });

  it('keeps two decimals for flows under 0.1 million so they do not read as zero', () => {
    expect(formatMillions(0.027276)).toBe('0.03');
    expect(formatMillions(0)).toBe('0.0');
  });

  it('passes missing values through', () => {
    expect(formatUsdMillions(null)).toBe(MISSING);
  });
});

describe('formatUsdMillionsCompact', () => {
  it('switches to billions from 1,000 million', () => {
    expect(formatUsdMillionsCompact(85069.7)).toBe('$85.1 bn');
    expect(formatUsdMillionsCompact(20000)).toBe('$20 bn');
    expect(formatUsdMillionsCompact(1000)).toBe('$1 bn');
  });

  it('writes smaller values in millions', () => {
    expect(formatUsdMillionsCompact(350)).toBe('$350 mn');
    expect(formatUsdMillionsCompact(2.5)).toBe('$2.5 mn');
    expect(formatUsdMillionsCompact(0.25)).toBe('$0.25 mn');
    expect(formatUsdMillionsCompact(0)).toBe('$0');
  });

  it('keeps the sign', () => {
    expect(formatUsdMillionsCompact(-2500)).toBe('-$2.5 bn');
  });
});

describe('formatPercent', () => {
  it('formats a fraction as a percentage', () => {
    expect(formatPercent(0.2139)).toBe('21.4%');
    expect(formatPercent(1)).toBe('100.0%');
  });

  it('marks tiny positive shares instead of rounding them to zero', () => {
    expect(formatPercent(0.0000123)).toBe('<0.1%');
    expect(formatPercent(0)).toBe('0.0%');
  });

  it('shows missing shares as a dash', () => {
    expect(formatPercent(null)).toBe(MISSING);
  });
});

describe('years', () => {
  it('prints years without a thousands separator', () => {
    expect(formatYear(2020)).toBe('2020');
  });

  it('formats ranges with an en dash, and a single year once', () => {
    expect(formatYearRange(1992, 2020)).toBe('1992–2020');
    expect(formatYearRange(2020, 2020)).toBe('2020');
    expect(formatYearRange(null, 2020)).toBe(MISSING);
  });
});

describe('formatUnit / formatDecimalText / formatSignedPercent', () => {
  it('names the unit with its scale', () => {
    expect(formatUnit('USD', 6)).toBe('USD million');
    expect(formatUnit('USD', 3)).toBe('USD thousand');
    expect(formatUnit('EUR', 9)).toBe('EUR billion');
    expect(formatUnit('USD', 0)).toBe('USD');
    expect(formatUnit('count', 0)).toBe('count');
    expect(formatUnit('USD', 2)).toBe('USD × 10^2');
  });

  it('groups exact decimal text without inventing or losing digits that matter', () => {
    expect(formatDecimalText('5351587.74833999')).toBe('5,351,587.748');
    expect(formatDecimalText('1234.5')).toBe('1,234.5');
    expect(formatDecimalText('-12')).toBe('-12');
    expect(formatDecimalText('0.5')).toBe('0.5');
    expect(formatDecimalText('')).toBe(MISSING);
  });

  it('signs growth rates', () => {
    expect(formatSignedPercent(0.052)).toBe('+5.2%');
    expect(formatSignedPercent(-0.1)).toBe('−10.0%');
    expect(formatSignedPercent(0.00001)).toBe('0.0%');
    expect(formatSignedPercent(null)).toBe(MISSING);
  });
});
