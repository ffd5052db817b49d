// Reads the partner list's address on the server (the page and its export): the parsers of
// partner-list.ts, and the notices about parameters it cannot use in the page's language. Apart
// from partner-list.ts because the client controls import that module, and the notices' words
// would then ship in their JavaScript.
import { chartTexts } from '@/lib/i18n/chart-texts';
import type { Locale } from '@/lib/i18n/locales';
import { partnerListTexts, type PartnerListTexts } from '@/lib/i18n/partner-list-texts';
import { MEMBERSHIP_GROUP_CODES } from '@/lib/membership-groups';
import {
  CAGR_WINDOWS,
  GROWTH_MIN_SIZES,
  MAX_PARTNER_LIST_SORT_KEYS,
  PARTNER_LIST_PAGE_SIZES,
  PARTNER_LIST_SORT_KEYS,
  PARTNER_LIST_VIEWS,
  partnerListParsers,
  type PartnerListParams,
} from './partner-list';
import {
  nullToUndefined,
  parseAsYear,
  type Expectations,
  type IgnoredSearchParam,
  type RawSearchParams,
} from './shared';
import { loadSearchParams } from './shared-parse';

interface ParseOptions {
  /** Years that have data, ascending; a year outside this list is ignored. */
  availableYears: readonly number[];
  /** The language of the notices about ignored parameters; English (the export's) by default. */
  locale?: Locale;
}

/** The years a parameter accepts, in the notice's language. */
export function describeDataYears(availableYears: readonly number[], texts: PartnerListTexts): string {
  if (availableYears.length === 0) return texts('params.noYear');
  return texts('params.year', { min: String(Math.min(...availableYears)), max: String(Math.max(...availableYears)) });
}

export function parsePartnerListSearchParams(
  raw: RawSearchParams | URLSearchParams,
  { availableYears, locale = 'en' }: ParseOptions,
): { params: PartnerListParams; ignored: IgnoredSearchParam[] } {
  const parsers = { ...partnerListParsers, year: parseAsYear((year) => availableYears.includes(year)) };
  const texts = partnerListTexts(locale);
  const shared = chartTexts(locale);
  const list = (values: readonly (string | number)[]) => values.join(', ');
  const expected: Expectations<typeof parsers> = {
    q: texts('params.q'),
    group: texts('params.group', { list: list(MEMBERSHIP_GROUP_CODES) }),
    view: shared('params.oneOf', { list: list(PARTNER_LIST_VIEWS) }),
    year: describeDataYears(availableYears, texts),
    window: texts('params.window', { list: list(CAGR_WINDOWS) }),
    min: texts('params.min', { list: list(GROWTH_MIN_SIZES) }),
    sort: texts('params.sort', { max: String(MAX_PARTNER_LIST_SORT_KEYS), list: list(PARTNER_LIST_SORT_KEYS) }),
    page: texts('params.page'),
    size: shared('params.oneOf', { list: list(PARTNER_LIST_PAGE_SIZES) }),
  };
  const { values, ignored } = loadSearchParams(parsers, raw, expected, shared);
  return {
    params: {
      ...values,
      year: nullToUndefined(values.year),
      group: nullToUndefined(values.group),
      q: values.q?.trim() || undefined,
    },
    ignored,
  };
}
