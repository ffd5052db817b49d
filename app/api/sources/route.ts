import { getSources } from '@/lib/queries/sources';

export const dynamic = 'force-dynamic';

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
    return Response.json({ sources: await getSources() });
  } catch {
    return Response.json(
      { error: 'database_unavailable', message: 'The database is not reachable; try again shortly.' },
      { status: 503 },
    );
  }
}
