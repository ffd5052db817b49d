// Currency conversion with a stated rate. Every converted value carries the rate and year it was
// converted with, so the UI can label it; nothing is converted without a rate, and a rate that
// covers only part of a year (the 2026 row) marks the result as provisional.

import { CURRENCIES, type Currency } from '@/lib/constants';
import { formatNumber } from '@/lib/format';
import { chartTexts } from '@/lib/i18n/chart-texts';
import type { Locale } from '@/lib/i18n/locales';

export { CURRENCIES, type Currency };

/** One annual average: US dollars per 1 euro (ECB reference rates, table exchange_rate). */
export interface UsdPerEurRate {
  year: number;
  usdPerEur: number;
  /** The year is not complete: a year-to-date average. */
  isProvisional: boolean;
}

export interface Conversion {
  from: Currency;
  to: Currency;
  year: number;
  usdPerEur: number;
  isProvisional: boolean;
}

export interface ConvertedValue {
  value: number | null;
  /** Null when the value is in its own currency; otherwise how it was converted. */
  conversion: Conversion | null;
  /** True when a conversion was needed but the table has no rate for the year. */
  missingRate: boolean;
}

export function rateTable(rates: readonly UsdPerEurRate[]): Map<number, UsdPerEurRate> {
  return new Map(rates.filter((r) => Number.isFinite(r.usdPerEur) && r.usdPerEur > 0).map((r) => [r.year, r]));
}

/** Converts one value of `year` from one currency to another with that year's annual average. */
export function convertAmount(
  value: number | null,
  year: number,
  from: Currency,
  to: Currency,
  rates: ReadonlyMap<number, UsdPerEurRate>,
): ConvertedValue {
  if (from === to) return { value, conversion: null, missingRate: false };
  const rate = rates.get(year);
  if (!rate) return { value: null, conversion: null, missingRate: true };
  const conversion: Conversion = { from, to, year, usdPerEur: rate.usdPerEur, isProvisional: rate.isProvisional };
  if (value === null || !Number.isFinite(value)) return { value: null, conversion, missingRate: false };
  return { value: from === 'USD' ? value / rate.usdPerEur : value * rate.usdPerEur, conversion, missingRate: false };
}

/** "converted at the ECB 2023 average, 1.0813 USD/EUR" (+ "provisional: year-to-date rate"), in `locale`. */
export function describeConversion(conversion: Conversion, locale: Locale = 'en'): string {
  const t = chartTexts(locale);
  const text = t('conversion', {
    from: conversion.from,
    year: conversion.year,
    rate: formatNumber(conversion.usdPerEur, 4, locale),
  });
  return conversion.isProvisional ? t('conversionProvisional', { text, year: conversion.year }) : text;
}

export interface SeriesConversionSummary {
  /** First and last year converted, for the caption. */
  fromYear: number | null;
  toYear: number | null;
  /** Years that had a value but no rate, so they show no converted value. */
  yearsWithoutRate: number[];
  /** Years converted with a year-to-date rate. */
  provisionalYears: number[];
}

/** What a converted chart must say about its conversion, from the per-value results. */
export function summariseConversions(
  values: readonly { year: number; converted: ConvertedValue }[],
): SeriesConversionSummary {
  const converted = values.filter((v) => v.converted.conversion !== null).map((v) => v.year);
  const unique = (years: number[]) => [...new Set(years)].sort((a, b) => a - b);
  return {
    fromYear: converted.length > 0 ? Math.min(...converted) : null,
    toYear: converted.length > 0 ? Math.max(...converted) : null,
    yearsWithoutRate: unique(values.filter((v) => v.converted.missingRate).map((v) => v.year)),
    provisionalYears: unique(values.filter((v) => v.converted.conversion?.isProvisional).map((v) => v.year)),
  };
}
