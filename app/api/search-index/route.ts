import { getSearchPartners } from '@/lib/queries/search-partners';
import { buildSearchItems } from '@/lib/search/search-items';

export const dynamic = 'force-dynamic';

/**
 * The site search's index as one JSON document (about 40 KB, 10 KB gzipped): fetched by the header's
 * search box the first time it is used, then kept by the browser for five minutes.
 */
export async function GET(request: Request) {
  const unknown = [...new URL(request.url).searchParams.keys()];
  if (unknown.length > 0) {
    return Response.json(
      {
        error: 'invalid_parameter',
        parameter: unknown[0],
        message: `${unknown[0]}: this endpoint takes no parameters`,
      },
      { status: 400 },
    );
  }
  try {
    const items = buildSearchItems(await getSearchPartners());
    return Response.json({ items }, { headers: { 'Cache-Control': 'public, max-age=300' } });
  } catch {
    return Response.json(
      { error: 'database_unavailable', message: 'The database is not reachable; try again shortly.' },
      { status: 503 },
    );
  }
}
