// Addresses in the old sort grammar of `/` and `/compare` (`sort=share&dir=desc`), answered by
// proxy.ts with a permanent redirect to the same view in today's grammar (`sort=share:desc`), so
// bookmarks and shared links keep working and every view has one URL.
import { createSerializer } from 'nuqs/server';
import { foldLegacyCompareSort } from './compare';
import { foldLegacyOverviewSort } from './overview';

const FOLDS: Record<string, (search: URLSearchParams) => URLSearchParams | null> = {
  '/': foldLegacyOverviewSort,
  '/compare': foldLegacyCompareSort,
};

/** With no parsers and no values, a nuqs serializer only renders its base, the way nuqs writes URLs. */
const render = createSerializer({});

/** The address to redirect to, or null when `url` is not in the old grammar. */
export function legacySortRedirect(url: URL): URL | null {
  const folded = FOLDS[url.pathname]?.(url.searchParams);
  if (!folded) return null;
  const target = new URL(url);
  // Other parameters are kept as they are, so a bad value is still named in the page's notice.
  target.search = render(folded, {});
  return target;
}
