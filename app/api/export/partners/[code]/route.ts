import { databaseUnavailable, invalidParameter, invalidParameters, notFound } from '@/lib/http/api-error';
import { readExportLanguage } from '@/lib/export/export-language';
import { EXPORT_LANGUAGE_PARAM } from '@/lib/export/formats';
import { partnerName } from '@/lib/i18n/partner-names';
import { localizedHref } from '@/lib/i18n/paths';
import type { NextRequest } from 'next/server';
import { EXPORT_FORMATS, exportResponse, type ExportFormat } from '@/lib/export/export-response';
import { observationExportColumns } from '@/lib/export/observation-export';
import { partnerExportFileName, partnerProvenance } from '@/lib/export/partner-export';
import { streamPartnerTradeObservations } from '@/lib/queries/observations';
import { getSourceAttribution } from '@/lib/queries/overview';
import { getPartner } from '@/lib/queries/partner-profile';
import { reportedDownload } from '@/lib/export/reported-download';

export const dynamic = 'force-dynamic';

const isFormat = (value: string): value is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(value);

/**
 * A partner profile's trade figures as CSV, XLSX or JSON: the observations the profile draws, in
 * the tidy layout, streamed from a cursor. Only `format` and `lang` (the language of the XLSX
 * README and Flags sheets) are parameters; anything else is a 400.
 */
export const GET = reportedDownload(async function exportGet(
  request: NextRequest,
  { params }: { params: Promise<{ code: string }> },
) {
  const { code: rawCode } = await params;
  const search = request.nextUrl.searchParams;
  const unknown = [...search.keys()].find((key) => key !== 'format' && key !== EXPORT_LANGUAGE_PARAM);
  if (unknown) {
    return invalidParameter(unknown, `not a parameter of this export (only format and ${EXPORT_LANGUAGE_PARAM})`);
  }
  const formats = search.getAll('format');
  const format = formats[0] ?? 'csv';
  if (formats.length > 1 || !isFormat(format)) {
    return invalidParameter('format', `expected one of ${EXPORT_FORMATS.join(', ')}`);
  }
  const language = readExportLanguage(search);
  if (!language.ok) return invalidParameters([language.problem]);
  const { locale } = language;
  let code: string;
  try {
    code = decodeURIComponent(rawCode);
  } catch {
    code = rawCode;
  }
  let partner;
  try {
    partner = await getPartner(code);
  } catch {
    return databaseUnavailable();
  }
  if (!partner) return notFound(`No partner with the code “${code}”.`);

  const generatedAt = new Date();
  return exportResponse(request, {
    format,
    download: true,
    batches: (db) => streamPartnerTradeObservations({ code: partner.code, db }),
    columns: observationExportColumns(locale),
    provenance: partnerProvenance({
      locale,
      code: partner.code,
      name: partnerName(locale, partner),
      viewUrl: `${request.nextUrl.origin}${localizedHref(locale, `/partners/${encodeURIComponent(partner.code)}`)}`,
      generatedAt,
      loadSources: getSourceAttribution,
    }),
    fileName: partnerExportFileName(partner.code, generatedAt),
  });
});
