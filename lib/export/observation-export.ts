// The observations export (/data and GET /api/observations): the tidy layout's 13 columns first,
// then what the tidy layout cannot say. The importer reads the CSV back unchanged.
import { UNSPECIFIED_REPORTER } from '@/lib/constants';
import { scaleLabel } from '@/lib/tidy/scale';
import { exportTexts } from '@/lib/i18n/export-texts';
import type { Locale } from '@/lib/i18n/locales';
import { perLocale } from '@/lib/i18n/per-locale';
import { MEMBERSHIP_GROUP_LABELS, type MembershipGroupCode } from '@/lib/membership-groups';
import type { ObservationRecord } from '@/lib/queries/observations';
import type { ObservationQuery } from '@/lib/validations/observations';
import { exportFileName, listPart, yearRangePart } from './file-name';
import { observationGlossary } from './glossary';
import type { ExportColumn, ExportProvenance, ExportSource } from './types';

/** The fields an export row needs: the page's rows carry more (id, flags for the screen). */
export type ObservationExportRow = Omit<
  ObservationRecord,
  'id' | 'source_kind' | 'is_estimate' | 'partner_reported' | 'is_official' | 'usd_mn' | 'usd_converted'
>;

const unspecified = (r: ObservationExportRow) => r.reporter_code === UNSPECIFIED_REPORTER;

/** The observations export's columns, their descriptions (README sheet) in a language. */
export const observationExportColumns = perLocale((locale): readonly ExportColumn<ObservationExportRow>[] => {
  const t = exportTexts(locale);
  return [
    {
      key: 'source_id',
      type: 'text',
      value: (r) => r.source_id,
      width: 30,
      description: t('observations.columns.source_id'),
    },
    {
      key: 'reporter',
      type: 'text',
      value: (r) => (unspecified(r) ? 'unspecified' : r.reporter),
      width: 20,
      description: t('observations.columns.reporter'),
    },
    {
      key: 'reporter_code',
      type: 'text',
      value: (r) => (unspecified(r) ? '' : r.reporter_code),
      description: t('observations.columns.reporter_code'),
    },
    {
      key: 'partner',
      type: 'text',
      value: (r) => r.partner,
      width: 24,
      description: t('observations.columns.partner'),
    },
    {
      key: 'partner_code',
      type: 'text',
      value: (r) => r.partner_code,
      description: t('observations.columns.partner_code'),
    },
    {
      key: 'year',
      type: 'number',
      value: (r) => r.year,
      numFmt: '0',
      width: 8,
      description: t('observations.columns.year'),
    },
    {
      key: 'period',
      type: 'text',
      value: (r) => r.period,
      width: 14,
      description: t('observations.columns.period'),
    },
    {
      key: 'flow',
      type: 'text',
      value: (r) => r.flow,
      width: 14,
      description: t('observations.columns.flow'),
    },
    {
      key: 'value',
      type: 'number',
      value: (r) => r.value,
      numFmt: '#,##0.###',
      width: 16,
      description: t('observations.columns.value'),
    },
    { key: 'unit', type: 'text', value: (r) => r.unit, width: 8, description: t('observations.columns.unit') },
    {
      key: 'scale',
      type: 'text',
      value: (r) => scaleLabel(r.scale),
      xlsx: { type: 'number', value: (r) => 10 ** r.scale },
      numFmt: '#,##0',
      width: 14,
      description: t('observations.columns.scale'),
    },
    {
      key: 'flag',
      type: 'text',
      value: (r) => r.flag,
      width: 12,
      description: t('observations.columns.flag'),
    },
    {
      key: 'note',
      type: 'text',
      value: (r) => r.note,
      width: 40,
      description: t('observations.columns.note'),
    },
    {
      key: 'qualifier',
      type: 'text',
      value: (r) => r.qualifier,
      width: 12,
      description: t('observations.columns.qualifier'),
    },
    {
      key: 'derivation',
      type: 'text',
      value: (r) => r.derivation,
      width: 12,
      description: t('observations.columns.derivation'),
    },
    {
      key: 'derivation_note',
      type: 'text',
      value: (r) => r.derivation_note,
      width: 30,
      description: t('observations.columns.derivation_note'),
    },
    {
      key: 'stated_growth_pct',
      type: 'number',
      value: (r) => r.stated_growth_pct,
      description: t('observations.columns.stated_growth_pct'),
    },
    {
      key: 'locator',
      type: 'text',
      value: (r) => r.locator,
      width: 24,
      description: t('observations.columns.locator'),
    },
    {
      key: 'series_key',
      type: 'text',
      value: (r) => r.series_key,
      description: t('observations.columns.series_key'),
    },
    {
      key: 'period_kind',
      type: 'text',
      value: (r) => r.period_kind,
      description: t('observations.columns.period_kind'),
    },
    {
      key: 'period_start',
      type: 'text',
      value: (r) => r.period_start,
      description: t('observations.columns.period_start'),
    },
    {
      key: 'period_end',
      type: 'text',
      value: (r) => r.period_end,
      description: t('observations.columns.period_end'),
    },
    {
      key: 'vintage',
      type: 'text',
      value: (r) => r.vintage,
      description: t('observations.columns.vintage'),
    },
    {
      key: 'indicator_label',
      type: 'text',
      value: (r) => r.indicator_label,
      width: 20,
      description: t('observations.columns.indicator_label'),
    },
    {
      key: 'source_title',
      type: 'text',
      value: (r) => r.source_title,
      width: 40,
      description: t('observations.columns.source_title'),
    },
    {
      key: 'source_publisher',
      type: 'text',
      value: (r) => r.source_publisher,
      width: 30,
      description: t('observations.columns.source_publisher'),
    },
    {
      key: 'source_url',
      type: 'text',
      value: (r) => r.source_url,
      width: 40,
      description: t('observations.columns.source_url'),
    },
  ];
});

/** The columns with English descriptions: the CSV and JSON writers read only their keys and values. */
export const OBSERVATION_EXPORT_COLUMNS = observationExportColumns();

/** The 13 columns of the tidy layout, which must come first and in this order. */
export const TIDY_EXPORT_KEYS = OBSERVATION_EXPORT_COLUMNS.slice(0, 13).map((c) => c.key);

/** The group codes' short names (EU, EAEU, ...) in a language. */
export function groupLabels(codes: readonly MembershipGroupCode[], locale: Locale = 'en'): string[] {
  const t = exportTexts(locale);
  return codes.map((code) => t(`groups.${code}`));
}

/** The filters and sort in words, for the README sheet. */
export function describeObservationQuery(q: ObservationQuery, locale: Locale = 'en'): string[] {
  const t = exportTexts(locale);
  const list = (values: readonly string[]) => values.join(', ');
  const lines: string[] = [];
  if (q.q) lines.push(t('observations.query.search', { q: q.q }));
  if (q.reporter) lines.push(t('observations.query.reporters', { list: list(q.reporter) }));
  if (q.partner) lines.push(t('observations.query.partners', { list: list(q.partner) }));
  if (q.group) lines.push(t('observations.query.groups', { list: list(groupLabels(q.group, locale)) }));
  if (q.flow) lines.push(t('observations.query.indicators', { list: list(q.flow) }));
  if (q.from !== undefined || q.to !== undefined)
    lines.push(
      t('observations.query.years', {
        // Strings, not numbers: a number argument would be written "2,019".
        from: q.from === undefined ? t('observations.query.firstYear') : String(q.from),
        to: q.to === undefined ? t('observations.query.latestYear') : String(q.to),
      }),
    );
  if (q.source) lines.push(t('observations.query.sources', { list: list(q.source) }));
  if (q.kind) lines.push(t('observations.query.kinds', { list: list(q.kind) }));
  if (q.flags) {
    const words = q.flags.map((f) => t(`observations.flagWords.${f}`));
    const either = words.reduce((first, second) => t('observations.query.flagsOr', { first, second }));
    lines.push(t('observations.query.flags', { list: either }));
  }
  if (lines.length === 0) lines.push(t('observations.query.noFilter'));
  const sort = (q.sort ?? []).map((s) => {
    const label = t(`observations.sortLabels.${s.id}`);
    return s.desc ? t('sortDescending', { label }) : t('sortAscending', { label });
  });
  lines.push(t('observations.query.order', { list: list([...sort, t('observations.query.orderThen')]) }));
  return lines;
}

/** E.g. kaz-trade-turnover-DEU-FRA-2000-2025-2026-11-23 (without extension). */
export function observationExportFileName(q: ObservationQuery, date: Date = new Date()): string {
  return exportFileName(
    [
      listPart(q.flow) ?? 'observations',
      q.reporter && !(q.reporter.length === 1 && q.reporter[0] === 'KAZ') ? `by-${listPart(q.reporter)}` : undefined,
      listPart(q.partner),
      q.group ? listPart(q.group.map((g) => MEMBERSHIP_GROUP_LABELS[g])) : undefined,
      yearRangePart(q.from, q.to),
      q.source ? `source-${listPart(q.source)}` : undefined,
      q.kind ? listPart(q.kind.map((k) => k.toLowerCase())) : undefined,
      q.flags ? listPart(q.flags) : undefined,
      q.q ? `search-${q.q.slice(0, 24)}` : undefined,
    ],
    date,
  );
}

/** Caveats every observations file carries (README sheet). */
const OBSERVATION_NOTES = ['scale', 'mirror', 'groups', 'news'] as const;

interface ObservationFileInput {
  /** The language of the README and Flags sheets; English when left out. */
  locale?: Locale;
  viewUrl: string;
  generatedAt: Date;
  loadSources: (ids: readonly string[]) => Promise<ExportSource[]>;
}

/**
 * The provenance of any file of observations (the data screen's, a partner profile's): the same
 * glossary, notes and citation, with the view's own title and query in words.
 */
export function observationFileProvenance(
  input: ObservationFileInput & { subject: string; query: readonly string[]; notes?: readonly string[] },
): ExportProvenance<ObservationExportRow> {
  const locale = input.locale ?? 'en';
  const t = exportTexts(locale);
  const site = t('site');
  return {
    locale,
    title: t('title', { site, subject: input.subject }),
    viewUrl: input.viewUrl,
    query: input.query,
    generatedAt: input.generatedAt,
    sourceIdsOf: (row) => [row.source_id],
    loadSources: input.loadSources,
    glossary: observationGlossary(locale),
    citation: t('citation', {
      site,
      subject: input.subject,
      date: input.generatedAt.toISOString().slice(0, 10),
      url: input.viewUrl,
    }),
    notes: [...OBSERVATION_NOTES.map((note) => t(`observations.notes.${note}`)), ...(input.notes ?? [])],
  };
}

export function observationProvenance(
  input: ObservationFileInput & { query: ObservationQuery },
): ExportProvenance<ObservationExportRow> {
  return observationFileProvenance({
    ...input,
    subject: exportTexts(input.locale)('observations.subject'),
    query: describeObservationQuery(input.query, input.locale),
  });
}
