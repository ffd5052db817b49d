import type { NextRequest } from 'next/server';
import { exportResponse } from '@/lib/export/export-response';
import { OBSERVATION_EXPORT_COLUMNS, observationExportFileName, observationProvenance } from '@/lib/export/observation-export';
import { findUnknownCodes, getSourceAttribution } from '@/lib/queries/cached';
import { streamObservations } from '@/lib/queries/observations';
import { parseObservationQuery, serializeObservationQuery, type ParameterProblem } from '@/lib/validations/observations';

export const dynamic = 'force-dynamic';

function invalid(problems: ParameterProblem[]): Response {
  const first = problems[0];
  return Response.json(
    { error: 'invalid_parameter', parameter: first?.parameter, message: `${first?.parameter}: ${first?.message}`, problems },
    { status: 400 },
  );
}

/**
 * Observations with provenance as JSON, CSV or XLSX, with the explorer's filters and sort. The
 * explorer's export buttons link here; the body streams from a database cursor.
 */
export async function GET(request: NextRequest) {
  const parsed = parseObservationQuery(request.nextUrl.searchParams);
  if (!parsed.ok) return invalid(parsed.problems);
  const q = parsed.query;
  let unknown;
  try {
    unknown = await findUnknownCodes(q);
  } catch {
    return Response.json({ error: 'database_unavailable', message: 'The database is not reachable; try again shortly.' }, { status: 503 });
  }
  if (unknown.length > 0) return invalid(unknown.map((u) => ({ parameter: u.parameter, message: `unknown code(s): ${u.codes.join(', ')}` })));

  const generatedAt = new Date();
  const view = serializeObservationQuery(q, { paging: true });
  return exportResponse({
    format: q.format,
    batches: streamObservations(q),
    columns: OBSERVATION_EXPORT_COLUMNS,
    provenance: observationProvenance({
      query: q,
      viewUrl: `${request.nextUrl.origin}/data${view ? `?${view}` : ''}`,
      generatedAt,
      loadSources: getSourceAttribution,
    }),
    fileName: observationExportFileName(q, generatedAt),
  });
}
