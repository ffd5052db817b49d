import 'server-only';
import type { Messages } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { formatIsoDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import {
  localizeFacets,
  localizeObservations,
  type LocalizedObservation,
  type ObservationNamer,
} from '@/lib/i18n/observation-names';
import {
  findUnknownCodes,
  getObservationFacets,
  getObservationsPage,
  type ObservationFacets,
  type ObservationPage,
} from '@/lib/queries/observations';
import { getPartnerNameRows } from '@/lib/queries/partner-names';
import type { DataState } from '@/lib/search-params/data';
import { hasCodeFilters, parseDataSearchParams, withoutUnknownCodes } from '@/lib/search-params/data-parse';
import type { IgnoredSearchParam, RawSearchParams } from '@/lib/search-params/shared';

// The data screen's loader: its URL state, its filters' options and its rows, named in the page's
// language. The API and the exports read the same queries and keep English.

type IndicatorKey = keyof Messages['Indicators'];

export type DataPage = Omit<ObservationPage, 'rows'> & { rows: LocalizedObservation[] };

export interface DataView {
  state: DataState;
  ignored: IgnoredSearchParam[];
  facets: ObservationFacets;
  /** Not awaited: the rows stream in behind their own Suspense boundary while the filters render. */
  page: Promise<DataPage>;
}

/** Partner and indicator names in `locale`; English needs none (the database's names are English). */
export async function observationNamer(locale: Locale): Promise<ObservationNamer> {
  if (locale === 'en') return { locale, namesRu: {}, indicatorLabel: () => undefined };
  // The partner table's names, not getPartnerOptions: that one also asks which partners have rows.
  const [partners, indicators] = await Promise.all([
    getPartnerNameRows(),
    getTranslations({ locale, namespace: 'Indicators' }),
  ]);
  const namesRu = Object.fromEntries(partners.flatMap((p) => (p.nameRu ? [[p.code, p.nameRu]] : [])));
  // A code the catalogue does not name keeps the database's English label.
  const indicatorLabel = (code: string) =>
    indicators.has(code as IndicatorKey) ? indicators(code as IndicatorKey) : undefined;
  return { locale, namesRu, indicatorLabel };
}

export async function loadDataPage(raw: RawSearchParams, locale: Locale): Promise<DataView> {
  const parsed = parseDataSearchParams(raw, locale);
  // Codes the database does not hold are left out with a notice before the rows are read.
  const unknown = hasCodeFilters(parsed.state.query)
    ? await findUnknownCodes({ ...parsed.state.query, format: 'json' })
    : [];
  const known = withoutUnknownCodes(parsed.state.query, unknown, locale);
  const state = { ...parsed.state, query: known.query };
  const ignored = [...parsed.ignored, ...known.ignored];
  const rows = getObservationsPage({ ...state.query, format: 'json' }, locale);
  const [facets, namer, t] = await Promise.all([
    getObservationFacets(),
    observationNamer(locale),
    getTranslations({ locale, namespace: 'Data' }),
  ]);
  const periodTitle = (start: string | null, end: string | null) =>
    start && end
      ? t('cells.periodRange', { start: formatIsoDate(start, 'day', locale), end: formatIsoDate(end, 'day', locale) })
      : undefined;
  const page = rows.then((p) => ({
    ...p,
    rows: localizeObservations(p.rows, namer).map((row) => ({
      ...row,
      period_title: periodTitle(row.period_start, row.period_end),
    })),
  }));
  return { state, ignored, facets: localizeFacets(facets, namer), page };
}
