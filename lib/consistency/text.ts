// The checks' words as catalogue keys and values (ConsistencyItems.<key>), never as finished
// sentences: the report is cached once per dataset version (checks/index.ts) and read in every
// language, so the checks say which sentence and which numbers, and the page says them in its
// language. Numbers and names stay values until then, so they are formatted for the language too.
import type { MessageKeys, NestedKeyOf } from 'next-intl';
import { formatMonthName, formatNumber, formatPercent, formatQuantity } from '@/lib/format';
import type { Catalogue } from '@/lib/i18n/catalogue';
import { chartTexts } from '@/lib/i18n/chart-texts';
import type { Locale } from '@/lib/i18n/locales';
import { partnerListTexts } from '@/lib/i18n/partner-list-texts';
import { partnerName } from '@/lib/i18n/partner-names';

type Items = Catalogue['ConsistencyItems'];
export type ItemKey = MessageKeys<Items, NestedKeyOf<Items>>;

export type TextArg =
  /** Codes, source ids, years: the same in every language. */
  | string
  /** A count: ICU formats it and chooses the plural form by it. */
  | number
  | Text
  | { kind: 'number'; value: number; digits: number }
  /** A share given as a fraction: 0.179 -> "17.9%". */
  | { kind: 'percent'; share: number }
  | { kind: 'quantity'; value: number | null; unit: string }
  | { kind: 'partner'; code: string; name: string; nameRu?: string | null }
  /** An indicator named in a title ("exports", "embassies abroad"); an unknown code reads as written. */
  | { kind: 'indicator'; code: string }
  /** The tidy layout's (year, period) pair: "FY 2022", "Jan-Nov 2023". */
  | { kind: 'period'; year: number | null; period: string }
  | { kind: 'list'; items: readonly TextArg[]; separator: ', ' | ' ' | '' }
  /** A known series break's label or description: the catalogues' by its key, else the database's. */
  | { kind: 'break'; key: string; part: 'label' | 'description'; asStored: string }
  /** The database's own English (a break's description, an editor's note): shown as written. */
  | { kind: 'asWritten'; text: string };

export interface Text {
  key: ItemKey;
  values?: Readonly<Record<string, TextArg>>;
}

export const text = (key: ItemKey, values?: Readonly<Record<string, TextArg>>): Text =>
  values ? { key, values } : { key };

export const asWritten = (value: string): TextArg => ({ kind: 'asWritten', text: value });
export const num = (value: number, digits: number): TextArg => ({ kind: 'number', value, digits });
export const percent = (share: number): TextArg => ({ kind: 'percent', share });
export const quantity = (value: number | null, unit: string): TextArg => ({ kind: 'quantity', value, unit });
export const indicator = (code: string): TextArg => ({ kind: 'indicator', code });
export const period = (year: number | null, label: string): TextArg => ({ kind: 'period', year, period: label });
export const list = (items: readonly TextArg[], separator: ', ' | ' ' | '' = ', '): TextArg => ({
  kind: 'list',
  items,
  separator,
});

/** What rendering needs: the language and its ConsistencyItems translator. */
export interface ItemTexts {
  locale: Locale;
  t: (key: ItemKey, values?: Record<string, string | number>) => string;
  has: (key: ItemKey) => boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function renderPeriod(year: number | null, label: string, texts: ItemTexts): string {
  if (year === null) return label;
  if (label === 'FY') return texts.t('period.fullYear', { year: String(year) });
  const upTo = /^Jan-([A-Z][a-z]{2})$/.exec(label);
  const month = upTo ? MONTHS.indexOf(upTo[1] ?? '') + 1 : 0;
  if (month > 0)
    return texts.t('period.monthsToDate', {
      year: String(year),
      month: texts.locale === 'en' ? (upTo?.[1] ?? '') : formatMonthName(month, texts.locale),
    });
  if (label === 'H1' || label === 'H2') return texts.t(`period.${label}`, { year: String(year) });
  // Labels that already name their dates ("2023-01", "2012-2014") are kept as written.
  if (/\d{4}/.test(label)) return label;
  return `${label} ${year}`;
}

/**
 * English reads the database's words, as the charts do; another language the catalogues' by the
 * break's key (ChartTexts.breakLabels, partnerList.breakDescriptions), where they name it.
 */
function breakText(key: string, part: 'label' | 'description', asStored: string, locale: Locale): string {
  if (locale === 'en') return asStored;
  if (part === 'label') {
    const texts = chartTexts(locale);
    // The key comes from the data: has() checks it before it is used.
    const label = `breakLabels.${key}` as Extract<Parameters<typeof texts.has>[0], `breakLabels.${string}`>;
    return texts.has(label) ? texts(label) : asStored;
  }
  const texts = partnerListTexts(locale);
  const description = `breakDescriptions.${key}` as Extract<
    Parameters<typeof texts.has>[0],
    `breakDescriptions.${string}`
  >;
  return texts.has(description) ? texts(description) : asStored;
}

/** One value of a sentence as the language writes it. */
export function renderArg(arg: TextArg, texts: ItemTexts): string | number {
  if (typeof arg === 'string' || typeof arg === 'number') return arg;
  if (!('kind' in arg)) return renderText(arg, texts);
  switch (arg.kind) {
    case 'number':
      return formatNumber(arg.value, arg.digits, texts.locale);
    case 'percent':
      return formatPercent(arg.share, 1, texts.locale);
    case 'quantity':
      return formatQuantity(arg.value, arg.unit, texts.locale);
    case 'partner':
      return partnerName(texts.locale, arg);
    case 'indicator': {
      const key = `indicators.${arg.code}` as ItemKey;
      return texts.has(key) ? texts.t(key) : arg.code.replaceAll('_', ' ');
    }
    case 'period':
      return renderPeriod(arg.year, arg.period, texts);
    case 'list':
      return arg.items.map((item) => String(renderArg(item, texts))).join(arg.separator);
    case 'asWritten':
      return arg.text;
    case 'break':
      return breakText(arg.key, arg.part, arg.asStored, texts.locale);
  }
}

export function renderText(message: Text, texts: ItemTexts): string {
  const values = Object.fromEntries(
    Object.entries(message.values ?? {}).map(([name, arg]) => [name, renderArg(arg, texts)]),
  );
  return texts.t(message.key, values);
}

/** True when the whole text is the database's English, for lang="en" on what shows it. */
export const isAsWritten = (arg: TextArg | null): boolean =>
  arg !== null && typeof arg === 'object' && 'kind' in arg && arg.kind === 'asWritten';
