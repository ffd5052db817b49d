// Where each chart's embed lives (/embed/...), the full view it links back to, and the <iframe>
// snippet a reader copies to show it on another site. Pure: the snippet's origin is the address
// the reader sees, which only the browser knows (the server renders pages through its own
// loopback address for the page cache).
import { serializeCompare, type CompareSearchParams, type CompareYearRange } from '@/lib/search-params/compare';
import type { OverviewEmbedChart, PartnerEmbedChart } from '@/lib/search-params/embed';
import { mapPermalink, type MapParams } from '@/lib/search-params/map';
import { serializeOverview, type CompositionEuView } from '@/lib/search-params/overview';

export interface ChartEmbed {
  /** The embed's path and query on this site, e.g. `/embed/compare?partners=AGG_EU,CHN,RUS&…`. */
  src: string;
  /** The full view the chart belongs to, for the embed's "open the full view" link. */
  fullView: string;
  /** The frame's height in CSS pixels: title, chart, legend and source lines at an article's width. */
  height: number;
}

/**
 * The frame heights: the embed pages' content measured at 640 px wide (an article's column) on
 * the bundled data. Wider frames leave some space under the link; narrower ones (a phone) scroll
 * inside the frame.
 */
export const EMBED_HEIGHTS = {
  compare: 880,
  overview: { turnover: 860, world: 620, composition: 880 },
  partner: { trade: 760, balance: 600, share: 640, 'mirror-exports': 580, 'mirror-imports': 580 },
  map: 900,
} as const satisfies {
  compare: number;
  overview: Record<OverviewEmbedChart, number>;
  partner: Record<PartnerEmbedChart, number>;
  map: number;
};

/**
 * The compare chart with every parameter written out (like the page's permalink, so an article
 * keeps showing the years it was written about), less the summary table's sort.
 */
export function compareEmbed(params: CompareSearchParams, range: CompareYearRange): ChartEmbed {
  const query = serializeCompare(params, range, { explicit: true });
  const chartQuery = query
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => part !== '' && !part.startsWith('sort='))
    .join('&');
  return {
    src: `/embed/compare${chartQuery ? `?${chartQuery}` : ''}`,
    fullView: `/compare${query}`,
    height: EMBED_HEIGHTS.compare,
  };
}

/** One of the overview's charts; only the composition depends on the overview's state. */
export function overviewEmbed(chart: OverviewEmbedChart, eu?: CompositionEuView): ChartEmbed {
  const query = chart === 'composition' && eu ? serializeOverview({ eu }) : '';
  const section = chart === 'composition' ? 'composition-heading' : 'turnover-heading';
  return {
    src: `/embed/overview/${chart}${query}`,
    fullView: `/${query}#${section}`,
    height: EMBED_HEIGHTS.overview[chart],
  };
}

/** One of a partner profile's charts. */
export function partnerEmbed(code: string, chart: PartnerEmbedChart): ChartEmbed {
  const path = encodeURIComponent(code);
  const section = chart.startsWith('mirror') ? 'mirror-heading' : 'trade-heading';
  return {
    src: `/embed/partners/${path}/${chart}`,
    fullView: `/partners/${path}#${section}`,
    height: EMBED_HEIGHTS.partner[chart],
  };
}

/** The map for one year, every parameter written out (the page's permalink). */
export function mapEmbed(params: MapParams, year: number | undefined): ChartEmbed {
  const fullView = mapPermalink(params, year);
  return { src: fullView.replace(/^\/map/, '/embed/map'), fullView, height: EMBED_HEIGHTS.map };
}

/**
 * Text for a double-quoted HTML attribute. Written here rather than taken from a package: the
 * four replacements are the whole of it, and the browser bundle gains nothing.
 */
function attribute(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * The snippet to paste into another page: the embed at this site's `origin`, as wide as the
 * column it is put in (up to the chart's widest layout), with a title for screen readers.
 */
export function embedSnippet(origin: string, embed: ChartEmbed, title: string): string {
  const src = new URL(embed.src, origin).toString();
  return `<iframe src="${attribute(src)}" title="${attribute(title)}" width="100%" height="${embed.height}" style="border:0;max-width:960px" loading="lazy"></iframe>`;
}
