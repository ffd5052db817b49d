import { apiError, databaseUnavailable, invalidParameter, invalidParameters } from '@/lib/http/api-error';
import { readExportLanguage } from '@/lib/export/export-language';
import { EXPORT_LANGUAGE_PARAM } from '@/lib/export/formats';
import { localizedHref } from '@/lib/i18n/paths';
import type { NextRequest } from 'next/server';
import { EXPORT_FORMATS, exportResponse, type ExportFormat } from '@/lib/export/export-response';
import {
  partnerListExportColumns,
  partnerListExportFileName,
  partnerListProvenance,
} from '@/lib/export/partner-list-export';
import { getSourceAttribution } from '@/lib/queries/overview';
import { inMemoryBatches } from '@/lib/export/types';
import { getPartnerListYears, getWorldTotal, streamPartnerList, type PartnerListRow } from '@/lib/queries/partner-list';
import { partnerListParsers, serializePartnerList } from '@/lib/search-params/partner-list';
import { parsePartnerListSearchParams } from '@/lib/search-params/partner-list-parse';
import { reportedDownload } from '@/lib/export/reported-download';

export const dynamic = 'force-dynamic';

const isFormat = (value: string | null): value is ExportFormat =>
  (EXPORT_FORMATS as readonly (string | null)[]).includes(value);

/**
 * The partner list as CSV, XLSX or JSON: the screen's parser and query, every page, in the
 * screen's order. Unlike the page, a parameter it cannot use is an error (400), not a notice.
 * `lang` (en, ru, kk) sets the language of the XLSX README and Flags sheets; the data stays English.
 */
export const GET = reportedDownload(async function exportGet(request: NextRequest) {
  const search = request.nextUrl.searchParams;
  const format = search.get('format') ?? 'csv';
  if (!isFormat(format)) {
    return invalidParameter('format', `must be one of ${EXPORT_FORMATS.join(', ')}`);
  }
  const language = readExportLanguage(search);
  if (!language.ok) return invalidParameters([language.problem]);
  const { locale } = language;
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    if (key === 'format' || key === EXPORT_LANGUAGE_PARAM) continue;
    const values = search.getAll(key);
    raw[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  let availableYears: number[];
  try {
    availableYears = await getPartnerListYears();
  } catch {
    return databaseUnavailable();
  }
  const { params, ignored } = parsePartnerListSearchParams(raw, { availableYears });
  const known = new Set(Object.keys(partnerListParsers));
  const unknown = Object.keys(raw).find((key) => !known.has(key));
  const problem =
    ignored[0] ??
    (unknown
      ? { name: unknown, expected: `one of the parameters ${[...known, 'format', EXPORT_LANGUAGE_PARAM].join(', ')}` }
      : undefined);
  if (problem) {
    return invalidParameter(problem.name, `expected ${problem.expected}`);
  }
  const year = params.year ?? availableYears.at(-1);
  if (year === undefined) return apiError(404, 'no_data', 'No annual trade figures are in the database yet.');

  // One row per partner (a few hundred): read whole, so that no connection waits on the client.
  let world;
  let rows: PartnerListRow[];
  try {
    world = await getWorldTotal(year);
    rows = [];
    for await (const batch of streamPartnerList({ year, params })) rows.push(...batch);
  } catch {
    return databaseUnavailable();
  }
  const generatedAt = new Date();
  const view = serializePartnerList({ ...params, year, page: null, size: null });
  return exportResponse(request, {
    format,
    batches: inMemoryBatches(rows),
    columns: partnerListExportColumns(year, params.window, locale),
    provenance: partnerListProvenance({
      locale,
      params,
      year,
      world,
      viewUrl: `${request.nextUrl.origin}${localizedHref(locale, `/partners${view}`)}`,
      generatedAt,
      loadSources: getSourceAttribution,
    }),
    fileName: partnerListExportFileName(params, year, generatedAt),
  });
});
