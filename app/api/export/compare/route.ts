import type { NextRequest } from 'next/server';
import { databaseUnavailable, invalidParameter, invalidParameters } from '@/lib/http/api-error';
import { sortCompareSummary } from '@/lib/charts/compare-series';
import { toCompareExportRows } from '@/lib/charts/compare-table';
import { compareExportColumns, compareExportFileName, compareProvenance } from '@/lib/export/compare-export';
import { readExportLanguage } from '@/lib/export/export-language';
import { EXPORT_LANGUAGE_PARAM } from '@/lib/export/formats';
import { localizedHref } from '@/lib/i18n/paths';
import { EXPORT_FORMATS, exportResponse, type ExportFormat } from '@/lib/export/export-response';
import { inMemoryBatches } from '@/lib/export/types';
import { EXCHANGE_RATE_SOURCE_ID } from '@/lib/queries/compare';
import { getCompareView } from '@/lib/loaders/compare';
import { serializeCompare } from '@/lib/search-params/compare';
import { sortDirection } from '@/lib/search-params/sort';
import { reportedDownload } from '@/lib/export/reported-download';

// The compare view's download: the same parser, queries and shaping as /compare, so the file
// holds the numbers on screen, partners in the summary table's order. The view is a few hundred
// rows at most (12 partners × the years), so it is shaped in memory like the page. `lang` (en, ru,
// kk) sets the language of the XLSX README and Flags sheets; the rows stay English.

export const dynamic = 'force-dynamic';

const isFormat = (value: string): value is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(value);

export const GET = reportedDownload(async function exportGet(request: NextRequest) {
  const search = new URLSearchParams(request.nextUrl.searchParams);
  const formatValues = search.getAll('format');
  search.delete('format');
  const format = formatValues[0] ?? 'csv';
  if (formatValues.length > 1 || !isFormat(format)) {
    return invalidParameter('format', `expected one of ${EXPORT_FORMATS.join(', ')}`);
  }
  const language = readExportLanguage(search);
  if (!language.ok) return invalidParameters([language.problem]);
  const { locale } = language;
  search.delete(EXPORT_LANGUAGE_PARAM);

  let view;
  // The rows keep English names and units; an XLSX in another language also needs the view's
  // names, unit and notes in that language for its README sheet.
  let readerView;
  try {
    [view, readerView] = await Promise.all([
      getCompareView(search),
      locale !== 'en' && format === 'xlsx' ? getCompareView(search, locale) : null,
    ]);
  } catch {
    return databaseUnavailable();
  }
  readerView ??= view;
  // The page shows defaults in place of bad values with a notice; a download must not silently be
  // a different view than the one asked for, so it refuses instead.
  if (view.ignored.length > 0) {
    const problems = view.ignored.map((p) => ({
      parameter: p.name,
      message: `“${p.value}” is not valid (expected ${p.expected})`,
    }));
    return invalidParameters(problems);
  }

  const { params, shape, sources, range } = view;
  const rows = toCompareExportRows(shape, {
    flow: params.flow,
    mode: params.mode,
    sourceTitles: new Map(sources.map((s) => [s.id, s.attribution])),
    partnerOrder: sortCompareSummary(shape.summary, params.sort.id, sortDirection(params.sort)).map((row) => row.code),
  });
  const generatedAt = new Date();
  const query = serializeCompare(params, range, { explicit: true });
  return exportResponse(request, {
    format,
    download: true,
    batches: inMemoryBatches(rows),
    columns: compareExportColumns(locale),
    provenance: compareProvenance({
      locale,
      params,
      shape: readerView.shape,
      names: new Map(readerView.options.map((o) => [o.code, o.name])),
      sources,
      rateSourceId: EXCHANGE_RATE_SOURCE_ID,
      viewUrl: `${request.nextUrl.origin}${localizedHref(locale, `/compare${query}`)}`,
      generatedAt,
    }),
    fileName: compareExportFileName(params, generatedAt),
  });
});
