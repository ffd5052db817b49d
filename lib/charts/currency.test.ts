import { describe, expect, it } from 'vitest';
import { convertAmount, describeConversion, rateTable, summariseConversions } from './currency';

const rates = rateTable([
  { year: 2023, usdPerEur: 1.0813, isProvisional: false },
  { year: 2026, usdPerEur: 1.164, isProvisional: true },
  { year: 2024, usdPerEur: 0, isProvisional: false },
]);

describe('convertAmount', () => {
  it('leaves values in their own currency untouched and unlabelled', () => {
    expect(convertAmount(5, 1995, 'USD', 'USD', rates)).toEqual({ value: 5, conversion: null, missingRate: false });
  });

  it('converts USD to EUR and EUR to USD with the annual average, and says how', () => {
    const toEur = convertAmount(1081.3, 2023, 'USD', 'EUR', rates);
    expect(toEur.value).toBeCloseTo(1000, 9);
    expect(toEur.conversion).toEqual({ from: 'USD', to: 'EUR', year: 2023, usdPerEur: 1.0813, isProvisional: false });
    expect(convertAmount(1000, 2023, 'EUR', 'USD', rates).value).toBeCloseTo(1081.3, 9);
  });

  it('gives no value without a rate (before the euro, or an unusable rate)', () => {
    expect(convertAmount(10, 1995, 'USD', 'EUR', rates)).toEqual({ value: null, conversion: null, missingRate: true });
    expect(convertAmount(10, 2024, 'USD', 'EUR', rates).missingRate).toBe(true);
  });

  it('marks conversions with a year-to-date rate as provisional', () => {
    const converted = convertAmount(10, 2026, 'USD', 'EUR', rates);
    expect(converted.conversion?.isProvisional).toBe(true);
    expect(describeConversion(converted.conversion!)).toMatch(/provisional/);
  });
});

describe('describeConversion', () => {
  it('names the rate, its year and its source', () => {
    expect(describeConversion({ from: 'EUR', to: 'USD', year: 2023, usdPerEur: 1.0813, isProvisional: false })).toBe(
      'converted from EUR at the ECB 2023 average, 1.0813 USD/EUR',
    );
  });

  it('says it in Russian and Kazakh, the rate with a decimal comma', () => {
    const conversion = { from: 'EUR', to: 'USD', year: 2026, usdPerEur: 1.1702, isProvisional: true } as const;
    expect(describeConversion(conversion, 'ru')).toBe(
      'пересчитано из EUR по среднегодовому курсу ЕЦБ за 2026 год, 1,1702 USD/EUR (предварительно: курс охватывает только часть 2026 года)',
    );
    expect(describeConversion(conversion, 'kk')).toMatch(
      /^EUR валютасынан ЕОБ-тің 2026 жылғы орташа бағамы .*, 1,1702 USD\/EUR \(алдын ала/,
    );
  });
});

describe('summariseConversions', () => {
  it('lists the converted range, the years without a rate and the provisional years', () => {
    const values = [1998, 2023, 2026].map((year) => ({ year, converted: convertAmount(1, year, 'USD', 'EUR', rates) }));
    expect(summariseConversions(values)).toEqual({
      fromYear: 2023,
      toYear: 2026,
      yearsWithoutRate: [1998],
      provisionalYears: [2026],
    });
  });
});
