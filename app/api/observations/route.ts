import type { NextRequest } from 'next/server';
import { observationsBody } from '@/lib/export/observations-stream';
import { findUnknownCodes, streamObservations } from '@/lib/queries/observations';
import { parseObservationQuery, type ObservationQuery } from '@/lib/validations/observations';

export const dynamic = 'force-dynamic';

function exportName(q: ObservationQuery, format: string): string {
  const parts = ['kaz-observations'];
  if (q.flow) parts.push(...q.flow.slice(0, 3));
  if (q.partner) parts.push(...q.partner.slice(0, 5));
  if (q.from !== undefined || q.to !== undefined) parts.push(`${q.from ?? 'start'}-${q.to ?? 'end'}`);
  parts.push(new Date().toISOString().slice(0, 10));
  return `${parts.join('-').replace(/[^A-Za-z0-9_-]/g, '')}.${format}`;
}

export async function GET(request: NextRequest) {
  const parsed = parseObservationQuery(request.nextUrl.searchParams);
  if (!parsed.ok) {
    const first = parsed.problems[0];
    return Response.json(
      { error: 'invalid_parameter', parameter: first?.parameter, message: `${first?.parameter}: ${first?.message}`, problems: parsed.problems },
      { status: 400 },
    );
  }
  const q = parsed.query;
  let unknown;
  try {
    unknown = await findUnknownCodes(q);
  } catch {
    return Response.json({ error: 'database_unavailable', message: 'The database is not reachable; try again shortly.' }, { status: 503 });
  }
  if (unknown.length > 0) {
    const problems = unknown.map((u) => ({ parameter: u.parameter, message: `unknown code(s): ${u.codes.join(', ')}` }));
    return Response.json(
      { error: 'invalid_parameter', parameter: problems[0]?.parameter, message: `${problems[0]?.parameter}: ${problems[0]?.message}`, problems },
      { status: 400 },
    );
  }
  const body = observationsBody(streamObservations(q), q.format);
  return new Response(body, {
    headers: {
      'Content-Type': q.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Disposition': `${q.format === 'csv' ? 'attachment' : 'inline'}; filename="${exportName(q, q.format)}"`,
      'Cache-Control': 'no-store',
    },
  });
}
