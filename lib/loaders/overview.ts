// Everything the overview shows, loaded in two parallel rounds (the year is checked against the
// years that have data, and the markers need the ranked partners).
import 'server-only';
import { sortByName } from '@/lib/charts/overview-text';
import { firstRows, fullPartnerList, OVERVIEW_TABLE_ROWS } from '@/lib/charts/overview-table';
import { shortSourceName, worldTotalOrigin } from '@/lib/charts/provenance-text';
import { localizeBreaks } from '@/lib/charts/series-breaks';
import { FIRST_TRADE_YEAR, OTHER_PARTNERS_KEY, REPORTER_KAZ } from '@/lib/constants';
import { chartTexts } from '@/lib/i18n/chart-texts';
import type { Locale } from '@/lib/i18n/locales';
import { localizedHref } from '@/lib/i18n/paths';
import { overviewTexts } from '@/lib/i18n/overview-texts';
import { partnerName, withPartnerNames } from '@/lib/i18n/partner-names';
import { getUsdPerEurRates } from '@/lib/queries/compare';
import { FDI_INDICATORS, getNewsFigures, TRADE_NEWS_INDICATORS } from '@/lib/queries/news-figures';
import {
  getAvailableYears,
  getPartnerTable,
  getTopPartnersTurnoverSeries,
  getTurnoverComposition,
  getWorldHeadline,
  getYearToDate,
  type PartnerTable,
  type TopPartnersTurnoverSeries,
  type TurnoverComposition,
} from '@/lib/queries/overview';
import { getSeriesBreaks } from '@/lib/queries/series-breaks';
import { getSourceAttribution } from '@/lib/queries/source-attribution';
import { type OverviewSearchParams, type RawSearchParams } from '@/lib/search-params/overview';
import { parseOverviewSearchParams } from '@/lib/search-params/overview-parse';
import { sortDirection } from '@/lib/search-params/sort';
import type { SeriesBreak } from '@/lib/charts/series-breaks';

export const TOP_PARTNERS = 6;
export const COMPOSITION_TOP = 6;
/** The composition starts here: 26 bars stay readable on a phone, and the question is "since 2000". */
export const COMPOSITION_FROM = 2000;

/** Partner names in the page's language (the bureau's Russian names first, lib/i18n/partner-names.ts). */
function localizedSeries(series: TopPartnersTurnoverSeries, locale: Locale): TopPartnersTurnoverSeries {
  return { ...series, partners: withPartnerNames(locale, series.partners) };
}

function localizedComposition(composition: TurnoverComposition, locale: Locale): TurnoverComposition {
  const other = overviewTexts(locale)('composition.other');
  return {
    ...composition,
    parts: composition.parts.map((part) => ({
      ...part,
      label:
        part.key === OTHER_PARTNERS_KEY
          ? other
          : partnerName(locale, { code: part.key, name: part.label, nameRu: part.labelRu }),
    })),
  };
}

/**
 * The table's partner names in the page's language. Sorted by name, the rows follow the names
 * shown, in the language's alphabetical order: the database orders by the English names.
 */
function localizedTable(table: PartnerTable, locale: Locale, sort: OverviewSearchParams['sort']): PartnerTable {
  if (locale === 'en') return table;
  const rows = withPartnerNames(locale, table.rows);
  return { ...table, rows: sort.id === 'name' ? sortByName(rows, locale, sort.desc) : rows };
}

/**
 * Where the table's world total comes from, in the page's language. Said here, not in the client
 * table: the words' module holds every language, which would ship in its JavaScript.
 */
function worldProvenance(table: PartnerTable, locale: Locale) {
  const texts = chartTexts(locale);
  return {
    worldSource: shortSourceName(table.worldSourceId ?? '', texts),
    worldOrigin: worldTotalOrigin({ sourceId: table.worldSourceId, derived: table.worldIsDerived }, texts),
  };
}

/** The known breaks by their catalogue names, in the page's language. */
const localizedBreaks = (breaks: SeriesBreak[], locale: Locale) => localizeBreaks(breaks, chartTexts(locale));

export async function loadOverview(raw: RawSearchParams, locale: Locale = 'en') {
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
  const { params, ignored } = parseOverviewSearchParams(raw, { availableYears, locale });
  const shownPartnerCodes = series.partners.filter((p) => !p.isWorld).map((p) => p.code);
  const [composition, markerFigures, fullTable, seriesSources] = await Promise.all([
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
  // Cut after the names are sorted in the page's language, or a Russian A→Z would keep the first
  // rows of the English order.
  const table = firstRows(localizedTable(fullTable, locale, params.sort), OVERVIEW_TABLE_ROWS);
  const fullList = fullPartnerList(table, params);
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
    breaks: localizedBreaks(breaks, locale),
    series: localizedSeries(series, locale),
    seriesSources,
    markerFigures,
    composition: localizedComposition(composition, locale),
    compositionSources,
    tableData: {
      table,
      sources: tableSources,
      ...worldProvenance(table, locale),
      fullList: fullList && { ...fullList, href: localizedHref(locale, fullList.href) },
    },
  };
}

export type OverviewData = Awaited<ReturnType<typeof loadOverview>>;

/** The overview's turnover charts alone (their embed routes): the same queries as the overview. */
export async function loadTurnoverCharts(locale: Locale = 'en') {
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
  return {
    series: localizedSeries(series, locale),
    breaks: localizedBreaks(breaks, locale),
    markerFigures,
    seriesSources,
  };
}

/** The overview's composition chart alone (its embed route), the EU as the URL says. */
export async function loadCompositionChart(raw: RawSearchParams, locale: Locale = 'en') {
  const reporter = REPORTER_KAZ;
  const toYear = new Date().getUTCFullYear();
  const { params, ignored } = parseOverviewSearchParams(raw, { locale });
  const [composition, breaks] = await Promise.all([
    getTurnoverComposition({ reporter, top: COMPOSITION_TOP, eu: params.eu, fromYear: COMPOSITION_FROM, toYear }),
    getSeriesBreaks({ reporter }),
  ]);
  const compositionSources = await getSourceAttribution(composition.sourceIds);
  return {
    eu: params.eu,
    ignored,
    composition: localizedComposition(composition, locale),
    compositionSources,
    breaks: localizedBreaks(breaks, locale),
  };
}
