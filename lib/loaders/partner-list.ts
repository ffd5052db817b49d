import 'server-only';
import { incompleteYearBreaks } from '@/lib/charts/series-breaks';
import { getPartnerList, getPartnerListYears } from '@/lib/queries/partner-list';
import { getSeriesBreaks } from '@/lib/queries/series-breaks';
import { getSourceAttribution } from '@/lib/queries/source-attribution';
import { parsePartnerListSearchParams } from '@/lib/search-params/partner-list';
import type { RawSearchParams } from '@/lib/search-params/shared';

/**
 * The partner list's parameters (checked against the years with data) and its table, started but not
 * awaited, so the controls render while the table streams in.
 */
export async function loadPartnerList(raw: RawSearchParams) {
  const [availableYears, breaks] = await Promise.all([getPartnerListYears(), getSeriesBreaks()]);
  const { params, ignored } = parsePartnerListSearchParams(raw, { availableYears });
  const year = params.year ?? availableYears.at(-1);
  const table =
    year === undefined
      ? null
      : getPartnerList({ year, params }).then(async (partnerList) => ({
          partnerList,
          sources: await getSourceAttribution(partnerList.sourceIds),
          breaks,
        }));
  // Shares and ranks of an incomplete year compare a fraction of Kazakhstan's trade.
  const incomplete = year === undefined ? [] : incompleteYearBreaks(breaks, year);
  return { params, ignored, availableYears, year, table, incomplete };
}
