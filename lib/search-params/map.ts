// The world map's URL state (/map), defined once as nuqs parsers for the page's loader and the
// client controls (measure, EU view, year slider). Bad values fall back to their defaults and are
// named in the notice (parseMapSearchParams, in map-parse.ts: its words would put catalogues into
// the client's JavaScript). The growth window and minimum size are the partner list's (lib/search-params/partner-list.ts).
import { createSerializer, parseAsStringLiteral } from 'nuqs/server';
import { COMPOSITION_EU_VIEWS, type CompositionEuView } from './overview';
import { CAGR_WINDOWS, GROWTH_MIN_SIZES, PARTNER_LIST_DEFAULTS } from './partner-list';
import { parseAsIntegerIn, parseAsYear } from './shared';

/** What the map colours: the official series' flows, the share of Kazakhstan's total, or turnover growth. */
export const MAP_MEASURES = ['turnover', 'export', 'import', 'balance', 'share', 'growth'] as const;
export type MapMeasure = (typeof MAP_MEASURES)[number];

export interface MapParams {
  measure: MapMeasure;
  /** Absent: the latest year with data, which depends on the database, not the URL. */
  year?: number;
  eu: CompositionEuView;
  /** Years of the growth rate (the partner list's windows). */
  window: number;
  /** Minimum turnover in both years for a growth rate, USD million (the partner list's rule). */
  min: number;
}

/**
 * A map is of countries, so the EU is drawn by its members unless asked for as one block (the
 * overview's composition starts from the block: there the EU is one slice among partners).
 */
export const MAP_DEFAULTS = {
  measure: 'turnover',
  eu: 'members',
  window: PARTNER_LIST_DEFAULTS.window,
  min: PARTNER_LIST_DEFAULTS.min,
} as const satisfies Omit<MapParams, 'year'>;

/** In the order the canonical URL lists them. */
export const mapParsers = {
  measure: parseAsStringLiteral(MAP_MEASURES).withDefault(MAP_DEFAULTS.measure),
  year: parseAsYear(),
  eu: parseAsStringLiteral(COMPOSITION_EU_VIEWS).withDefault(MAP_DEFAULTS.eu),
  window: parseAsIntegerIn(CAGR_WINDOWS).withDefault(MAP_DEFAULTS.window),
  min: parseAsIntegerIn(GROWTH_MIN_SIZES).withDefault(MAP_DEFAULTS.min),
};

/** "" or "?…", defaults dropped. */
export const serializeMap = createSerializer(mapParsers);

/** The permalink: every parameter written out, the year included, so it keeps showing the same view after newer data arrive. The caller puts it in the page's language (localizedHref). */
export function mapPermalink(params: MapParams, year: number | undefined): string {
  const query = new URLSearchParams();
  query.set('measure', params.measure);
  if (year !== undefined) query.set('year', String(year));
  query.set('eu', params.eu);
  if (params.measure === 'growth') {
    query.set('window', String(params.window));
    query.set('min', String(params.min));
  }
  return `/map?${query.toString()}`;
}

export type { CompositionEuView };
