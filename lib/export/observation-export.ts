// The observations export (/data and GET /api/observations): the tidy layout's 13 columns first,
// then what the tidy layout cannot say. The importer reads the CSV back unchanged.
import { UNSPECIFIED_REPORTER } from '@/lib/constants';
import { scaleLabel } from '@/lib/tidy/scale';
import { MEMBERSHIP_GROUP_LABELS } from '@/lib/membership-groups';
import type { ObservationRecord } from '@/lib/queries/observations';
import type { ObservationQuery } from '@/lib/validations/observations';
import { exportFileName, listPart, yearRangePart } from './file-name';
import { OBSERVATION_GLOSSARY } from './glossary';
import type { ExportColumn, ExportProvenance, ExportSource } from './types';

/** The fields an export row needs: the page's rows carry more (id, flags for the screen). */
export type ObservationExportRow = Omit<
  ObservationRecord,
  'id' | 'source_kind' | 'is_estimate' | 'partner_reported' | 'is_official' | 'usd_mn' | 'usd_converted'
>;

const unspecified = (r: ObservationExportRow) => r.reporter_code === UNSPECIFIED_REPORTER;

export const OBSERVATION_EXPORT_COLUMNS: readonly ExportColumn<ObservationExportRow>[] = [
  {
    key: 'source_id',
    type: 'text',
    value: (r) => r.source_id,
    width: 30,
    description: 'Source of the figure (Sources sheet).',
  },
  {
    key: 'reporter',
    type: 'text',
    value: (r) => (unspecified(r) ? 'unspecified' : r.reporter),
    width: 20,
    description: 'Whose statistics the figure is.',
  },
  {
    key: 'reporter_code',
    type: 'text',
    value: (r) => (unspecified(r) ? '' : r.reporter_code),
    description: 'ISO 3166 alpha-3 or AGG_* code of the reporter; empty when the source does not say.',
  },
  {
    key: 'partner',
    type: 'text',
    value: (r) => r.partner,
    width: 24,
    description: 'The counterpart country or group.',
  },
  {
    key: 'partner_code',
    type: 'text',
    value: (r) => r.partner_code,
    description: 'ISO 3166 alpha-3 or AGG_* code of the partner.',
  },
  {
    key: 'year',
    type: 'number',
    value: (r) => r.year,
    numFmt: '0',
    width: 8,
    description: 'Calendar year the value refers to (empty for undated counts).',
  },
  {
    key: 'period',
    type: 'text',
    value: (r) => r.period,
    width: 14,
    description: 'FY (calendar year), YYYY-MM, H1, Jan-<Mon>, end-of-year, or a described window.',
  },
  {
    key: 'flow',
    type: 'text',
    value: (r) => r.flow,
    width: 14,
    description: 'Indicator code, e.g. export, import, turnover (from the reporter’s point of view).',
  },
  {
    key: 'value',
    type: 'number',
    value: (r) => r.value,
    numFmt: '#,##0.###',
    width: 16,
    description: 'The number as published; multiply by scale for the amount in unit.',
  },
  { key: 'unit', type: 'text', value: (r) => r.unit, width: 8, description: 'USD, EUR, count, percent, ...' },
  {
    key: 'scale',
    type: 'text',
    value: (r) => scaleLabel(r.scale),
    xlsx: { type: 'number', value: (r) => 10 ** r.scale },
    numFmt: '#,##0',
    width: 14,
    description: 'Multiplier of value: 1e3 thousand, 1e6 million, 1e9 billion (a number on the XLSX Data sheet).',
  },
  {
    key: 'flag',
    type: 'text',
    value: (r) => r.flag,
    width: 12,
    description: 'The tidy layout’s flag (Flags sheet); empty = as published.',
  },
  {
    key: 'note',
    type: 'text',
    value: (r) => r.note,
    width: 40,
    description: 'Valuation, conventions, original file or URL, caveats.',
  },
  {
    key: 'qualifier',
    type: 'text',
    value: (r) => r.qualifier,
    width: 12,
    description: 'How the source worded the value: EXACT, ABOUT, AT_LEAST, MORE_THAN, NEARLY, ESTIMATE.',
  },
  {
    key: 'derivation',
    type: 'text',
    value: (r) => r.derivation,
    width: 12,
    description: 'PUBLISHED, DERIVED (computed from other rows) or INFERRED.',
  },
  {
    key: 'derivation_note',
    type: 'text',
    value: (r) => r.derivation_note,
    width: 30,
    description: 'How a derived or inferred value was obtained.',
  },
  {
    key: 'stated_growth_pct',
    type: 'number',
    value: (r) => r.stated_growth_pct,
    description: 'Growth on the previous period as stated by the source, in percent.',
  },
  {
    key: 'locator',
    type: 'text',
    value: (r) => r.locator,
    width: 24,
    description: 'Where in the source: paragraph, sheet and cell, file path.',
  },
  {
    key: 'series_key',
    type: 'text',
    value: (r) => r.series_key,
    description: 'Distinguishes several items sharing source, reporter, partner, indicator and period.',
  },
  {
    key: 'period_kind',
    type: 'text',
    value: (r) => r.period_kind,
    description: 'YEAR, MONTH, MONTHS_TO_DATE, MULTI_YEAR, STOCK_AT_DATE or DATE.',
  },
  {
    key: 'period_start',
    type: 'text',
    value: (r) => r.period_start,
    description: 'First day of the period (YYYY-MM-DD), when known.',
  },
  {
    key: 'period_end',
    type: 'text',
    value: (r) => r.period_end,
    description: 'Last day of the period (YYYY-MM-DD), when known.',
  },
  {
    key: 'vintage',
    type: 'text',
    value: (r) => r.vintage,
    description: 'Release of the data the row comes from, when it differs from the source’s.',
  },
  {
    key: 'indicator_label',
    type: 'text',
    value: (r) => r.indicator_label,
    width: 20,
    description: 'Name of the indicator.',
  },
  { key: 'source_title', type: 'text', value: (r) => r.source_title, width: 40, description: 'Title of the source.' },
  {
    key: 'source_publisher',
    type: 'text',
    value: (r) => r.source_publisher,
    width: 30,
    description: 'Publisher of the source.',
  },
  {
    key: 'source_url',
    type: 'text',
    value: (r) => r.source_url,
    width: 40,
    description: 'Where the source can be found.',
  },
];

/** The 13 columns of the tidy layout, which must come first and in this order. */
export const TIDY_EXPORT_KEYS = OBSERVATION_EXPORT_COLUMNS.slice(0, 13).map((c) => c.key);

const SORT_LABELS: Record<string, string> = {
  reporter: 'reporter',
  partner: 'partner',
  flow: 'indicator',
  year: 'year',
  period: 'period',
  value: 'value (in units)',
  unit: 'unit',
  qualifier: 'qualifier',
  source: 'source',
};

/** The filters and sort in words, for the README sheet. */
export function describeObservationQuery(q: ObservationQuery): string[] {
  const lines: string[] = [];
  if (q.q) lines.push(`Search: “${q.q}”`);
  if (q.reporter) lines.push(`Reporters: ${q.reporter.join(', ')}`);
  if (q.partner) lines.push(`Partners: ${q.partner.join(', ')}`);
  if (q.group)
    lines.push(
      `Partners that are members of: ${q.group.map((g) => MEMBERSHIP_GROUP_LABELS[g]).join(', ')} (membership covering the whole year)`,
    );
  if (q.flow) lines.push(`Indicators: ${q.flow.join(', ')}`);
  if (q.from !== undefined || q.to !== undefined) lines.push(`Years: ${q.from ?? 'first'}–${q.to ?? 'latest'}`);
  if (q.source) lines.push(`Sources: ${q.source.join(', ')}`);
  if (q.kind) lines.push(`Source kinds: ${q.kind.join(', ')}`);
  if (q.flags)
    lines.push(`Only rows that are: ${q.flags.map((f) => (f === 'partner' ? 'partner-reported' : f)).join(' or ')}`);
  if (lines.length === 0) lines.push('No filter: every observation in the database.');
  const sort = (q.sort ?? []).map((s) => `${SORT_LABELS[s.id] ?? s.id} ${s.desc ? 'descending' : 'ascending'}`);
  lines.push(`Order: ${[...sort, 'then source, reporter, partner, indicator, period'].join(', ')}`);
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
const OBSERVATION_NOTES: readonly string[] = [
  'value × scale is the amount in unit (USD, EUR, count, ...); values keep every digit as published.',
  'Reporter and mirror (partner-reported) figures measure the same trade differently (FOB/CIF, timing, attribution): compare them side by side, never add them.',
  'Groups contain their members: never add a group (e.g. the EU) to its member countries.',
  'News figures are secondary and rounded; official series come from IMF DOTS and the Bureau of National Statistics.',
];

interface ObservationFileInput {
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
  const date = input.generatedAt.toISOString().slice(0, 10);
  return {
    title: `Kazakhstan Trade Dashboard: ${input.subject}`,
    viewUrl: input.viewUrl,
    query: input.query,
    generatedAt: input.generatedAt,
    sourceIdsOf: (row) => [row.source_id],
    loadSources: input.loadSources,
    glossary: OBSERVATION_GLOSSARY,
    citation: `Kazakhstan Trade Dashboard, ${input.subject}, exported on ${date} from ${input.viewUrl}. Original figures by the sources listed on the Sources sheet.`,
    notes: [...OBSERVATION_NOTES, ...(input.notes ?? [])],
  };
}

export function observationProvenance(
  input: ObservationFileInput & { query: ObservationQuery },
): ExportProvenance<ObservationExportRow> {
  return observationFileProvenance({ ...input, subject: 'observations', query: describeObservationQuery(input.query) });
}
