// The embed routes' addresses (/embed/...): one chart of a screen, alone, for other sites' frames.
// Each takes the same parameters as its full view, less those that change nothing on the chart
// (the tables' sort), so that an embed's address is the full view's query string and the page
// cache keeps one entry per chart.
import { compareParsers } from './compare';
import { mapParsers } from './map';

/** The overview's charts, as named in /embed/overview/<chart>. */
export const OVERVIEW_EMBED_CHARTS = ['turnover', 'world', 'composition'] as const;
export type OverviewEmbedChart = (typeof OVERVIEW_EMBED_CHARTS)[number];

/** A partner profile's charts, as named in /embed/partners/<code>/<chart>. */
export const PARTNER_EMBED_CHARTS = ['trade', 'balance', 'share', 'mirror-exports', 'mirror-imports'] as const;
export type PartnerEmbedChart = (typeof PARTNER_EMBED_CHARTS)[number];

export const isOverviewEmbedChart = (name: string): name is OverviewEmbedChart =>
  (OVERVIEW_EMBED_CHARTS as readonly string[]).includes(name);
export const isPartnerEmbedChart = (name: string): name is PartnerEmbedChart =>
  (PARTNER_EMBED_CHARTS as readonly string[]).includes(name);

// The compare parsers depend on the data's year range only for their defaults, not their names.
const COMPARE_EMBED_PARAMS = Object.keys(compareParsers({ minYear: 1990, maxYear: 1990 })).filter(
  (name) => name !== 'sort',
);

/** Which query parameters each embed route reads; the first path that matches applies. */
export const EMBED_PARAMETERS: readonly { path: RegExp; names: readonly string[] }[] = [
  { path: /^\/embed\/compare$/, names: COMPARE_EMBED_PARAMS },
  { path: /^\/embed\/map$/, names: Object.keys(mapParsers) },
  // Only the composition depends on the overview's state: the EU as one block or by members.
  { path: /^\/embed\/overview\/composition$/, names: ['eu'] },
  { path: /^\/embed\/overview\/[^/]+$/, names: [] },
  { path: /^\/embed\/partners\/[^/]+\/[^/]+$/, names: [] },
];
