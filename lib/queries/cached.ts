// The query functions the pages and API routes call, cached in memory per dataset version
// (lib/cache.ts). The dataset changes only through imports, yet the aggregates behind the
// overview, the scorecard, the profiles and the compare view cost 100-200 ms of PostgreSQL CPU
// each: measured on the 2-core machine, 64 concurrent visitors of `/` queued ~13 s and the pool
// refused connections after 5 s. Cached, they cost a map lookup until the next import.
// Integration tests call the query modules directly, uncached, so they test the SQL itself.
import 'server-only';
import { cachedQuery } from '@/lib/cache';
import type { RawSearchParams } from '@/lib/search-params/shared';
import * as compare from './compare';
import * as compareView from './compare-view';
import * as consistency from './consistency';
import * as news from './news-figures';
import * as observations from './observations';
import * as overview from './overview';
import * as profile from './partner-profile';
import * as scorecard from './scorecard';
import * as sources from './sources';

export const getUsdPerEurRates = cachedQuery('getUsdPerEurRates', compare.getUsdPerEurRates);
export const getNewsFigures = cachedQuery('getNewsFigures', news.getNewsFigures);

export const getTopPartnersTurnoverSeries = cachedQuery('getTopPartnersTurnoverSeries', overview.getTopPartnersTurnoverSeries);
export const getAvailableYears = cachedQuery('getAvailableYears', overview.getAvailableYears);
export const getWorldHeadline = cachedQuery('getWorldHeadline', overview.getWorldHeadline);
export const getYearToDate = cachedQuery('getYearToDate', overview.getYearToDate);
export const getTurnoverComposition = cachedQuery('getTurnoverComposition', overview.getTurnoverComposition);
export const getPartnerTable = cachedQuery('getPartnerTable', overview.getPartnerTable);
export const getSourceAttribution = cachedQuery('getSourceAttribution', overview.getSourceAttribution);

export const getPartner = cachedQuery('getPartner', profile.getPartner);
export const getPartnerMemberships = cachedQuery('getPartnerMemberships', profile.getPartnerMemberships);
export const getPartnerTrade = cachedQuery('getPartnerTrade', profile.getPartnerTrade);
export const getMirrorComparison = cachedQuery('getMirrorComparison', profile.getMirrorComparison);
export const getGroupMemberTrade = cachedQuery('getGroupMemberTrade', profile.getGroupMemberTrade);
export const getPartnerAgreements = cachedQuery('getPartnerAgreements', profile.getPartnerAgreements);
export const getPartnerAgreementCounts = cachedQuery('getPartnerAgreementCounts', profile.getPartnerAgreementCounts);
export const getPartnerEvents = cachedQuery('getPartnerEvents', profile.getPartnerEvents);

export const getScorecard = cachedQuery('getScorecard', scorecard.getScorecard);
export const getScorecardYears = cachedQuery('getScorecardYears', scorecard.getScorecardYears);
export const getWorldTotal = cachedQuery('getWorldTotal', scorecard.getWorldTotal);

export const getObservationsPage = cachedQuery('getObservationsPage', observations.getObservationsPage);
export const getObservationFacets = cachedQuery('getObservationFacets', observations.getObservationFacets);
export const findUnknownCodes = cachedQuery('findUnknownCodes', observations.findUnknownCodes);

export const getSources = cachedQuery('getSources', sources.getSources);
export const getConsistencyReport = cachedQuery('getConsistencyReport', consistency.getConsistencyReport);
export const getComparePresets = cachedQuery('getComparePresets', compareView.getComparePresets);

/**
 * The compare view takes raw search parameters; a URLSearchParams would serialise to `{}` as a
 * cache key, so both forms become one sorted list of pairs first (the order of `?a=&b=` does not
 * change the view; the order of repeated keys does, and is kept).
 */
const compareViewByPairs = cachedQuery('getCompareView', (pairs: [string, string][]) => compareView.getCompareView(new URLSearchParams(pairs)));

export function getCompareView(raw: RawSearchParams | URLSearchParams): Promise<compareView.CompareView> {
  const pairs: [string, string][] = raw instanceof URLSearchParams
    ? [...raw.entries()]
    : Object.entries(raw).flatMap(([key, value]) => (value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((v): [string, string] => [key, v])));
  const sorted = pairs.map((pair, i) => ({ pair, i })).sort((a, b) => (a.pair[0] < b.pair[0] ? -1 : a.pair[0] > b.pair[0] ? 1 : a.i - b.i));
  return compareViewByPairs(sorted.map((s) => s.pair));
}
