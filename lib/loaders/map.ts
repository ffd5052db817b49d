import 'server-only';
import { incompleteYearBreaks } from '@/lib/charts/series-breaks';
import { EU27_CODE, EU_CODE } from '@/lib/constants';
import { mapTexts } from '@/lib/i18n/map-texts';
import type { Locale } from '@/lib/i18n/locales';
import { buildMapView } from '@/lib/map/map-view';
import { worldGeometry } from '@/lib/map/world-geometry';
import { getGroupMembersOn } from '@/lib/queries/compare';
import { getPartnerListRows, getPartnerListYears } from '@/lib/queries/partner-list';
import { getSeriesBreaks } from '@/lib/queries/series-breaks';
import { getSourceAttribution } from '@/lib/queries/source-attribution';
import { localizedBreaks } from './partner-list';
import { parseMapSearchParams } from '@/lib/search-params/map-parse';
import { PARTNER_LIST_DEFAULTS, type PartnerListParams } from '@/lib/search-params/partner-list';
import type { RawSearchParams } from '@/lib/search-params/shared';

/**
 * The map's parameters (the year checked against the years with data) and what it draws: the
 * partner list's rows for the year (countries, and the EU's row for the block view), shaped by
 * lib/map/map-view.ts over the projected world. Names, notes and notices are in the page's language.
 */
export async function loadMap(raw: RawSearchParams, locale: Locale = 'en') {
  const [availableYears, allBreaks] = await Promise.all([getPartnerListYears(), getSeriesBreaks()]);
  const breaks = localizedBreaks(allBreaks, locale);
  const { params, ignored } = parseMapSearchParams(raw, { availableYears, locale });
  const year = params.year ?? availableYears.at(-1);
  if (year === undefined) return { params, ignored, availableYears, year, map: null };

  const partnerList: PartnerListParams = {
    ...PARTNER_LIST_DEFAULTS,
    sort: [...PARTNER_LIST_DEFAULTS.sort],
    window: params.window,
    min: params.min,
  };
  const [countries, eu, [composition]] = await Promise.all([
    getPartnerListRows({ year, params: { ...partnerList, view: 'countries' }, locale }),
    params.eu === 'block'
      ? getPartnerListRows({ year, params: { ...partnerList, view: 'groups' }, codes: [EU_CODE], locale })
      : Promise.resolve([]),
    getGroupMembersOn({ groupCodes: [EU27_CODE], date: `${year}-07-01` }),
  ]);
  const geometry = worldGeometry();
  const view = buildMapView({
    rows: [...countries, ...eu],
    params,
    year,
    euMembers: composition?.memberCodes ?? [],
    breaks,
    drawable: geometry.drawable,
    texts: mapTexts(locale),
    locale,
  });
  const sourceIds = [
    ...new Set(view.entries.flatMap((e) => (e.value !== null && e.sourceId ? [e.sourceId] : []))),
  ].sort();
  const sources = await getSourceAttribution(sourceIds);
  return {
    params,
    ignored,
    availableYears,
    year,
    map: { view, geometry, sources, incomplete: incompleteYearBreaks(breaks, year) },
  };
}

export type MapData = NonNullable<Awaited<ReturnType<typeof loadMap>>['map']>;
