// The compare view's export (/compare): one row per partner and year with the value drawn in the
// view's mode, the amount behind it and its provenance, partners in the summary table's order.
// The rows are the view's numbers, not raw observations; /api/observations exports those.
import type { CompareExportRow } from '@/lib/charts/compare-table';
import type { CompareSeriesShape } from '@/lib/charts/compare-series';
import type { CompareSearchParams } from '@/lib/search-params/compare';
import { exportFileName, listPart, yearRangePart } from './file-name';
import type { ExportColumn, ExportGlossaryEntry, ExportProvenance, ExportSource } from './types';

const MODE_WORDS: Record<CompareSearchParams['mode'], string> = {
  absolute: 'values',
  share: 'share of Kazakhstan’s total with the world',
  index: 'index, first year = 100',
  change: 'change on the previous year',
};

export const COMPARE_EXPORT_COLUMNS: readonly ExportColumn<CompareExportRow>[] = [
  {
    key: 'partner_code',
    type: 'text',
    value: (r) => r.partner_code,
    description: 'ISO 3166 alpha-3 or AGG_* code of the partner.',
  },
  { key: 'partner', type: 'text', value: (r) => r.partner, width: 24, description: 'Partner name.' },
  { key: 'year', type: 'number', value: (r) => r.year, numFmt: '0', width: 8, description: 'Calendar year.' },
  {
    key: 'flow',
    type: 'text',
    value: (r) => r.flow,
    description: 'turnover, export, import or balance, from Kazakhstan’s point of view.',
  },
  {
    key: 'mode',
    type: 'text',
    value: (r) => r.mode,
    description: 'absolute, share, index or change: what value holds.',
  },
  {
    key: 'value',
    type: 'number',
    value: (r) => r.value,
    numFmt: '#,##0.0###',
    width: 14,
    description: 'The number drawn, in value_unit (shares and changes as fractions: 0.25 = 25%).',
  },
  { key: 'value_unit', type: 'text', value: (r) => r.value_unit, width: 28, description: 'Unit of value.' },
  {
    key: 'amount',
    type: 'number',
    value: (r) => r.amount,
    numFmt: '#,##0.0',
    width: 14,
    description: 'The amount behind value, in amount_unit.',
  },
  {
    key: 'amount_unit',
    type: 'text',
    value: (r) => r.amount_unit,
    width: 14,
    description: 'USD million as published, or EUR million converted at the ECB annual average.',
  },
  {
    key: 'source_id',
    type: 'text',
    value: (r) => r.source_id,
    width: 30,
    description: 'Source of the amount (Sources sheet).',
  },
  { key: 'source', type: 'text', value: (r) => r.source, width: 40, description: 'Attribution of that source.' },
  {
    key: 'is_estimate',
    type: 'boolean',
    value: (r) => r.is_estimate,
    description: 'The amount is, or includes, an IMF estimate.',
  },
  {
    key: 'is_derived',
    type: 'boolean',
    value: (r) => r.is_derived,
    description: 'The amount is derived (summed from members or months, or exports − imports).',
  },
  {
    key: 'conversion',
    type: 'text',
    value: (r) => r.conversion,
    width: 40,
    description: 'How a EUR amount was converted from USD (year and rate); empty when not converted.',
  },
];

const COMPARE_GLOSSARY: readonly ExportGlossaryEntry[] = [
  { field: 'mode', value: 'absolute', meaning: 'value = amount (currency million).' },
  {
    field: 'mode',
    value: 'share',
    meaning: 'value = the partner’s amount / Kazakhstan’s total with the world in the same year (a fraction).',
  },
  {
    field: 'mode',
    value: 'index',
    meaning: 'value = amount / amount in the partner’s first year with a positive value × 100.',
  },
  {
    field: 'mode',
    value: 'change',
    meaning:
      'value = amount / previous year’s amount − 1 (a fraction); empty when the previous year is missing or not positive.',
  },
  { field: 'is_estimate', value: 'true', meaning: 'IMF estimate, or computed from one (shown as “e” on screen).' },
  { field: 'is_derived', value: 'true', meaning: 'Derived, not published as such (shown as “d” on screen).' },
  {
    field: 'conversion',
    value: '(text)',
    meaning:
      'Converted from USD at the ECB annual average of the year (shown as “c”, or “p” for a provisional year-to-date rate).',
  },
];

export function describeCompareView(params: CompareSearchParams, names: ReadonlyMap<string, string>): string[] {
  return [
    `Partners: ${params.partners.map((code) => `${names.get(code) ?? code} (${code})`).join(', ')}`,
    `Indicator: ${params.flow}`,
    `Years: ${params.from}–${params.to}`,
    `Mode: ${MODE_WORDS[params.mode]}`,
    `Currency: ${params.currency === 'USD' ? 'USD as published' : 'EUR converted from USD at ECB annual averages'}`,
    `Order: partners as in the summary table (sorted by ${params.sort.id}, ${params.sort.desc ? 'descending' : 'ascending'}), then year`,
  ];
}

/** E.g. kaz-trade-compare-turnover-share-DEU-FRA-ITA-CHN-and-1-more-2000-2025-2026-11-23. */
export function compareExportFileName(params: CompareSearchParams, date: Date = new Date()): string {
  return exportFileName(
    [
      'compare',
      params.flow,
      params.mode === 'absolute' ? undefined : params.mode,
      params.currency === 'USD' ? undefined : params.currency,
      listPart(params.partners),
      yearRangePart(params.from, params.to),
    ],
    date,
  );
}

export function compareProvenance(input: {
  params: CompareSearchParams;
  shape: CompareSeriesShape;
  names: ReadonlyMap<string, string>;
  /** Every source the view uses (trade series, world totals, exchange rates), already loaded. */
  sources: readonly ExportSource[];
  rateSourceId: string;
  viewUrl: string;
  generatedAt: Date;
}): ExportProvenance<CompareExportRow> {
  const date = input.generatedAt.toISOString().slice(0, 10);
  return {
    title: `Kazakhstan Trade Dashboard: compare partners, ${input.params.flow}, ${input.params.from}–${input.params.to}`,
    viewUrl: input.viewUrl,
    query: describeCompareView(input.params, input.names),
    generatedAt: input.generatedAt,
    sourceIdsOf: (row) =>
      [row.source_id, row.conversion ? input.rateSourceId : null].filter((id): id is string => id !== null),
    // The view's sources are loaded for the page already; those no row names (the world total
    // behind shares) are listed too, with 0 rows.
    loadSources: async (ids) => {
      const first = input.sources.filter((s) => ids.includes(s.id));
      return [...first, ...input.sources.filter((s) => !ids.includes(s.id))];
    },
    glossary: COMPARE_GLOSSARY,
    citation: `Kazakhstan Trade Dashboard, compare view exported on ${date} from ${input.viewUrl}. Original figures by the sources listed on the Sources sheet.`,
    notes: [`Unit of value: ${input.shape.unit.label}.`, ...input.shape.notes],
  };
}
