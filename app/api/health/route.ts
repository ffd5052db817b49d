import { getDatabaseHealth } from '@/lib/loaders/health';

// Never prerendered or cached: each request checks the database now.
export const dynamic = 'force-dynamic';

export async function GET() {
  const health = await getDatabaseHealth();
  const headers = { 'Cache-Control': 'no-store' };
  if (health.ok) {
    return Response.json({ status: 'ok', database: 'ok', downloads: health.downloads }, { headers });
  }
  return Response.json(
    { status: 'error', database: health.database, reason: health.reason, downloads: health.downloads },
    { status: 503, headers },
  );
}
