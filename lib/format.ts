// The one place numbers become text: chart ticks, tooltips, tables and captions all use these,
// so a figure reads the same everywhere. The locale is the page's language (its address: /ru/…),
// never the visitor's settings, so that server and browser render identical strings (no hydration
// mismatch). Every function takes it last and defaults to English, so English callers pass nothing.
import type { Locale } from '@/lib/i18n/locales';

/** The Intl locale of each interface language: digits, separators, month names (CLDR, through Intl). */
const INTL_LOCALE: Record<Locale, string> = { en: 'en-US', ru: 'ru-RU', kk: 'kk-KZ' };

/**
 * The Intl locale of digits and separators. Kazakh writes numbers as Russian does (CLDR: a space
 * between thousands, a decimal comma), and Chromium ships no Kazakh number data: with 'kk-KZ' a
 * client component printed "45,337.7" where the server had printed "45 337,7", and React threw
 * away the server's markup (hydration error 418).
 */
const DIGITS_LOCALE: Record<Locale, string> = { en: 'en-US', ru: 'ru-RU', kk: 'ru-RU' };

/**
 * Words around amounts that Intl does not give in our short forms: "USD 1.5 million", "1,5 млн
 * долл. США" (the bureau writes "млн долларов США"; the abbreviation is its usual short form),
 * "1,5 млн АҚШ доллары". Currency symbols and scale abbreviations (млн, млрд) are the same in Russian and Kazakh.
 */
const AMOUNT_WORDS: Record<
  Locale,
  { million: string; bn: string; mn: string; currency: Record<'USD' | 'EUR', string> }
> = {
  en: { million: 'million', bn: 'bn', mn: 'mn', currency: { USD: 'USD', EUR: 'EUR' } },
  ru: { million: 'млн', bn: 'млрд', mn: 'млн', currency: { USD: 'долл. США', EUR: 'евро' } },
  kk: { million: 'млн', bn: 'млрд', mn: 'млн', currency: { USD: 'АҚШ доллары', EUR: 'еуро' } },
};

/** Shown where a value is missing. A missing value is never rendered as 0. */
export const MISSING = '–';

/**
 * The one minus sign of every figure, in tables, ticks and sentences alike: U+2212, the
 * typographic minus (as wide as the plus), not the hyphen Intl writes in en-US.
 */
export const MINUS = '\u2212';

const decimalFormatters = new Map<string, Intl.NumberFormat>();

function decimals(fractionDigits: number, locale: Locale): Intl.NumberFormat {
  const key = `${locale}:${fractionDigits}`;
  let formatter = decimalFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(DIGITS_LOCALE[locale], {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    decimalFormatters.set(key, formatter);
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

/**
 * Intl's output with the typographic minus: -1234.5 -> "−1,234.5" (ru, kk: "−1 234,5"). The sign
 * is written by hand in front of the magnitude: in these locales Intl puts it there too, and
 * `format` is about six times faster than `formatToParts`, which cost a table page tens of
 * milliseconds of the browser's main thread (docs/performance.md).
 */
function formatDecimal(value: number, fractionDigits: number, locale: Locale = 'en'): string {
  const shown = withoutNegativeZero(value, fractionDigits);
  const magnitude = decimals(fractionDigits, locale).format(Math.abs(shown));
  return shown < 0 ? MINUS + magnitude : magnitude;
}

/** A plain number with thousands separators: 15350.5 -> "15,350.5", -2 -> "−2.0". */
export function formatNumber(value: number | null | undefined, fractionDigits = 1, locale: Locale = 'en'): string {
  if (!isFiniteNumber(value)) return MISSING;
  return formatDecimal(value, fractionDigits, locale);
}

/**
 * A value held in USD million, for table cells whose header names the unit:
 * 15350.504 -> "15,350.5". Values under 0.1 million keep two decimals so that small
 * flows do not all read "0.0".
 */
export function formatMillions(valueMn: number | null | undefined, locale: Locale = 'en'): string {
  if (!isFiniteNumber(valueMn)) return MISSING;
  const digits = Math.abs(valueMn) < 0.1 && valueMn !== 0 ? 2 : 1;
  return formatNumber(valueMn, digits, locale);
}

/** A difference in millions with its sign, for a column whose header names the unit: "+1,234.5", "−0.5", "0.0". */
export function formatSignedMillions(valueMn: number | null | undefined, locale: Locale = 'en'): string {
  if (!isFiniteNumber(valueMn)) return MISSING;
  const text = formatMillions(Math.abs(valueMn), locale);
  return valueMn > 0 ? `+${text}` : valueMn < 0 ? `${MINUS}${text}` : text;
}

/** A value held in USD million, with its unit: "USD 15,350.5 million", ru "15 350,5 млн долл. США". */
export function formatUsdMillions(valueMn: number | null | undefined, locale: Locale = 'en'): string {
  return formatCurrencyMillions(valueMn, 'USD', locale);
}

/**
 * Short form for axis ticks and legends, from a value in USD million:
 * 85069.7 -> "$85.1 bn", 350 -> "$350 mn", 0 -> "$0".
 */
export function formatUsdMillionsCompact(valueMn: number | null | undefined, locale: Locale = 'en'): string {
  return formatCurrencyMillionsCompact(valueMn, 'USD', locale);
}

/**
 * A share given as a fraction (0.179 -> "17.9%"). Shares that are positive but would round
 * to zero read "<0.1%", so a real partner never looks like it has no trade.
 */
export function formatPercent(share: number | null | undefined, fractionDigits = 1, locale: Locale = 'en'): string {
  if (!isFiniteNumber(share)) return MISSING;
  const percent = share * 100;
  const smallest = 10 ** -fractionDigits;
  if (percent > 0 && percent < smallest)
    return `<${percentText(formatNumber(smallest, fractionDigits, locale), locale)}`;
  return percentText(formatNumber(percent, fractionDigits, locale), locale);
}

/** The percent sign as the language writes it (CLDR): "17.9%", ru "17,9 %" (with a no-break space), kk "17,9%". */
function percentText(number: string, locale: Locale): string {
  return locale === 'ru' ? `${number}\u00a0%` : `${number}%`;
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

/** "п.п." is how Russian and Kazakh abbreviate percentage points; "×" reads the same everywhere. */
const POINTS: Record<Locale, string> = { en: 'pp', ru: 'п.\u00a0п.', kk: 'п.\u00a0п.' };

/**
 * An absolute amount in its unit: currencies in millions (the dashboard's unit), counts as
 * integers, percentages with two decimals so that rounding bands stay visible (3.15% to 3.25%).
 * 37_700_000_000 USD -> "USD 37,700.0 million" (ru "37 700,0 млн долл. США"); 75 count -> "75";
 * 29.664 percent -> "29.66%" (ru "29,66 %").
 */
export function formatQuantity(value: number | null | undefined, unit: string, locale: Locale = 'en'): string {
  if (!isFiniteNumber(value)) return MISSING;
  if (unit === 'USD' || unit === 'EUR') return formatCurrencyMillions(value / 1e6, unit, locale);
  switch (unit) {
    case 'count':
      return formatNumber(value, Number.isInteger(value) ? 0 : 1, locale);
    case 'percent':
      return percentText(formatNumber(value, 2, locale), locale);
    case 'pp':
      return `${formatNumber(value, 2, locale)} ${POINTS[locale]}`;
    case 'ratio':
      return formatRatio(value, locale);
    // How many times one value is another (a mirror ratio, the factor it moved by).
    case 'times':
      return `${formatNumber(value, 2, locale)}×`;
    default:
      return `${formatNumber(value, Number.isInteger(value) ? 0 : 1, locale)} ${locale === 'en' ? unit : formatUnit(unit, 0, locale)}`;
  }
}

/** A difference with its sign, e.g. "+0.36 pp", "−USD 5.5 million", "±0" for none. */
export function formatSignedQuantity(value: number | null | undefined, unit: string, locale: Locale = 'en'): string {
  if (!isFiniteNumber(value)) return MISSING;
  const text = formatQuantity(Math.abs(value), unit, locale);
  if (text === formatQuantity(0, unit, locale)) return `±${text}`;
  return `${value < 0 ? MINUS : '+'}${text}`;
}

/** A relative difference (fraction) with its sign: 0.1453 -> "+14.5%", -0.0034 -> "−0.3%" (ru "+14,5 %"). */
export function formatRelativeDifference(fraction: number | null | undefined, locale: Locale = 'en'): string {
  if (!isFiniteNumber(fraction)) return MISSING;
  const text = formatNumber(Math.abs(fraction) * 100, 1, locale);
  if (text === formatNumber(0, 1, locale))
    return Math.abs(fraction) > 0
      ? `${fraction < 0 ? MINUS : '+'}<${percentText(formatNumber(0.1, 1, locale), locale)}`
      : `±${percentText(text, locale)}`;
  return `${fraction < 0 ? MINUS : '+'}${percentText(text, locale)}`;
}

/** A tiny ratio such as a float rounding error: 0 -> "0", 2.25e-16 -> "2.3e-16", 0.05 -> "5.0%". */
export function formatRatio(value: number | null | undefined, locale: Locale = 'en'): string {
  if (!isFiniteNumber(value)) return MISSING;
  if (value === 0) return '0';
  // Scientific notation keeps its point: it is read as a formula, not as a quantity.
  if (Math.abs(value) < 1e-3) return value.toExponential(1);
  return formatPercent(value, 1, locale);
}

const SCALE_WORDS: Record<number, string> = { 0: '', 3: 'thousand', 6: 'million', 9: 'billion' };

/**
 * The figure as its source wrote it, digits untouched: ("37.7", 9, "USD") -> "37.7 billion USD";
 * in Russian and Kazakh with their decimal comma and words ("37,7 млрд долл. США").
 * Shown next to the converted value so that nobody has to trust the conversion.
 */
export function formatAsPublished(value: string, scale: number, unit: string, locale: Locale = 'en'): string {
  if (locale === 'en') {
    const word = SCALE_WORDS[scale] ?? `× 10^${scale}`;
    const suffix = unit === 'count' ? '' : ` ${unit}`;
    return `${value}${word ? ` ${word}` : ''}${suffix}`.trim();
  }
  const digits = value.trim().replace('.', ',');
  if (unit === 'percent' && scale === 0) return percentText(digits, locale);
  if (unit === 'count') return `${digits} ${localScaleWord(scale, locale)}`.trim();
  return `${digits} ${formatUnit(unit, scale, locale)}`;
}

/**
 * An ISO timestamp as "2026-11-23 20:10 UTC" (Russian "23 ноября 2026 г., 20:10 UTC"): read in
 * UTC, so the same text on server and client.
 */
export function formatTimestampUtc(iso: string, locale: Locale = 'en'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return MISSING;
  const text = date.toISOString();
  if (locale === 'en') return `${text.slice(0, 16).replace('T', ' ')} UTC`;
  return `${formatIsoDate(text, 'day', locale)}, ${text.slice(11, 16)} UTC`;
}

/** Names of units other than currencies in Russian and Kazakh; any other unit keeps its code. */
const LOCAL_UNIT_NAMES: Record<string, Record<'ru' | 'kk', string>> = {
  count: { ru: 'количество', kk: 'саны' },
  percent: { ru: 'процент', kk: 'пайыз' },
  years: { ru: 'лет', kk: 'жыл' },
  rank: { ru: 'место', kk: 'орын' },
};

function localScaleWord(scale: number, locale: 'ru' | 'kk'): string {
  if (scale === 0) return '';
  return LOCAL_SCALE_WORDS[scale]?.[locale] ?? `× 10^${scale}`;
}

/**
 * The unit of a value as published, with its scale in words: ("USD", 6) -> "USD million",
 * ("count", 0) -> "count"; Russian "млн долл. США", Kazakh "млн АҚШ доллары". Unknown scales fall
 * back to a power of ten rather than a wrong word.
 */
export function formatUnit(unit: string, scale: number, locale: Locale = 'en'): string {
  if (locale === 'en') {
    const word = SCALE_WORDS[scale] ?? `× 10^${scale}`;
    if (unit === 'count' || unit === 'percent' || unit === 'years' || unit === 'rank')
      return word ? `${unit} (${word})` : unit;
    return word ? `${unit} ${word}` : unit;
  }
  const word = localScaleWord(scale, locale);
  if (unit === 'USD' || unit === 'EUR') return `${word} ${AMOUNT_WORDS[locale].currency[unit]}`.trim();
  const name = LOCAL_UNIT_NAMES[unit]?.[locale];
  if (name) return word ? `${name} (${word})` : name;
  return `${word} ${unit}`.trim();
}

/**
 * A value given as exact decimal text (PostgreSQL numeric), grouped and rounded for reading:
 * "5351587.74833999" -> "5,351,587.748". Trailing zeros of the published text are not invented.
 */
export function formatDecimalText(value: string, maxFractionDigits = 3, locale: Locale = 'en'): string {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number)) return MISSING;
  const published = value.includes('.') ? (value.split('.')[1] ?? '').replace(/e.*$/i, '').length : 0;
  const digits = Math.min(published, maxFractionDigits);
  return formatDecimal(number, digits, locale);
}

/** A growth rate given as a fraction, always signed: 0.052 -> "+5.2%", -0.1 -> "−10.0%". */
export function formatSignedPercent(
  fraction: number | null | undefined,
  fractionDigits = 1,
  locale: Locale = 'en',
): string {
  if (!isFiniteNumber(fraction)) return MISSING;
  const percent = withoutNegativeZero(fraction * 100, fractionDigits);
  const text = percentText(formatNumber(Math.abs(percent), fractionDigits, locale), locale);
  if (percent === 0) return text;
  return `${percent > 0 ? '+' : MINUS}${text}`;
}

// ---------------------------------------------------------------------------------------------
// Units beyond USD million: other currencies, shares, indices and changes, and figures as their
// source published them. Charts and tables pick a formatter by the unit kind of what they show.

export type AmountCurrency = 'USD' | 'EUR';

const CURRENCY_SYMBOL: Record<AmountCurrency, string> = { USD: '$', EUR: '€' };

/** "EUR 1,234.5 million"; ru "1 234,5 млн евро", kk "1 234,5 млн еуро". */
export function formatCurrencyMillions(
  valueMn: number | null | undefined,
  currency: AmountCurrency,
  locale: Locale = 'en',
): string {
  if (!isFiniteNumber(valueMn)) return MISSING;
  const words = AMOUNT_WORDS[locale];
  const number = formatMillions(valueMn, locale);
  return locale === 'en' ? `${currency} ${number} million` : `${number} ${words.million} ${words.currency[currency]}`;
}

/**
 * Axis ticks and legends in any currency, from a value in millions: 85069.7 -> "$85.1 bn", 350 ->
 * "€350 mn", 0 -> "$0"; ru and kk put the symbol last, as they write it: "85,1 млрд $".
 */
export function formatCurrencyMillionsCompact(
  valueMn: number | null | undefined,
  currency: AmountCurrency,
  locale: Locale = 'en',
): string {
  if (!isFiniteNumber(valueMn)) return MISSING;
  const symbol = CURRENCY_SYMBOL[currency];
  const sign = valueMn < 0 ? MINUS : '';
  const abs = Math.abs(valueMn);
  const words = AMOUNT_WORDS[locale];
  const [number, word] =
    abs === 0
      ? ['0', '']
      : abs >= 1000
        ? [formatNumber(abs / 1000, Number.isInteger(abs / 1000) || abs >= 100_000 ? 0 : 1, locale), words.bn]
        : abs >= 1
          ? [formatNumber(abs, Number.isInteger(abs) || abs >= 100 ? 0 : 1, locale), words.mn]
          : [formatNumber(abs, 2, locale), words.mn];
  if (locale === 'en') return `${sign}${symbol}${number}${word ? ` ${word}` : ''}`;
  return `${sign}${number}${word ? `\u00a0${word}` : ''}\u00a0${symbol}`;
}

/**
 * A headline amount, short: "USD 85.1 bn" (the compact form with "USD " for "$"); ru and kk keep
 * the compact form ("85,1 млрд $", as the axes write it), since their words for US dollars ("долл.
 * США", "АҚШ доллары") do not fit a key-figure card on a phone.
 */
export function formatUsdMillionsShort(valueMn: number | null | undefined, locale: Locale = 'en'): string {
  const compact = formatCurrencyMillionsCompact(valueMn, 'USD', locale);
  return locale === 'en' ? compact.replace('$', 'USD ') : compact;
}

/** An index value (base = 100): "142.3". */
export function formatIndexValue(value: number | null | undefined, locale: Locale = 'en'): string {
  return formatNumber(value, 1, locale);
}

export type ValueUnitKind = 'currency' | 'share' | 'index' | 'change';

/** Full form for tooltips and tables, by the kind of value shown. */
export function formatValueByUnit(
  value: number | null | undefined,
  kind: ValueUnitKind,
  currency: AmountCurrency = 'USD',
  locale: Locale = 'en',
): string {
  switch (kind) {
    case 'share':
      return formatPercent(value, 1, locale);
    case 'change':
      return formatSignedPercent(value, 1, locale);
    case 'index':
      return formatIndexValue(value, locale);
    default:
      return formatCurrencyMillions(value, currency, locale);
  }
}

/** Whole numbers print without decimals; others keep one, so a tick at 7.5% never reads "8%". */
const tickDigits = (n: number) => (Math.abs(n - Math.round(n)) < 1e-9 ? 0 : 1);

/** Short form for axis ticks, by the kind of value shown. */
export function formatValueByUnitCompact(
  value: number | null | undefined,
  kind: ValueUnitKind,
  currency: AmountCurrency = 'USD',
  locale: Locale = 'en',
): string {
  if (!isFiniteNumber(value)) return MISSING;
  switch (kind) {
    case 'share':
      return formatPercent(value, tickDigits(value * 100), locale);
    case 'change':
      return formatSignedPercent(value, tickDigits(value * 100), locale);
    case 'index':
      return formatNumber(value, tickDigits(value), locale);
    default:
      return formatCurrencyMillionsCompact(value, currency, locale);
  }
}

/**
 * A figure as its source published it, with its unit and scale: "USD 31.2 billion",
 * "EUR 820 million", "47" (counts), "30%" (percent). `value` is the published number (a string,
 * to keep every digit).
 */
export function formatPublishedAmount(value: string, unit: string, scale: number, locale: Locale = 'en'): string {
  const number = Number(value);
  if (!Number.isFinite(number)) return MISSING;
  const digits = value.includes('.') ? Math.min(value.split('.')[1]?.length ?? 0, 3) : 0;
  const text = formatNumber(number, digits, locale);
  if (unit === 'percent') return percentText(text, locale);
  const word = locale === 'en' ? SCALE_WORDS[scale] : LOCAL_SCALE_WORDS[scale]?.[locale];
  const scaled = scale === 0 || !word ? text : `${text} ${word}`;
  if (unit === 'USD' || unit === 'EUR')
    return locale === 'en' ? `${unit} ${scaled}` : `${scaled} ${AMOUNT_WORDS[locale].currency[unit]}`;
  if (unit === 'count') return scaled;
  return `${scaled} ${unit}`;
}

/** Scale words of published amounts in Russian and Kazakh ("31,2 млрд долл. США"). */
const LOCAL_SCALE_WORDS: Record<number, Record<'ru' | 'kk', string>> = {
  3: { ru: 'тыс.', kk: 'мың' },
  6: { ru: 'млн', kk: 'млн' },
  9: { ru: 'млрд', kk: 'млрд' },
};

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

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * "1 January 2024" from an ISO date (ru "1 января 2024 г.", kk "2024 ж. 1 қаңтар"); the day or
 * month is left out when `precision` says the source gave less. Month names and word order come
 * from Intl; the date is a calendar date, read in UTC so that no time zone moves it.
 */
export function formatIsoDate(
  iso: string | null | undefined,
  precision: 'day' | 'month' | 'year' = 'day',
  locale: Locale = 'en',
): string {
  if (!iso || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return MISSING;
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return MISSING;
  if (precision === 'year') return String(date.getUTCFullYear());
  const key = `${locale}:${precision}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    // English keeps the day-month-year order the dashboard has always written (en-GB), not en-US's "January 1, 2024".
    formatter = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : INTL_LOCALE[locale], {
      day: precision === 'day' ? 'numeric' : undefined,
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    dateFormatters.set(key, formatter);
  }
  return formatter.format(date);
}

/** A month's name as a label on its own: 3 -> "March", ru "март", kk "наурыз". */
export function formatMonthName(month: number, locale: Locale = 'en'): string {
  if (!Number.isInteger(month) || month < 1 || month > 12) return MISSING;
  const name = new Intl.DateTimeFormat(INTL_LOCALE[locale], { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, month - 1, 1)),
  );
  // Kazakh CLDR capitalises stand-alone months ("Наурыз"); in running text they are lower case.
  return locale === 'en' ? name : name.toLocaleLowerCase(INTL_LOCALE[locale]);
}

/** "China’s", "the Netherlands’"-style possessive: names ending in s take only the apostrophe. */
export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}’` : `${name}’s`;
}
