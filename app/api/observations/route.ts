import type { NextRequest } from 'next/server';
import { apiError, databaseUnavailable, invalidParameters } from '@/lib/http/api-error';
import { beginDownload, downloadUnavailable } from '@/lib/export/download';
import { MAX_XLSX_ROWS } from '@/lib/export/export-limits';
import { exportBodyResponse, exportResponse } from '@/lib/export/export-response';
import {
  observationExportColumns,
  observationExportFileName,
  observationProvenance,
} from '@/lib/export/observation-export';
import { copyObservationsCsv } from '@/lib/export/observations-csv';
import { readExportLanguage } from '@/lib/export/export-language';
import { EXPORT_LANGUAGE_PARAM } from '@/lib/export/formats';
import { localizedHref } from '@/lib/i18n/paths';
import { inMemoryBatches } from '@/lib/export/types';
import {
  exportHasMoreRowsThan,
  exportLimit,
  findUnknownCodes,
  isOverBudget,
  selectObservations,
  streamObservations,
  type ObservationRecord,
} from '@/lib/queries/observations';
import { partnerNames, type PartnerNames } from '@/lib/queries/partner-names';
import { budgetedSql } from '@/lib/sql';
import { getSourceAttribution } from '@/lib/queries/overview';
import { serializeData } from '@/lib/search-params/data';
import { API_OVER_BUDGET_MESSAGE, parseObservationQuery } from '@/lib/validations/observations';
import { reportedDownload } from '@/lib/export/reported-download';

export const dynamic = 'force-dynamic';

/**
 * Observations with provenance as JSON, CSV or XLSX, with the data screen's filters and sort. The
 * data screen's export buttons link here. CSV is written by PostgreSQL (COPY TO STDOUT); JSON and XLSX
 * stream from a database cursor through the writers. `lang` (en, ru, kk) sets the language of the
 * XLSX README and Flags sheets; the columns and values stay English in every format.
 */
export const GET = reportedDownload(async function exportGet(request: NextRequest) {
  const search = new URLSearchParams(request.nextUrl.searchParams);
  const language = readExportLanguage(search);
  // `lang` is the export's, not the data screen's: read apart, and reported with the others.
  search.delete(EXPORT_LANGUAGE_PARAM);
  const parsed = parseObservationQuery(search);
  const problems = [...(language.ok ? [] : [language.problem]), ...(parsed.ok ? [] : parsed.problems)];
  if (!parsed.ok || !language.ok) return invalidParameters(problems);
  const q = parsed.query;
  const { locale } = language;
  let unknown;
  let names: PartnerNames;
  try {
    // The names a search matches and a sort orders by, read before a download takes its connection.
    [unknown, names] = await Promise.all([findUnknownCodes(q), partnerNames('en')]);
  } catch {
    return databaseUnavailable();
  }
  if (unknown.length > 0)
    return invalidParameters(
      unknown.map((u) => ({ parameter: u.parameter, message: `unknown code(s): ${u.codes.join(', ')}` })),
    );

  const generatedAt = new Date();
  const view = serializeData(q);
  const provenance = observationProvenance({
    locale,
    query: q,
    viewUrl: `${request.nextUrl.origin}${localizedHref(locale, `/data${view}`)}`,
    generatedAt,
    loadSources: getSourceAttribution,
  });
  const columns = observationExportColumns(locale);
  const fileName = observationExportFileName(q, generatedAt);
  if (exportLimit(q)) {
    // One page (at most 100 rows): read whole within the data screen's time budget, like its page,
    // so it needs no download slot. The writers' CSV is byte for byte PostgreSQL's (observations-csv.int.test.ts).
    let rows: ObservationRecord[];
    try {
      rows = await selectObservations(q, names, exportLimit(q), budgetedSql);
    } catch (error) {
      if (isOverBudget(error)) return apiError(422, 'view_too_expensive', API_OVER_BUDGET_MESSAGE);
      return databaseUnavailable();
    }
    return exportResponse(request, {
      format: q.format,
      batches: inMemoryBatches(rows),
      columns,
      provenance,
      fileName,
    });
  }
  if (q.format === 'csv') {
    // PostgreSQL writes the CSV itself (COPY TO STDOUT); the promise settles once the first row
    // has come, so a failure up to there is still a clean 503 rather than a broken download.
    const download = await beginDownload(request, { database: true });
    if (download instanceof Response) return download;
    let body: ReadableStream<Uint8Array>;
    try {
      body = await copyObservationsCsv(download, q, names);
    } catch {
      return downloadUnavailable();
    }
    return exportBodyResponse({ format: 'csv', body: download.watch(body), fileName });
  }
  if (q.format === 'xlsx') {
    let tooLarge: boolean;
    try {
      tooLarge = await exportHasMoreRowsThan(q, names, MAX_XLSX_ROWS);
    } catch {
      return databaseUnavailable();
    }
    if (tooLarge) {
      return apiError(
        413,
        'export_too_large',
        `This view has more than ${MAX_XLSX_ROWS.toLocaleString('en-US')} rows, more than one Excel sheet holds. Download it as CSV (format=csv), or narrow the filters.`,
      );
    }
  }
  return exportResponse(request, {
    format: q.format,
    batches: (db) => streamObservations(q, { db, names }),
    columns,
    provenance,
    fileName,
  });
});
