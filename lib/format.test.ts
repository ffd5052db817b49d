import { describe, expect, it } from 'vitest';
import {
  MISSING,
  formatAsPublished,
  formatMillions,
  formatNumber,
  formatPercent,
  formatQuantity,
  formatRatio,
  formatRelativeDifference,
  formatSignedQuantity,
  formatTimestampUtc,
  formatUsdMillions,
  formatUsdMillionsCompact,
  formatUsdMillionsShort,
  formatYear,
  formatYearRange,
  formatDecimalText,
  formatSignedPercent,
  formatUnit,
  formatCurrencyMillions,
  formatCurrencyMillionsCompact,
  formatIsoDate,
  formatMonthName,
} from './format';
import * as f from './format';

describe('formatNumber', () => {
  it('groups thousands and fixes the decimals', () => {
    expect(formatNumber(15350.504)).toBe('15,350.5');
    expect(formatNumber(1234567, 0)).toBe('1,234,567');
  });

  it('never prints a negative zero', () => {
    expect(formatNumber(-0.01)).toBe('0.0');
    expect(formatNumber(-0.004, 2, 'ru')).toBe('0,00');
  });

  it('writes negative figures with the typographic minus in front, grouped like positive ones', () => {
    expect(formatNumber(-1234567.25, 1)).toBe('\u22121,234,567.3');
    expect(formatNumber(-1234567.25, 0, 'ru')).toBe('\u22121\u00a0234\u00a0567');
    expect(formatNumber(-0.06, 1)).toBe('\u22120.1');
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

  it('keeps the sign, as the typographic minus', () => {
    expect(formatUsdMillionsCompact(-2500)).toBe('\u2212$2.5 bn');
  });
});

describe('formatUsdMillionsShort', () => {
  it('writes the headline amounts short', () => {
    expect(formatUsdMillionsShort(85069.7)).toBe('USD 85.1 bn');
    expect(formatUsdMillionsShort(-350)).toBe('\u2212USD 350 mn');
    // ru, kk: a decimal comma, no-break spaces, the symbol last (short enough for a phone's card).
    expect(formatUsdMillionsShort(85069.7, 'ru')).toBe('85,1\u00a0млрд\u00a0$');
    expect(formatUsdMillionsShort(85069.7, 'kk')).toBe('85,1\u00a0млрд\u00a0$');
    expect(formatUsdMillionsShort(null, 'ru')).toBe('–');
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

describe('formatQuantity and friends (consistency checks)', () => {
  it('shows amounts in millions of their own currency, counts as integers, percentages with two decimals', () => {
    expect(formatQuantity(37_700_000_000, 'USD')).toBe('USD 37,700.0 million');
    expect(formatQuantity(3_400_000_000, 'EUR')).toBe('EUR 3,400.0 million');
    expect(formatQuantity(75, 'count')).toBe('75');
    expect(formatQuantity(29.6638, 'percent')).toBe('29.66%');
    expect(formatQuantity(0.364, 'pp')).toBe('0.36 pp');
    expect(formatQuantity(31, 'years')).toBe('31 years');
    expect(formatQuantity(0.4715, 'times')).toBe('0.47×');
    expect(formatQuantity(null, 'USD')).toBe(MISSING);
  });

  it('signs differences', () => {
    expect(formatSignedQuantity(9, 'count')).toBe('+9');
    expect(formatSignedQuantity(-5_500_000, 'USD')).toBe('−USD 5.5 million');
    expect(formatSignedQuantity(0, 'pp')).toBe('±0.00 pp');
    expect(formatRelativeDifference(0.1453)).toBe('+14.5%');
    expect(formatRelativeDifference(-0.0034)).toBe('−0.3%');
    expect(formatRelativeDifference(0.0001)).toBe('+<0.1%');
    expect(formatRelativeDifference(0)).toBe('±0.0%');
  });

  it('writes quantities and differences in Russian and Kazakh with their separators and words', () => {
    const plain = (text: string) => text.replaceAll('\u00a0', ' ');
    expect(plain(formatQuantity(37_700_000_000, 'USD', 'ru'))).toBe('37 700,0 млн долл. США');
    expect(plain(formatQuantity(3_400_000_000, 'EUR', 'kk'))).toBe('3 400,0 млн еуро');
    expect(plain(formatQuantity(6463, 'count', 'kk'))).toBe('6 463');
    expect(plain(formatQuantity(29.6638, 'percent', 'ru'))).toBe('29,66 %');
    expect(plain(formatQuantity(29.6638, 'percent', 'kk'))).toBe('29,66%');
    expect(plain(formatQuantity(0.364, 'pp', 'ru'))).toBe('0,36 п. п.');
    expect(plain(formatQuantity(0.4715, 'times', 'kk'))).toBe('0,47×');
    expect(plain(formatSignedQuantity(-5_500_000, 'USD', 'ru'))).toBe('−5,5 млн долл. США');
    expect(plain(formatRelativeDifference(0.1453, 'ru'))).toBe('+14,5 %');
    expect(plain(formatRelativeDifference(0.0001, 'kk'))).toBe('+<0,1%');
    expect(formatRatio(2.25e-16, 'ru')).toBe('2.3e-16');
  });

  it('shows float noise as such', () => {
    expect(formatRatio(0)).toBe('0');
    expect(formatRatio(2.25e-16)).toBe('2.3e-16');
    expect(formatRatio(0.05)).toBe('5.0%');
  });

  it('keeps the published digits', () => {
    expect(formatAsPublished('37.7', 9, 'USD')).toBe('37.7 billion USD');
    expect(formatAsPublished('620716.36572', 3, 'USD')).toBe('620716.36572 thousand USD');
    expect(formatAsPublished('75', 0, 'count')).toBe('75');
  });

  it('writes timestamps in UTC', () => {
    expect(formatTimestampUtc('2026-11-23T20:17:42.123Z')).toBe('2026-11-23 20:17 UTC');
    expect(formatTimestampUtc('nonsense')).toBe(MISSING);
  });
});

describe('unit-aware formatters', () => {
  it('formats currencies, shares, indices and changes', async () => {
    const f = await import('./format');
    expect(f.formatCurrencyMillions(1234.56, 'EUR')).toBe('EUR 1,234.6 million');
    expect(f.formatCurrencyMillionsCompact(85069.7, 'EUR')).toBe('€85.1 bn');
    expect(f.formatSignedPercent(0.1234)).toBe('+12.3%');
    expect(f.formatSignedPercent(-0.05)).toBe('−5.0%');
    expect(f.formatSignedPercent(0.00001)).toBe('0.0%');
    expect(f.formatValueByUnit(142.345, 'index')).toBe('142.3');
    expect(f.formatValueByUnit(0.25, 'share')).toBe('25.0%');
    expect(f.formatValueByUnitCompact(-0.2, 'change')).toBe('−20%');
    // Ticks keep a decimal rather than round 7.5% to "8%".
    expect(f.formatValueByUnitCompact(0.075, 'share')).toBe('7.5%');
    expect(f.formatValueByUnitCompact(0.25, 'share')).toBe('25%');
    expect(f.formatValueByUnitCompact(112.5, 'index')).toBe('112.5');
    expect(f.formatValueByUnit(null, 'currency')).toBe(f.MISSING);
  });

  it('writes published figures with their unit and scale', async () => {
    const f = await import('./format');
    expect(f.formatPublishedAmount('31.2', 'USD', 9)).toBe('USD 31.2 billion');
    expect(f.formatPublishedAmount('820', 'EUR', 6)).toBe('EUR 820 million');
    expect(f.formatPublishedAmount('47', 'count', 0)).toBe('47');
    expect(f.formatPublishedAmount('30', 'percent', 0)).toBe('30%');
    expect(f.qualifierPrefix('MORE_THAN')).toBe('more than');
    expect(f.qualifierPrefix('EXACT')).toBe('');
  });

  it('formats dates to the precision the source gave', async () => {
    const f = await import('./format');
    expect(f.formatIsoDate('2024-01-29')).toBe('29 January 2024');
    expect(f.formatIsoDate('2022-10-01', 'month')).toBe('October 2022');
    expect(f.formatIsoDate('2022-01-01', 'year')).toBe('2022');
    expect(f.formatIsoDate(null)).toBe(f.MISSING);
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
    expect(formatDecimalText('-12')).toBe('\u221212');
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

describe('possessive', () => {
  it('adds ’s, or only the apostrophe after an s', async () => {
    const { possessive } = await import('./format');
    expect(possessive('China')).toBe('China’s');
    expect(possessive('Netherlands')).toBe('Netherlands’');
  });
});

describe('the minus sign', () => {
  it('is U+2212 in every formatter, never the hyphen', () => {
    const texts = [
      f.formatNumber(-1234.5),
      f.formatMillions(-0.05),
      f.formatUsdMillions(-12),
      f.formatUsdMillionsCompact(-350),
      f.formatCurrencyMillionsCompact(-2500, 'EUR'),
      f.formatPercent(-0.25),
      f.formatSignedPercent(-0.1),
      f.formatSignedQuantity(-5, 'count'),
      f.formatRelativeDifference(-0.2),
      f.formatValueByUnitCompact(-0.05, 'share'),
      f.formatValueByUnit(-3, 'index'),
      f.formatSignedMillions(-42),
      f.formatDecimalText('-3.25'),
    ];
    for (const text of texts) {
      expect(text).toContain(f.MINUS);
      expect(text).not.toContain('-');
    }
  });

  it('signs differences in millions', () => {
    expect(f.formatSignedMillions(1234.5)).toBe('+1,234.5');
    expect(f.formatSignedMillions(-0.5)).toBe('\u22120.5');
    expect(f.formatSignedMillions(0)).toBe('0.0');
    expect(f.formatSignedMillions(null)).toBe(MISSING);
  });
});

// Russian and Kazakh: separators and month names by CLDR's rules for each language (a no-break
// space groups thousands, a comma marks decimals), the dashboard's minus and unit words.
describe('formats in Russian and Kazakh', () => {
  const NBSP = '\u00a0';
  it('groups and decimals as each language writes them', () => {
    expect(formatNumber(15350.5, 1, 'ru')).toBe(`15${NBSP}350,5`);
    expect(formatNumber(-2, 1, 'kk')).toBe('−2,0');
    expect(formatMillions(0.05, 'ru')).toBe('0,05');
  });
  it('writes shares with the language’s percent sign', () => {
    expect(formatPercent(0.179, 1, 'ru')).toBe(`17,9${NBSP}%`);
    expect(formatPercent(0.179, 1, 'kk')).toBe('17,9%');
    expect(formatPercent(0.0001, 1, 'ru')).toBe(`<0,1${NBSP}%`);
    expect(formatSignedPercent(-0.1, 1, 'ru')).toBe(`−10,0${NBSP}%`);
  });
  it('names amounts in millions with the bureau’s words', () => {
    expect(formatUsdMillions(15350.5, 'ru')).toBe(`15${NBSP}350,5 млн долл. США`);
    expect(formatCurrencyMillions(820, 'EUR', 'kk')).toBe('820,0 млн еуро');
    expect(formatUsdMillionsCompact(85069.7, 'ru')).toBe(`85,1${NBSP}млрд${NBSP}$`);
    expect(formatUsdMillionsCompact(-350, 'kk')).toBe(`−350${NBSP}млн${NBSP}$`);
    expect(formatUsdMillionsCompact(0, 'ru')).toBe(`0${NBSP}$`);
  });
  it('writes dates and months in the language', () => {
    expect(formatIsoDate('2024-01-05', 'day', 'ru')).toBe('5 января 2024 г.');
    expect(formatIsoDate('2024-01-05', 'month', 'ru')).toBe('январь 2024 г.');
    expect(formatIsoDate('2024-01-05', 'day', 'kk')).toBe('2024 ж. 5 қаңтар');
    expect(formatIsoDate('2024-01-05', 'year', 'kk')).toBe('2024');
    expect(formatMonthName(3, 'ru')).toBe('март');
    expect(formatMonthName(3, 'kk')).toBe('наурыз');
    expect(formatMonthName(3)).toBe('March');
    expect(formatMonthName(13, 'ru')).toBe(MISSING);
  });
  it('names published units and scales in the language', () => {
    expect(formatUnit('USD', 6, 'ru')).toBe('млн долл. США');
    expect(formatUnit('USD', 3, 'kk')).toBe('мың АҚШ доллары');
    expect(formatUnit('EUR', 9, 'ru')).toBe('млрд евро');
    expect(formatUnit('USD', 0, 'kk')).toBe('АҚШ доллары');
    expect(formatUnit('count', 0, 'ru')).toBe('количество');
    expect(formatUnit('count', 6, 'kk')).toBe('саны (млн)');
    expect(formatUnit('USD', 2, 'ru')).toBe('× 10^2 долл. США');
    expect(formatUnit('tonnes', 3, 'ru')).toBe('тыс. tonnes');
  });
  it('keeps the published digits with the language’s decimal comma', () => {
    expect(formatAsPublished('37.7', 9, 'USD', 'ru')).toBe('37,7 млрд долл. США');
    expect(formatAsPublished('620716.36572', 3, 'USD', 'kk')).toBe('620716,36572 мың АҚШ доллары');
    expect(formatAsPublished('75', 0, 'count', 'ru')).toBe('75');
    expect(formatAsPublished('12.5', 0, 'percent', 'ru')).toBe(`12,5${NBSP}%`);
  });
  it('groups exact decimal text and writes timestamps in the language', () => {
    expect(formatDecimalText('5351587.74833999', 3, 'ru')).toBe(`5${NBSP}351${NBSP}587,748`);
    expect(formatDecimalText('1234.5', 3, 'kk')).toBe(`1${NBSP}234,5`);
    expect(formatTimestampUtc('2026-11-23T20:17:42.123Z', 'ru')).toBe('23 ноября 2026 г., 20:17 UTC');
    // The date is UTC's, not the offset's: 01:30 on the 24th at +05:00 is 20:30 UTC on the 23rd.
    expect(formatTimestampUtc('2026-11-24T01:30:00+05:00', 'kk')).toBe('2026 ж. 23 қараша, 20:30 UTC');
    expect(formatTimestampUtc('nonsense', 'ru')).toBe(MISSING);
  });
  it('keeps English as it was', () => {
    expect(formatIsoDate('2024-01-05')).toBe('5 January 2024');
    expect(formatUsdMillionsCompact(85069.7)).toBe('$85.1 bn');
    expect(formatCurrencyMillionsCompact(350, 'EUR')).toBe('€350 mn');
  });
});
