// The one place numbers become text: chart ticks, tooltips, tables and captions all use these,
// so a figure reads the same everywhere. The locale is pinned so that server and browser render
// identical strings (no hydration mismatch) whatever the visitor's settings.

const LOCALE = 'en-US';

/** Shown where a value is missing. A missing value is never rendered as 0. */
export const MISSING = '–';

/**
 * The one minus sign of every figure, in tables, ticks and sentences alike: U+2212, the
 * typographic minus (as wide as the plus), not the hyphen Intl writes in en-US.
 */
export const MINUS = '\u2212';

const decimalFormatters = new Map<number, Intl.NumberFormat>();

function decimals(fractionDigits: number): Intl.NumberFormat {
  let formatter = decimalFormatters.get(fractionDigits);
  if (!formatter) {
    formatter = new Intl.NumberFormat(LOCALE, {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    decimalFormatters.set(fractionDigits, formatter);
  }
  return formatter;
}

const isFiniteNumber = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** Collapses -0 (e.g. -0.01 rounded to one decimal) so that no figure reads "-0.0". */
function withoutNegativeZero(value: number, fractionDigits: number): number {
  const factor = 10 ** fractionDigits;
  return Math.round(value * factor) === 0 ? 0 : value;
}

/** Intl's en-US output with the typographic minus: -1234.5 -> "−1,234.5". */
function formatDecimal(value: number, fractionDigits: number): string {
  return decimals(fractionDigits)
    .formatToParts(withoutNegativeZero(value, fractionDigits))
    .map((part) => (part.type === 'minusSign' ? MINUS : part.value))
    .join('');
}

/** A plain number with thousands separators: 15350.5 -> "15,350.5", -2 -> "−2.0". */
export function formatNumber(value: number | null | undefined, fractionDigits = 1): string {
  if (!isFiniteNumber(value)) return MISSING;
  return formatDecimal(value, fractionDigits);
}

/**
 * A value held in USD million, for table cells whose header names the unit:
 * 15350.504 -> "15,350.5". Values under 0.1 million keep two decimals so that small
 * flows do not all read "0.0".
 */
export function formatMillions(valueMn: number | null | undefined): string {
  if (!isFiniteNumber(valueMn)) return MISSING;
  const digits = Math.abs(valueMn) < 0.1 && valueMn !== 0 ? 2 : 1;
  return formatNumber(valueMn, digits);
}

/** A difference in millions with its sign, for a column whose header names the unit: "+1,234.5", "−0.5", "0.0". */
export function formatSignedMillions(valueMn: number | null | undefined): string {
  if (!isFiniteNumber(valueMn)) return MISSING;
  const text = formatMillions(Math.abs(valueMn));
  return valueMn > 0 ? `+${text}` : valueMn < 0 ? `${MINUS}${text}` : text;
}

/** A value held in USD million, with its unit: "USD 15,350.5 million". */
export function formatUsdMillions(valueMn: number | null | undefined): string {
  if (!isFiniteNumber(valueMn)) return MISSING;
  return `USD ${formatMillions(valueMn)} million`;
}

/**
 * Short form for axis ticks and legends, from a value in USD million:
 * 85069.7 -> "$85.1 bn", 350 -> "$350 mn", 0 -> "$0".
 */
export function formatUsdMillionsCompact(valueMn: number | null | undefined): string {
  if (!isFiniteNumber(valueMn)) return MISSING;
  const sign = valueMn < 0 ? MINUS : '';
  const abs = Math.abs(valueMn);
  if (abs === 0) return '$0';
  if (abs >= 1000) {
    const bn = abs / 1000;
    return `${sign}$${formatNumber(bn, Number.isInteger(bn) || bn >= 100 ? 0 : 1)} bn`;
  }
  if (abs >= 1) return `${sign}$${formatNumber(abs, Number.isInteger(abs) || abs >= 100 ? 0 : 1)} mn`;
  return `${sign}$${formatNumber(abs, 2)} mn`;
}

/**
 * A share given as a fraction (0.179 -> "17.9%"). Shares that are positive but would round
 * to zero read "<0.1%", so a real partner never looks like it has no trade.
 */
export function formatPercent(share: number | null | undefined, fractionDigits = 1): string {
  if (!isFiniteNumber(share)) return MISSING;
  const percent = share * 100;
  const smallest = 10 ** -fractionDigits;
  if (percent > 0 && percent < smallest) return `<${formatNumber(smallest, fractionDigits)}%`;
  return `${formatNumber(percent, fractionDigits)}%`;
}

/** Years are labels, not quantities: no thousands separator (2020, never "2,020"). */
export function formatYear(year: number | null | undefined): string {
  if (!isFiniteNumber(year)) return MISSING;
  return String(Math.trunc(year));
}

/** "1992–2020", or a single year when both ends are equal. */
export function formatYearRange(fromYear: number | null | undefined, toYear: number | null | undefined): string {
  if (!isFiniteNumber(fromYear) || !isFiniteNumber(toYear)) return MISSING;
  return fromYear === toYear ? formatYear(fromYear) : `${formatYear(fromYear)}–${formatYear(toYear)}`;
}

// ---------------------------------------------------------------------------------------------
// Quantities in any unit, for the consistency checks: values arrive absolute (never scaled).

const CURRENCIES = new Set(['USD', 'EUR']);

/**
 * An absolute amount in its unit: currencies in millions (the dashboard's unit), counts as
 * integers, percentages with two decimals so that rounding bands stay visible (3.15% to 3.25%).
 * 37_700_000_000 USD -> "USD 37,700.0 million"; 75 count -> "75"; 29.664 percent -> "29.66%".
 */
export function formatQuantity(value: number | null | undefined, unit: string): string {
  if (!isFiniteNumber(value)) return MISSING;
  if (CURRENCIES.has(unit)) return `${unit} ${formatMillions(value / 1e6)} million`;
  switch (unit) {
    case 'count':
      return formatNumber(value, Number.isInteger(value) ? 0 : 1);
    case 'percent':
      return `${formatNumber(value, 2)}%`;
    case 'pp':
      return `${formatNumber(value, 2)} pp`;
    case 'ratio':
      return formatRatio(value);
    // How many times one value is another (a mirror ratio, the factor it moved by).
    case 'times':
      return `${formatNumber(value, 2)}×`;
    default:
      return `${formatNumber(value, Number.isInteger(value) ? 0 : 1)} ${unit}`;
  }
}

/** A difference with its sign, e.g. "+0.36 pp", "−USD 5.5 million", "±0" for none. */
export function formatSignedQuantity(value: number | null | undefined, unit: string): string {
  if (!isFiniteNumber(value)) return MISSING;
  const text = formatQuantity(Math.abs(value), unit);
  if (text === formatQuantity(0, unit)) return `±${text}`;
  return `${value < 0 ? MINUS : '+'}${text}`;
}

/** A relative difference (fraction) with its sign: 0.1453 -> "+14.5%", -0.0034 -> "−0.3%". */
export function formatRelativeDifference(fraction: number | null | undefined): string {
  if (!isFiniteNumber(fraction)) return MISSING;
  const text = formatNumber(Math.abs(fraction) * 100, 1);
  if (text === formatNumber(0, 1)) return Math.abs(fraction) > 0 ? `${fraction < 0 ? MINUS : '+'}<0.1%` : '±0.0%';
  return `${fraction < 0 ? MINUS : '+'}${text}%`;
}

/** A tiny ratio such as a float rounding error: 0 -> "0", 2.25e-16 -> "2.3e-16", 0.05 -> "5.0%". */
export function formatRatio(value: number | null | undefined): string {
  if (!isFiniteNumber(value)) return MISSING;
  if (value === 0) return '0';
  if (Math.abs(value) < 1e-3) return value.toExponential(1);
  return formatPercent(value);
}

const SCALE_WORDS: Record<number, string> = { 0: '', 3: 'thousand', 6: 'million', 9: 'billion' };

/**
 * The figure as its source wrote it, digits untouched: ("37.7", 9, "USD") -> "37.7 billion USD".
 * Shown next to the converted value so that nobody has to trust the conversion.
 */
export function formatAsPublished(value: string, scale: number, unit: string): string {
  const word = SCALE_WORDS[scale] ?? `× 10^${scale}`;
  const suffix = unit === 'count' ? '' : ` ${unit}`;
  return `${value}${word ? ` ${word}` : ''}${suffix}`.trim();
}

/** An ISO timestamp as "2026-11-23 20:10 UTC": the same text on server and client. */
export function formatTimestampUtc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return MISSING;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * The unit of a value as published, with its scale in words: ("USD", 6) -> "USD million",
 * ("count", 0) -> "count". Unknown scales fall back to a power of ten rather than a wrong word.
 */
export function formatUnit(unit: string, scale: number): string {
  const word = SCALE_WORDS[scale] ?? `× 10^${scale}`;
  if (unit === 'count' || unit === 'percent' || unit === 'years' || unit === 'rank')
    return word ? `${unit} (${word})` : unit;
  return word ? `${unit} ${word}` : unit;
}

/**
 * A value given as exact decimal text (PostgreSQL numeric), grouped and rounded for reading:
 * "5351587.74833999" -> "5,351,587.748". Trailing zeros of the published text are not invented.
 */
export function formatDecimalText(value: string, maxFractionDigits = 3): string {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number)) return MISSING;
  const published = value.includes('.') ? (value.split('.')[1] ?? '').replace(/e.*$/i, '').length : 0;
  const digits = Math.min(published, maxFractionDigits);
  return formatDecimal(number, digits);
}

/** A growth rate given as a fraction, always signed: 0.052 -> "+5.2%", -0.1 -> "−10.0%". */
export function formatSignedPercent(fraction: number | null | undefined, fractionDigits = 1): string {
  if (!isFiniteNumber(fraction)) return MISSING;
  const percent = withoutNegativeZero(fraction * 100, fractionDigits);
  const text = formatNumber(Math.abs(percent), fractionDigits);
  if (percent === 0) return `${text}%`;
  return `${percent > 0 ? '+' : MINUS}${text}%`;
}

// ---------------------------------------------------------------------------------------------
// Units beyond USD million: other currencies, shares, indices and changes, and figures as their
// source published them. Charts and tables pick a formatter by the unit kind of what they show.

export type AmountCurrency = 'USD' | 'EUR';

const CURRENCY_SYMBOL: Record<AmountCurrency, string> = { USD: '$', EUR: '€' };

/** "EUR 1,234.5 million"; the same shape as formatUsdMillions for any currency. */
export function formatCurrencyMillions(valueMn: number | null | undefined, currency: AmountCurrency): string {
  if (!isFiniteNumber(valueMn)) return MISSING;
  return `${currency} ${formatMillions(valueMn)} million`;
}

/** Axis ticks in any currency: "€85.1 bn", "$350 mn". */
export function formatCurrencyMillionsCompact(valueMn: number | null | undefined, currency: AmountCurrency): string {
  const usd = formatUsdMillionsCompact(valueMn);
  return currency === 'USD' ? usd : usd.replace('$', CURRENCY_SYMBOL[currency]);
}

/** An index value (base = 100): "142.3". */
export function formatIndexValue(value: number | null | undefined): string {
  return formatNumber(value, 1);
}

export type ValueUnitKind = 'currency' | 'share' | 'index' | 'change';

/** Full form for tooltips and tables, by the kind of value shown. */
export function formatValueByUnit(
  value: number | null | undefined,
  kind: ValueUnitKind,
  currency: AmountCurrency = 'USD',
): string {
  switch (kind) {
    case 'share':
      return formatPercent(value);
    case 'change':
      return formatSignedPercent(value);
    case 'index':
      return formatIndexValue(value);
    default:
      return formatCurrencyMillions(value, currency);
  }
}

/** Whole numbers print without decimals; others keep one, so a tick at 7.5% never reads "8%". */
const tickDigits = (n: number) => (Math.abs(n - Math.round(n)) < 1e-9 ? 0 : 1);

/** Short form for axis ticks, by the kind of value shown. */
export function formatValueByUnitCompact(
  value: number | null | undefined,
  kind: ValueUnitKind,
  currency: AmountCurrency = 'USD',
): string {
  if (!isFiniteNumber(value)) return MISSING;
  switch (kind) {
    case 'share':
      return formatPercent(value, tickDigits(value * 100));
    case 'change':
      return formatSignedPercent(value, tickDigits(value * 100));
    case 'index':
      return formatNumber(value, tickDigits(value));
    default:
      return formatCurrencyMillionsCompact(value, currency);
  }
}

/**
 * A figure as its source published it, with its unit and scale: "USD 31.2 billion",
 * "EUR 820 million", "47" (counts), "30%" (percent). `value` is the published number (a string,
 * to keep every digit).
 */
export function formatPublishedAmount(value: string, unit: string, scale: number): string {
  const number = Number(value);
  if (!Number.isFinite(number)) return MISSING;
  const digits = value.includes('.') ? Math.min(value.split('.')[1]?.length ?? 0, 3) : 0;
  const text = formatNumber(number, digits);
  if (unit === 'percent') return `${text}%`;
  const word = SCALE_WORDS[scale];
  const scaled = scale === 0 || !word ? text : `${text} ${word}`;
  if (unit === 'USD' || unit === 'EUR') return `${unit} ${scaled}`;
  if (unit === 'count') return scaled;
  return `${scaled} ${unit}`;
}

export type QualifierValue = 'EXACT' | 'ABOUT' | 'AT_LEAST' | 'MORE_THAN' | 'NEARLY' | 'ESTIMATE';

/** How the source worded the value, as a prefix ("about", "more than"); empty for an exact figure. */
export function qualifierPrefix(qualifier: QualifierValue): string {
  switch (qualifier) {
    case 'ABOUT':
      return 'about';
    case 'AT_LEAST':
      return 'at least';
    case 'MORE_THAN':
      return 'more than';
    case 'NEARLY':
      return 'nearly';
    case 'ESTIMATE':
      return 'estimated';
    default:
      return '';
  }
}

/** "1 January 2024" from an ISO date; the day or month is left out when `precision` says the source gave less. */
export function formatIsoDate(iso: string | null | undefined, precision: 'day' | 'month' | 'year' = 'day'): string {
  if (!iso || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return MISSING;
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  const names = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  const monthName = names[(month ?? 1) - 1] ?? '';
  if (precision === 'year') return String(year);
  if (precision === 'month') return `${monthName} ${year}`;
  return `${day} ${monthName} ${year}`;
}

/** "China’s", "the Netherlands’"-style possessive: names ending in s take only the apostrophe. */
export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}’` : `${name}’s`;
}
