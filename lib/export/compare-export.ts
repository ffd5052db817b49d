// The compare view's export (/compare): one row per partner and year with the value drawn in the
// view's mode, the amount behind it and its provenance, partners in the summary table's order.
// The rows are the view's numbers, not raw observations; /api/observations exports those.
import type { CompareExportRow } from '@/lib/charts/compare-table';
import type { CompareSeriesShape } from '@/lib/charts/compare-series';
import type { CompareSearchParams } from '@/lib/search-params/compare';
import { exportTexts } from '@/lib/i18n/export-texts';
import type { Locale } from '@/lib/i18n/locales';
import { perLocale } from '@/lib/i18n/per-locale';
import { exportFileName, listPart, yearRangePart } from './file-name';
import type { ExportColumn, ExportGlossaryEntry, ExportProvenance, ExportSource } from './types';

/** The compare export's columns, their descriptions (README sheet) in a language. */
export const compareExportColumns = perLocale((locale): readonly ExportColumn<CompareExportRow>[] => {
  const t = exportTexts(locale);
  return [
    {
      key: 'partner_code',
      type: 'text',
      value: (r) => r.partner_code,
      description: t('compare.columns.partner_code'),
    },
    { key: 'partner', type: 'text', value: (r) => r.partner, width: 24, description: t('compare.columns.partner') },
    {
      key: 'year',
      type: 'number',
      value: (r) => r.year,
      numFmt: '0',
      width: 8,
      description: t('compare.columns.year'),
    },
    {
      key: 'flow',
      type: 'text',
      value: (r) => r.flow,
      description: t('compare.columns.flow'),
    },
    {
      key: 'mode',
      type: 'text',
      value: (r) => r.mode,
      description: t('compare.columns.mode'),
    },
    {
      key: 'value',
      type: 'number',
      value: (r) => r.value,
      numFmt: '#,##0.0###',
      width: 14,
      description: t('compare.columns.value'),
    },
    {
      key: 'value_unit',
      type: 'text',
      value: (r) => r.value_unit,
      width: 28,
      description: t('compare.columns.value_unit'),
    },
    {
      key: 'amount',
      type: 'number',
      value: (r) => r.amount,
      numFmt: '#,##0.0',
      width: 14,
      description: t('compare.columns.amount'),
    },
    {
      key: 'amount_unit',
      type: 'text',
      value: (r) => r.amount_unit,
      width: 14,
      description: t('compare.columns.amount_unit'),
    },
    {
      key: 'source_id',
      type: 'text',
      value: (r) => r.source_id,
      width: 30,
      description: t('compare.columns.source_id'),
    },
    { key: 'source', type: 'text', value: (r) => r.source, width: 40, description: t('compare.columns.source') },
    {
      key: 'is_estimate',
      type: 'boolean',
      value: (r) => r.is_estimate,
      description: t('compare.columns.is_estimate'),
    },
    {
      key: 'is_derived',
      type: 'boolean',
      value: (r) => r.is_derived,
      description: t('compare.columns.is_derived'),
    },
    {
      key: 'conversion',
      type: 'text',
      value: (r) => r.conversion,
      width: 40,
      description: t('compare.columns.conversion'),
    },
  ];
});

/** The columns with English descriptions. */
export const COMPARE_EXPORT_COLUMNS = compareExportColumns();

function compareGlossary(locale: Locale): ExportGlossaryEntry[] {
  const t = exportTexts(locale);
  return [
    ...(['absolute', 'share', 'index', 'change'] as const).map((mode) => ({
      field: 'mode',
      value: mode,
      meaning: t(`compare.glossary.${mode}`),
    })),
    { field: 'is_estimate', value: 'true', meaning: t('compare.glossary.is_estimate') },
    { field: 'is_derived', value: 'true', meaning: t('compare.glossary.is_derived') },
    { field: 'conversion', value: '(text)', meaning: t('compare.glossary.conversion') },
  ];
}

export function describeCompareView(
  params: CompareSearchParams,
  names: ReadonlyMap<string, string>,
  locale: Locale = 'en',
): string[] {
  const t = exportTexts(locale);
  const label = t(`compare.sortLabels.${params.sort.id}`);
  return [
    t('compare.query.partners', {
      list: params.partners.map((code) => `${names.get(code) ?? code} (${code})`).join(', '),
    }),
    t('compare.query.indicator', { flow: t(`compare.flows.${params.flow}`) }),
    t('compare.query.years', { from: String(params.from), to: String(params.to) }),
    t('compare.query.mode', { mode: t(`compare.modes.${params.mode}`) }),
    t(params.currency === 'USD' ? 'compare.query.currencyUsd' : 'compare.query.currencyEur'),
    t(params.sort.desc ? 'compare.query.orderDescending' : 'compare.query.orderAscending', { sort: label }),
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
  /** The language of the README and Flags sheets; English when left out. */
  locale?: Locale;
  params: CompareSearchParams;
  shape: CompareSeriesShape;
  /** Partner names in the file's language. */
  names: ReadonlyMap<string, string>;
  /** Every source the view uses (trade series, world totals, exchange rates), already loaded. */
  sources: readonly ExportSource[];
  rateSourceId: string;
  viewUrl: string;
  generatedAt: Date;
}): ExportProvenance<CompareExportRow> {
  const locale = input.locale ?? 'en';
  const t = exportTexts(locale);
  const site = t('site');
  const { flow, from, to } = input.params;
  return {
    locale,
    title: t('title', {
      site,
      subject: t('compare.subject', { flow: t(`compare.flows.${flow}`), from: String(from), to: String(to) }),
    }),
    viewUrl: input.viewUrl,
    query: describeCompareView(input.params, input.names, locale),
    generatedAt: input.generatedAt,
    sourceIdsOf: (row) =>
      [row.source_id, row.conversion ? input.rateSourceId : null].filter((id): id is string => id !== null),
    // The view's sources are loaded for the page already; those no row names (the world total
    // behind shares) are listed too, with 0 rows.
    loadSources: async (ids) => {
      const first = input.sources.filter((s) => ids.includes(s.id));
      return [...first, ...input.sources.filter((s) => !ids.includes(s.id))];
    },
    glossary: compareGlossary(locale),
    citation: t('compare.citation', { site, date: input.generatedAt.toISOString().slice(0, 10), url: input.viewUrl }),
    notes: [t('compare.unitNote', { unit: input.shape.unit.label }), ...input.shape.notes],
  };
}
