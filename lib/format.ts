// The one place numbers become text: chart ticks, tooltips, tables and captions all use these,
// so a figure reads the same everywhere. The locale is pinned so that server and browser render
// identical strings (no hydration mismatch) whatever the visitor's settings.

const LOCALE = 'en-US';

/** Shown where a value is missing. A missing value is never rendered as 0. */
export const MISSING = '–';

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

/** A plain number with thousands separators: 15350.5 -> "15,350.5". */
export function formatNumber(value: number | null | undefined, fractionDigits = 1): string {
  if (!isFiniteNumber(value)) return MISSING;
  return decimals(fractionDigits).format(withoutNegativeZero(value, fractionDigits));
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
  const sign = valueMn < 0 ? '-' : '';
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

/** A change given as a fraction, always signed: 0.123 -> "+12.3%", -0.05 -> "−5.0%". */
export function formatSignedPercent(change: number | null | undefined, fractionDigits = 1): string {
  if (!isFiniteNumber(change)) return MISSING;
  const text = formatNumber(Math.abs(change * 100), fractionDigits);
  if (text === formatNumber(0, fractionDigits)) return `${text}%`;
  return `${change > 0 ? '+' : '−'}${text}%`;
}

/** An index value (base = 100): "142.3". */
export function formatIndexValue(value: number | null | undefined): string {
  return formatNumber(value, 1);
}

export type ValueUnitKind = 'currency' | 'share' | 'index' | 'change';

/** Full form for tooltips and tables, by the kind of value shown. */
export function formatValueByUnit(value: number | null | undefined, kind: ValueUnitKind, currency: AmountCurrency = 'USD'): string {
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
export function formatValueByUnitCompact(value: number | null | undefined, kind: ValueUnitKind, currency: AmountCurrency = 'USD'): string {
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

const SCALE_WORDS: Record<number, string> = { 3: 'thousand', 6: 'million', 9: 'billion' };

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
  const names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const monthName = names[(month ?? 1) - 1] ?? '';
  if (precision === 'year') return String(year);
  if (precision === 'month') return `${monthName} ${year}`;
  return `${day} ${monthName} ${year}`;
}

/** "China’s", "the Netherlands’"-style possessive: names ending in s take only the apostrophe. */
export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}’` : `${name}’s`;
}
