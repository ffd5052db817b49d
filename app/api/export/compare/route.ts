import type { NextRequest } from 'next/server';
import { stringify } from 'csv-stringify/sync';
import { COMPARE_EXPORT_COLUMNS, toCompareExportRows } from '@/lib/charts/compare-table';
import { neutraliseFormula } from '@/lib/export/spreadsheet-safe';
import { getCompareView } from '@/lib/queries/cached';

// The compare view's download: the same parser, queries and shaping as /compare, so the file
// holds the numbers on screen. The rows are the view's table (values in the view's mode, with the
// amounts behind them), not raw observations; /api/observations exports those.
// Seam for the export helper: XLSX (and other writers in lib/export) can be added as further
// `format` values over the same `rows`.

export const dynamic = 'force-dynamic';

const FORMATS = ['csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

function invalid(parameter: string, message: string, problems: { parameter: string; message: string }[]) {
  return Response.json({ error: 'invalid_parameter', parameter, message: `${parameter}: ${message}`, problems }, { status: 400 });
}

export async function GET(request: NextRequest) {
  const search = new URLSearchParams(request.nextUrl.searchParams);
  const formatValues = search.getAll('format');
  search.delete('format');
  const format = (formatValues[0] ?? 'csv') as Format;
  if (formatValues.length > 1 || !FORMATS.includes(format)) {
    return invalid('format', `expected one of ${FORMATS.join(', ')}`, [{ parameter: 'format', message: `expected one of ${FORMATS.join(', ')}` }]);
  }

  let view;
  try {
    view = await getCompareView(search);
  } catch {
    return Response.json({ error: 'database_unavailable', message: 'The database is not reachable; try again shortly.' }, { status: 503 });
  }
  // The page shows defaults in place of bad values with a notice; a download must not silently be
  // a different view than the one asked for, so it refuses instead.
  if (view.ignored.length > 0) {
    const problems = view.ignored.map((p) => ({ parameter: p.name, message: `“${p.value}” is not valid (expected ${p.expected})` }));
    const first = problems[0];
    return invalid(first?.parameter ?? 'query', first?.message ?? 'invalid', problems);
  }

  const { params, shape, sources } = view;
  const rows = toCompareExportRows(shape, {
    flow: params.flow,
    mode: params.mode,
    sourceTitles: new Map(sources.map((s) => [s.id, s.attribution])),
  });
  const stamp = new Date().toISOString().slice(0, 10);
  const filename = `kaz-compare-${params.flow}-${params.mode}-${params.from}-${params.to}-${stamp}.${format}`;
  const headers = {
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'no-store',
  };

  if (format === 'json') {
    const body = {
      view: params,
      unit: shape.unit,
      notes: shape.notes,
      sources: sources.map((s) => ({ id: s.id, attribution: s.attribution, url: s.url, vintage: s.vintage })),
      rows,
    };
    return Response.json(body, { headers });
  }
  const csv = stringify(
    rows.map((row) => COMPARE_EXPORT_COLUMNS.map((column) => {
      const value = row[column];
      if (value === null) return '';
      return typeof value === 'string' ? neutraliseFormula(value) : String(value);
    })),
    { header: true, columns: [...COMPARE_EXPORT_COLUMNS] },
  );
  return new Response(csv, { headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8' } });
}
