// Which query parameters each page reads, from each screen's own definition. The proxy sends a
// page request with any other parameter to the same address without it (lib/page-cache.ts), so a
// junk parameter such as `?cb=<unique>` cannot make every request a page-cache miss.
import { COMPARE_PARAM_NAMES } from './compare';
import { CONSISTENCY_PARAM_NAMES } from './consistency';
import { EXPLORER_PARAM_NAMES } from './explorer';
import { OVERVIEW_PARAM_NAMES } from './overview';
import { SCORECARD_PARAM_NAMES } from './partners';

const PAGE_PARAMETERS: readonly { path: RegExp; names: readonly string[] }[] = [
  { path: /^\/$/, names: OVERVIEW_PARAM_NAMES },
  { path: /^\/partners$/, names: SCORECARD_PARAM_NAMES },
  { path: /^\/compare$/, names: COMPARE_PARAM_NAMES },
  { path: /^\/data$/, names: EXPLORER_PARAM_NAMES },
  { path: /^\/consistency$/, names: CONSISTENCY_PARAM_NAMES },
  // Pages that read no parameter at all.
  { path: /^\/(sources|partners\/[^/]+|observations\/[^/]+)$/, names: [] },
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
