// Reads /mirror's address on the server: the parsers of mirror.ts, and the notices about parameters
// it cannot use in the page's language. Apart from mirror.ts because the client controls import that
// module, and the notices' words (three catalogues' namespaces) would then ship in their JavaScript.
import { chartTexts } from '@/lib/i18n/chart-texts';
import type { Locale } from '@/lib/i18n/locales';
import { mapTexts } from '@/lib/i18n/map-texts';
import { partnerListTexts } from '@/lib/i18n/partner-list-texts';
import {
  MAX_MIRROR_SORT_KEYS,
  MIRROR_FLOWS,
  MIRROR_MIN_SIZES,
  MIRROR_PAGE_SIZES,
  MIRROR_SORT_KEYS,
  mirrorParsers,
  type MirrorParams,
} from './mirror';
import { describeDataYears } from './partner-list-parse';
import {
  nullToUndefined,
  parseAsYear,
  type Expectations,
  type IgnoredSearchParam,
  type RawSearchParams,
} from './shared';
import { loadSearchParams } from './shared-parse';

export function parseMirrorSearchParams(
  raw: RawSearchParams | URLSearchParams,
  { availableYears, locale = 'en' }: { availableYears: readonly number[]; locale?: Locale },
): { params: MirrorParams; ignored: IgnoredSearchParam[] } {
  const parsers = { ...mirrorParsers, year: parseAsYear((year) => availableYears.includes(year)) };
  // The notices' wording is the partner list's and the map's (the same parameters mean the same there).
  const shared = chartTexts(locale);
  const list = partnerListTexts(locale);
  const expected: Expectations<typeof parsers> = {
    flow: shared('params.oneOf', { list: MIRROR_FLOWS.join(', ') }),
    year: describeDataYears(availableYears, list),
    min: mapTexts(locale)('params.min', { list: MIRROR_MIN_SIZES.join(', ') }),
    sort: list('params.sort', { max: String(MAX_MIRROR_SORT_KEYS), list: MIRROR_SORT_KEYS.join(', ') }),
    page: list('params.page'),
    size: shared('params.oneOf', { list: MIRROR_PAGE_SIZES.join(', ') }),
  };
  const { values, ignored } = loadSearchParams(parsers, raw, expected, shared);
  return { params: { ...values, year: nullToUndefined(values.year) }, ignored };
}
