import 'server-only';
import { worldTotalOrigin } from '@/lib/charts/provenance-text';
import { incompleteYearBreaks, localizeBreaks, type SeriesBreak } from '@/lib/charts/series-breaks';
import { chartTexts } from '@/lib/i18n/chart-texts';
import { partnerListTexts } from '@/lib/i18n/partner-list-texts';
import type { Locale } from '@/lib/i18n/locales';
import { getPartnerList, getPartnerListYears } from '@/lib/queries/partner-list';
import { getSeriesBreaks } from '@/lib/queries/series-breaks';
import { getSourceAttribution } from '@/lib/queries/source-attribution';
import { parsePartnerListSearchParams } from '@/lib/search-params/partner-list-parse';
import type { RawSearchParams } from '@/lib/search-params/shared';

/**
 * Known breaks with their label and description in the page's language: the catalogues name them by
 * key; a break added to the data later keeps the database's English until they do.
 */
export function localizedBreaks(breaks: readonly SeriesBreak[], locale: Locale): SeriesBreak[] {
  const texts = partnerListTexts(locale);
  return localizeBreaks(breaks, chartTexts(locale)).map((b) => {
    // The key comes from the data: has() checks it before it is used.
    const key = `breakDescriptions.${b.key}` as Extract<Parameters<typeof texts.has>[0], `breakDescriptions.${string}`>;
    return texts.has(key) ? { ...b, description: texts(key) } : b;
  });
}

/**
 * The partner list's parameters (checked against the years with data) and its table, started but not
 * awaited, so the controls render while the table streams in. Names, notices and break texts are in
 * the page's language.
 */
export async function loadPartnerList(raw: RawSearchParams, locale: Locale = 'en') {
  const [availableYears, allBreaks] = await Promise.all([getPartnerListYears(), getSeriesBreaks()]);
  const breaks = localizedBreaks(allBreaks, locale);
  const { params, ignored } = parsePartnerListSearchParams(raw, { availableYears, locale });
  const year = params.year ?? availableYears.at(-1);
  const table =
    year === undefined
      ? null
      : getPartnerList({ year, params, locale }).then(async (partnerList) => ({
          partnerList,
          sources: await getSourceAttribution(partnerList.sourceIds),
          breaks,
          // Said here, not in the client table: the words' module holds every language.
          worldOrigin: worldTotalOrigin(partnerList.world, chartTexts(locale)),
        }));
  // Shares and ranks of an incomplete year compare a fraction of Kazakhstan's trade.
  const incomplete = year === undefined ? [] : incompleteYearBreaks(breaks, year);
  return { params, ignored, availableYears, year, table, incomplete };
}
