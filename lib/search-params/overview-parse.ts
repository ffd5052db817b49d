// Reads the overview's address on the server: the parsers of overview.ts, and the notices about
// parameters it cannot use in the page's language. Apart from overview.ts because the client
// controls import that module, and the notices' words would then ship in their JavaScript.
import { chartTexts } from '@/lib/i18n/chart-texts';
import type { Locale } from '@/lib/i18n/locales';
import { overviewTexts } from '@/lib/i18n/overview-texts';
import {
  COMPOSITION_EU_VIEWS,
  foldLegacyOverviewSort,
  overviewParsers,
  PARTNER_SORT_KEYS,
  PARTNER_VIEWS,
  type OverviewSearchParams,
} from './overview';
import {
  nullToUndefined,
  parseAsYear,
  toSearchParams,
  type Expectations,
  type IgnoredSearchParam,
  type RawSearchParams,
} from './shared';
import { loadSearchParams } from './shared-parse';

interface ParseOptions {
  /** Years that have data; a year outside this list is ignored. Omit to accept any 4-digit year. */
  availableYears?: readonly number[];
  /** The language of the notice's words; English by default. */
  locale?: Locale;
}

/** What the year parameter accepts, in words (shared.ts's describeYears, in the page's language). */
function yearExpectation(availableYears: readonly number[] | undefined, locale: Locale | undefined): string {
  const texts = overviewTexts(locale);
  if (!availableYears) return texts('params.anyYear');
  if (availableYears.length === 0) return texts('params.noYears');
  return texts('params.yearRange', {
    min: String(Math.min(...availableYears)),
    max: String(Math.max(...availableYears)),
  });
}

export function parseOverviewSearchParams(
  raw: RawSearchParams | URLSearchParams,
  { availableYears, locale }: ParseOptions = {},
): { params: OverviewSearchParams; ignored: IgnoredSearchParam[] } {
  const parsers = {
    ...overviewParsers,
    year: parseAsYear(availableYears ? (year) => availableYears.includes(year) : undefined),
  };
  const texts = chartTexts(locale);
  const expected: Expectations<typeof parsers> = {
    partners: texts('params.oneOf', { list: PARTNER_VIEWS.join(', ') }),
    eu: texts('params.oneOf', { list: COMPOSITION_EU_VIEWS.join(', ') }),
    year: yearExpectation(availableYears, locale),
    sort: texts('params.sort', { list: PARTNER_SORT_KEYS.join(', ') }),
  };
  const search = toSearchParams(raw);
  const { values, ignored } = loadSearchParams(parsers, foldLegacyOverviewSort(search) ?? search, expected, texts);
  return { params: { ...values, year: nullToUndefined(values.year) }, ignored };
}
