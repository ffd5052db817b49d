import type { NextRequest } from 'next/server';
import { exportBodyResponse, exportResponse } from '@/lib/export/export-response';
import {
  OBSERVATION_EXPORT_COLUMNS,
  observationExportFileName,
  observationProvenance,
} from '@/lib/export/observation-export';
import { copyObservationsCsv, findUnknownCodes, streamObservations } from '@/lib/queries/observations';
import { getSourceAttribution } from '@/lib/queries/overview';
import { serializeExplorer } from '@/lib/search-params/explorer';
import { parseObservationQuery, type ParameterProblem } from '@/lib/validations/observations';

export const dynamic = 'force-dynamic';

const unavailable = () =>
  Response.json(
    { error: 'database_unavailable', message: 'The database is not reachable; try again shortly.' },
    { status: 503 },
  );

function invalid(problems: ParameterProblem[]): Response {
  const first = problems[0];
  return Response.json(
    {
      error: 'invalid_parameter',
      parameter: first?.parameter,
      message: `${first?.parameter}: ${first?.message}`,
      problems,
    },
    { status: 400 },
  );
}

/**
 * Observations with provenance as JSON, CSV or XLSX, with the explorer's filters and sort. The
 * explorer's export buttons link here. CSV is written by PostgreSQL (COPY TO STDOUT); JSON and XLSX
 * stream from a database cursor through the writers.
 */
export async function GET(request: NextRequest) {
  const parsed = parseObservationQuery(request.nextUrl.searchParams);
  if (!parsed.ok) return invalid(parsed.problems);
  const q = parsed.query;
  let unknown;
  try {
    unknown = await findUnknownCodes(q);
  } catch {
    return unavailable();
  }
  if (unknown.length > 0)
    return invalid(unknown.map((u) => ({ parameter: u.parameter, message: `unknown code(s): ${u.codes.join(', ')}` })));

  const generatedAt = new Date();
  if (q.format === 'csv') {
    // PostgreSQL writes the CSV itself (COPY TO STDOUT); the promise settles once the copy has
    // begun, so a failure up to there is still a clean 503 rather than a broken download.
    let body: ReadableStream<Uint8Array>;
    try {
      body = await copyObservationsCsv(q);
    } catch {
      return unavailable();
    }
    return exportBodyResponse({ format: 'csv', body, fileName: observationExportFileName(q, generatedAt) });
  }
  const view = serializeExplorer(q);
  return exportResponse({
    format: q.format,
    batches: streamObservations(q),
    columns: OBSERVATION_EXPORT_COLUMNS,
    provenance: observationProvenance({
      query: q,
      viewUrl: `${request.nextUrl.origin}/data${view}`,
      generatedAt,
      loadSources: getSourceAttribution,
    }),
    fileName: observationExportFileName(q, generatedAt),
  });
}
