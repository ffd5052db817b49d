// Reads the map's address on the server: the parsers of map.ts, and the notices about parameters it
// cannot use in the page's language. Apart from map.ts because the client controls import that
// module, and the notices' words would then ship in their JavaScript.
import { chartTexts } from '@/lib/i18n/chart-texts';
import type { Locale } from '@/lib/i18n/locales';
import { mapTexts } from '@/lib/i18n/map-texts';
import { partnerListTexts } from '@/lib/i18n/partner-list-texts';
import { MAP_MEASURES, mapParsers, type MapParams } from './map';
import { COMPOSITION_EU_VIEWS } from './overview';
import { CAGR_WINDOWS, GROWTH_MIN_SIZES } from './partner-list';
import { describeDataYears } from './partner-list-parse';
import {
  nullToUndefined,
  parseAsYear,
  type Expectations,
  type IgnoredSearchParam,
  type RawSearchParams,
} from './shared';
import { loadSearchParams } from './shared-parse';

export function parseMapSearchParams(
  raw: RawSearchParams | URLSearchParams,
  { availableYears, locale = 'en' }: { availableYears: readonly number[]; locale?: Locale },
): { params: MapParams; ignored: IgnoredSearchParam[] } {
  const parsers = { ...mapParsers, year: parseAsYear((year) => availableYears.includes(year)) };
  const shared = chartTexts(locale);
  const list = (values: readonly (string | number)[]) => values.join(', ');
  const expected: Expectations<typeof parsers> = {
    measure: shared('params.oneOf', { list: list(MAP_MEASURES) }),
    year: describeDataYears(availableYears, partnerListTexts(locale)),
    eu: shared('params.oneOf', { list: list(COMPOSITION_EU_VIEWS) }),
    window: partnerListTexts(locale)('params.window', { list: list(CAGR_WINDOWS) }),
    min: mapTexts(locale)('params.min', { list: list(GROWTH_MIN_SIZES) }),
  };
  const { values, ignored } = loadSearchParams(parsers, raw, expected, shared);
  return { params: { ...values, year: nullToUndefined(values.year) }, ignored };
}
