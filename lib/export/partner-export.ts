// A partner profile's export (/partners/[code]): the observations behind its trade figures in the
// tidy layout (the observations export's columns), so the file re-imports unchanged.
import { exportFileName } from './file-name';
import { observationFileProvenance, type ObservationExportRow } from './observation-export';
import type { ExportProvenance, ExportSource } from './types';

/** E.g. kaz-trade-profile-DEU-export-import-turnover-2026-11-23: every year the profile shows. */
export function partnerExportFileName(code: string, date: Date = new Date()): string {
  return exportFileName(['profile', code, 'export-import-turnover'], date);
}

export function partnerProvenance(input: {
  code: string;
  name: string;
  viewUrl: string;
  generatedAt: Date;
  loadSources: (ids: readonly string[]) => Promise<ExportSource[]>;
}): ExportProvenance<ObservationExportRow> {
  return observationFileProvenance({
    ...input,
    subject: `trade with ${input.name} (${input.code})`,
    query: [
      `Partner: ${input.name} (${input.code})`,
      'Kazakhstan-reported exports, imports and turnover, calendar years, USD: the official series of the profile (the Bureau of National Statistics from 2020, IMF DOTS before; one source per flow and year)',
      `Then ${input.name}’s own reports of the same trade (IMF DOTS mirror data: reporter ${input.code}, partner KAZ)`,
      'Order: Kazakhstan-reported first, then by year and indicator',
    ],
    notes: [
      'Balance and shares on the profile are computed from these rows (exports − imports of one source; turnover over Kazakhstan’s total with the world) and are not in the file.',
    ],
  });
}
