// Everything the overview shows, loaded in two parallel rounds (the year is checked against the
// years that have data, and the markers need the ranked partners).
import 'server-only';
import { FIRST_TRADE_YEAR, REPORTER_KAZ } from '@/lib/constants';
import { getUsdPerEurRates } from '@/lib/queries/compare';
import { FDI_INDICATORS, getNewsFigures, TRADE_NEWS_INDICATORS } from '@/lib/queries/news-figures';
import {
  getAvailableYears,
  getPartnerTable,
  getTopPartnersTurnoverSeries,
  getTurnoverComposition,
  getWorldHeadline,
  getYearToDate,
} from '@/lib/queries/overview';
import { getSeriesBreaks } from '@/lib/queries/series-breaks';
import { getSourceAttribution } from '@/lib/queries/source-attribution';
import { parseOverviewSearchParams, type RawSearchParams } from '@/lib/search-params/overview';
import { sortDirection } from '@/lib/search-params/sort';

export const TOP_PARTNERS = 6;
export const COMPOSITION_TOP = 6;
/** The composition starts here: 26 bars stay readable on a phone, and the question is "since 2000". */
export const COMPOSITION_FROM = 2000;

export async function loadOverview(raw: RawSearchParams) {
  const reporter = REPORTER_KAZ;
  // Through the current year, so that newer data shows up without a code change.
  const toYear = new Date().getUTCFullYear();
  const [series, availableYears, headline, yearToDate, news, rates, breaks] = await Promise.all([
    getTopPartnersTurnoverSeries({ reporter, top: TOP_PARTNERS, fromYear: FIRST_TRADE_YEAR, toYear }),
    getAvailableYears({ reporter }),
    getWorldHeadline({ reporter }),
    getYearToDate({ reporter }),
    getNewsFigures({ indicators: [...TRADE_NEWS_INDICATORS, ...FDI_INDICATORS], limit: 12 }),
    getUsdPerEurRates(),
    getSeriesBreaks({ reporter }),
  ]);
  const { params, ignored } = parseOverviewSearchParams(raw, { availableYears });
  const shownPartnerCodes = series.partners.filter((p) => !p.isWorld).map((p) => p.code);
  const [composition, markerFigures, table, seriesSources] = await Promise.all([
    getTurnoverComposition({ reporter, top: COMPOSITION_TOP, eu: params.eu, fromYear: COMPOSITION_FROM, toYear }),
    shownPartnerCodes.length > 0
      ? getNewsFigures({ partnerCodes: shownPartnerCodes, indicators: ['turnover'], limit: 100 })
      : Promise.resolve([]),
    getPartnerTable({
      reporter,
      year: params.year,
      sort: params.sort.id,
      dir: sortDirection(params.sort),
      partners: params.partners,
    }),
    getSourceAttribution(series.sourceIds),
  ]);
  const [tableSources, compositionSources] = await Promise.all([
    getSourceAttribution(table.sourceIds),
    getSourceAttribution(composition.sourceIds),
  ]);
  return {
    params,
    ignored,
    availableYears,
    headline,
    yearToDate,
    news,
    rates,
    breaks,
    series,
    seriesSources,
    markerFigures,
    composition,
    compositionSources,
    tableData: { table, sources: tableSources },
  };
}

export type OverviewData = Awaited<ReturnType<typeof loadOverview>>;

/** The overview's turnover charts alone (their embed routes): the same queries as the overview. */
export async function loadTurnoverCharts() {
  const reporter = REPORTER_KAZ;
  const toYear = new Date().getUTCFullYear();
  const [series, breaks] = await Promise.all([
    getTopPartnersTurnoverSeries({ reporter, top: TOP_PARTNERS, fromYear: FIRST_TRADE_YEAR, toYear }),
    getSeriesBreaks({ reporter }),
  ]);
  const shownPartnerCodes = series.partners.filter((p) => !p.isWorld).map((p) => p.code);
  const [markerFigures, seriesSources] = await Promise.all([
    shownPartnerCodes.length > 0
      ? getNewsFigures({ partnerCodes: shownPartnerCodes, indicators: ['turnover'], limit: 100 })
      : Promise.resolve([]),
    getSourceAttribution(series.sourceIds),
  ]);
  return { series, breaks, markerFigures, seriesSources };
}

/** The overview's composition chart alone (its embed route), the EU as the URL says. */
export async function loadCompositionChart(raw: RawSearchParams) {
  const reporter = REPORTER_KAZ;
  const toYear = new Date().getUTCFullYear();
  const { params, ignored } = parseOverviewSearchParams(raw);
  const [composition, breaks] = await Promise.all([
    getTurnoverComposition({ reporter, top: COMPOSITION_TOP, eu: params.eu, fromYear: COMPOSITION_FROM, toYear }),
    getSeriesBreaks({ reporter }),
  ]);
  const compositionSources = await getSourceAttribution(composition.sourceIds);
  return { eu: params.eu, ignored, composition, compositionSources, breaks };
}
