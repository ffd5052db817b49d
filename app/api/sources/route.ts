import { databaseUnavailable, invalidParameters } from '@/lib/http/api-error';
import { getSources } from '@/lib/queries/sources';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const unknown = [...new URL(request.url).searchParams.keys()];
  if (unknown.length > 0) {
    return invalidParameters(
      unknown.map((name) => ({ parameter: name, message: 'this endpoint takes no parameters' })),
    );
  }
  try {
    return Response.json({ sources: await getSources() });
  } catch {
    return databaseUnavailable();
  }
}
