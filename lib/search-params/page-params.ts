// Which query parameters each page reads: the keys of each screen's own nuqs parsers. The proxy
// sends a page request with any other parameter to the same address without it (lib/page-cache.ts),
// so a junk parameter such as `?cb=<unique>` cannot make every request a page-cache miss.
import { compareParsers } from './compare';
import { consistencyParsers } from './consistency';
import { dataParsers } from './data';
import { EMBED_PARAMETERS } from './embed';
import { mapParsers } from './map';
import { mirrorParsers } from './mirror';
import { overviewParsers } from './overview';
import { partnerListParsers } from './partner-list';

// The compare parsers depend on the data's year range only for their defaults, not their names.
const COMPARE_PARAM_NAMES = Object.keys(compareParsers({ minYear: 1990, maxYear: 1990 }));

const PAGE_PARAMETERS: readonly { path: RegExp; names: readonly string[] }[] = [
  { path: /^\/$/, names: Object.keys(overviewParsers) },
  { path: /^\/partners$/, names: Object.keys(partnerListParsers) },
  { path: /^\/compare$/, names: COMPARE_PARAM_NAMES },
  { path: /^\/data$/, names: Object.keys(dataParsers) },
  { path: /^\/consistency$/, names: Object.keys(consistencyParsers) },
  { path: /^\/mirror$/, names: Object.keys(mirrorParsers) },
  { path: /^\/map$/, names: Object.keys(mapParsers) },
  // Pages that read no parameter at all.
  { path: /^\/(sources|partners\/[^/]+|observations\/[^/]+)$/, names: [] },
  ...EMBED_PARAMETERS,
];

/**
 * The parameters a page does not read, or null for an address that is not a known page (the
 * 404 page, static files): those are left as they are.
 */
export function unreadParameters(pathname: string, searchParams: URLSearchParams): string[] | null {
  const page = PAGE_PARAMETERS.find((p) => p.path.test(pathname));
  if (!page) return null;
  return [...new Set(searchParams.keys())].filter((name) => !page.names.includes(name));
}
