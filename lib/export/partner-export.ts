// A partner profile's export (/partners/[code]): the observations behind its trade figures in the
// tidy layout (the observations export's columns), so the file re-imports unchanged.
import { exportTexts } from '@/lib/i18n/export-texts';
import type { Locale } from '@/lib/i18n/locales';
import { exportFileName } from './file-name';
import { observationFileProvenance, type ObservationExportRow } from './observation-export';
import type { ExportProvenance, ExportSource } from './types';

/** E.g. kaz-trade-profile-DEU-export-import-turnover-2026-11-23: every year the profile shows. */
export function partnerExportFileName(code: string, date: Date = new Date()): string {
  return exportFileName(['profile', code, 'export-import-turnover'], date);
}

export function partnerProvenance(input: {
  code: string;
  /** The partner's name in the file's language. */
  name: string;
  /** The language of the README and Flags sheets; English when left out. */
  locale?: Locale;
  viewUrl: string;
  generatedAt: Date;
  loadSources: (ids: readonly string[]) => Promise<ExportSource[]>;
}): ExportProvenance<ObservationExportRow> {
  const t = exportTexts(input.locale);
  const partner = { name: input.name, code: input.code };
  return observationFileProvenance({
    ...input,
    subject: t('profile.subject', partner),
    query: [t('profile.partner', partner), t('profile.official'), t('profile.mirror', partner), t('profile.order')],
    notes: [t('profile.note')],
  });
}
