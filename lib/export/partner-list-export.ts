// The partner list export (/partners): one row per partner, money in USD million, shares and
// growth rates in percent, each with its year and source, in the order on screen.
import { worldTotalOrigin } from '@/lib/charts/provenance-text';
import { formatNumber } from '@/lib/format';
import { chartTexts } from '@/lib/i18n/chart-texts';
import { exportTexts } from '@/lib/i18n/export-texts';
import type { Locale } from '@/lib/i18n/locales';
import { MEMBERSHIP_GROUP_LABELS } from '@/lib/membership-groups';
import type { PartnerListRow, WorldTotal } from '@/lib/queries/partner-list';
import type { PartnerListParams } from '@/lib/search-params/partner-list';
import { exportFileName, listPart } from './file-name';
import type { ExportColumn, ExportGlossaryEntry, ExportProvenance, ExportSource } from './types';
import { qualifierMeaning } from './glossary';
import { groupLabels } from './observation-export';

const MONEY = '#,##0.0';
const PERCENT = '0.0';
/** Percent with the precision the screen can show; the float noise of a division is not a finding. */
const pct = (fraction: number | null) => (fraction === null ? null : Math.round(fraction * 1e6) / 1e4);
const usd = (value: number | null) => (value === null ? null : Math.round(value * 1e6) / 1e6);

export function partnerListExportColumns(
  year: number,
  window: number,
  locale: Locale = 'en',
): ExportColumn<PartnerListRow>[] {
  const t = exportTexts(locale);
  // Years as text: a number argument would be written "2,025".
  const y = String(year);
  const previous = String(year - 1);
  const from = String(year - window);
  return [
    {
      key: 'rank',
      type: 'number',
      value: (r) => r.rank,
      description: t('partnerList.columns.rank', { year: y }),
    },
    {
      key: 'rank_change',
      type: 'number',
      value: (r) => r.rankChange,
      description: t('partnerList.columns.rank_change', { previous }),
    },
    { key: 'partner_code', type: 'text', value: (r) => r.code, description: t('partnerList.columns.partner_code') },
    { key: 'partner', type: 'text', value: (r) => r.name, width: 28, description: t('partnerList.columns.partner') },
    {
      key: 'groups',
      type: 'text',
      value: (r) => r.groups.map((g) => MEMBERSHIP_GROUP_LABELS[g]).join('; '),
      description: t('partnerList.columns.groups', { year: y, rule: t('partnerList.membershipRule') }),
    },
    { key: 'year', type: 'number', value: () => year, numFmt: '0', description: t('partnerList.columns.year') },
    {
      key: 'turnover_usd_mn',
      type: 'number',
      value: (r) => usd(r.turnoverUsdMn),
      numFmt: MONEY,
      width: 16,
      description: t('partnerList.columns.turnover_usd_mn', { year: y }),
    },
    {
      key: 'turnover_estimate',
      type: 'boolean',
      value: (r) => r.turnoverIsEstimate,
      description: t('partnerList.columns.turnover_estimate'),
    },
    {
      key: 'export_usd_mn',
      type: 'number',
      value: (r) => usd(r.exportUsdMn),
      numFmt: MONEY,
      width: 16,
      description: t('partnerList.columns.export_usd_mn', { year: y }),
    },
    {
      key: 'import_usd_mn',
      type: 'number',
      value: (r) => usd(r.importUsdMn),
      numFmt: MONEY,
      width: 16,
      description: t('partnerList.columns.import_usd_mn', { year: y }),
    },
    {
      key: 'balance_usd_mn',
      type: 'number',
      value: (r) => usd(r.balanceUsdMn),
      numFmt: MONEY,
      width: 16,
      description: t('partnerList.columns.balance_usd_mn'),
    },
    {
      key: 'share_of_kaz_total_pct',
      type: 'number',
      value: (r) => pct(r.share),
      numFmt: PERCENT,
      description: t('partnerList.columns.share_of_kaz_total_pct', { year: y }),
    },
    {
      key: 'change_on_year_pct',
      type: 'number',
      value: (r) => pct(r.change),
      numFmt: PERCENT,
      description: t('partnerList.columns.change_on_year_pct', { previous, year: y }),
    },
    {
      key: 'change_crosses_sources',
      type: 'boolean',
      value: (r) => r.change !== null && r.changeSourceBreak,
      description: t('partnerList.columns.change_crosses_sources'),
    },
    {
      key: 'cagr_from_year',
      type: 'number',
      value: () => year - window,
      numFmt: '0',
      description: t('partnerList.columns.cagr_from_year'),
    },
    {
      key: 'cagr_pct',
      type: 'number',
      value: (r) => pct(r.cagr),
      numFmt: PERCENT,
      description: t('partnerList.columns.cagr_pct', { from, year: y }),
    },
    {
      key: 'cagr_crosses_sources',
      type: 'boolean',
      value: (r) => r.cagr !== null && r.cagrSourceBreak,
      description: t('partnerList.columns.cagr_crosses_sources'),
    },
    {
      key: 'agreements',
      type: 'number',
      value: (r) => r.agreements,
      description: t('partnerList.columns.agreements'),
    },
    {
      key: 'fdi_gross_inflow_usd_mn',
      type: 'number',
      value: (r) => usd(r.fdiUsdMn),
      numFmt: MONEY,
      description: t('partnerList.columns.fdi_gross_inflow_usd_mn'),
    },
    {
      key: 'fdi_year',
      type: 'number',
      value: (r) => r.fdiYear,
      numFmt: '0',
      description: t('partnerList.columns.fdi_year'),
    },
    {
      key: 'fdi_qualifier',
      type: 'text',
      value: (r) => r.fdiQualifier,
      description: t('partnerList.columns.fdi_qualifier'),
    },
    {
      key: 'fdi_source_id',
      type: 'text',
      value: (r) => r.fdiSourceId,
      description: t('partnerList.columns.fdi_source_id'),
    },
    {
      key: 'source_id',
      type: 'text',
      value: (r) => r.sourceId,
      width: 30,
      description: t('partnerList.columns.source_id', { year: y }),
    },
  ];
}

function partnerListGlossary(locale: Locale): ExportGlossaryEntry[] {
  const t = exportTexts(locale);
  return [
    { field: 'turnover_estimate', value: 'true', meaning: t('partnerList.glossary.turnover_estimate') },
    { field: 'change_crosses_sources', value: 'true', meaning: t('partnerList.glossary.change_crosses_sources') },
    { field: 'cagr_crosses_sources', value: 'true', meaning: t('partnerList.glossary.cagr_crosses_sources') },
    { field: 'rank', value: '', meaning: t('partnerList.glossary.rank') },
    ...(['ABOUT', 'MORE_THAN', 'AT_LEAST', 'NEARLY', 'EXACT'] as const).map((q) => ({
      field: 'fdi_qualifier',
      value: q,
      meaning: qualifierMeaning(q, locale),
    })),
  ];
}

export function describePartnerList(
  params: PartnerListParams,
  year: number,
  world: WorldTotal,
  locale: Locale = 'en',
): string[] {
  const t = exportTexts(locale);
  const y = String(year);
  const lines = [
    t('partnerList.query.year', { year: y }),
    t(params.view === 'countries' ? 'partnerList.query.countries' : 'partnerList.query.groups'),
  ];
  if (params.group)
    lines.push(t('partnerList.query.members', { list: groupLabels(params.group, locale).join(', '), year: y }));
  if (params.q) lines.push(t('partnerList.query.name', { q: params.q }));
  lines.push(
    t('partnerList.query.window', {
      window: String(params.window),
      from: String(year - params.window),
      to: y,
    }),
  );
  const sort = params.sort.map((s) => {
    const label = t(`partnerList.sortLabels.${s.id}`);
    return s.desc ? t('sortDescending', { label }) : t('sortAscending', { label });
  });
  lines.push(t('partnerList.query.order', { list: [...sort, t('partnerList.query.orderThen')].join(', ') }));
  lines.push(
    world.turnoverUsdMn === null
      ? t('partnerList.query.noWorld', { year: y })
      : t('partnerList.query.world', {
          year: y,
          // English keeps the file's plain digits; Russian and Kazakh group them as their pages do.
          amount: locale === 'en' ? world.turnoverUsdMn.toFixed(1) : formatNumber(world.turnoverUsdMn, 1, locale),
          origin: worldTotalOrigin(world, chartTexts(locale)),
        }),
  );
  return lines;
}

export function partnerListExportFileName(params: PartnerListParams, year: number, date: Date = new Date()): string {
  return exportFileName(
    [
      'partners',
      params.view === 'groups' ? 'groups' : undefined,
      params.group ? listPart(params.group.map((g) => MEMBERSHIP_GROUP_LABELS[g])) : undefined,
      params.q ? `name-${params.q.slice(0, 24)}` : undefined,
      String(year),
    ],
    date,
  );
}

export function partnerListProvenance(input: {
  /** The language of the README and Flags sheets; English when left out. */
  locale?: Locale;
  params: PartnerListParams;
  year: number;
  world: WorldTotal;
  viewUrl: string;
  generatedAt: Date;
  loadSources: (ids: readonly string[]) => Promise<ExportSource[]>;
}): ExportProvenance<PartnerListRow> {
  const locale = input.locale ?? 'en';
  const t = exportTexts(locale);
  const site = t('site');
  const year = String(input.year);
  return {
    locale,
    title: t('title', { site, subject: t('partnerList.subject', { year }) }),
    viewUrl: input.viewUrl,
    query: describePartnerList(input.params, input.year, input.world, locale),
    generatedAt: input.generatedAt,
    // The world total's source is credited too: every share depends on it.
    sourceIdsOf: (row) =>
      [row.sourceId, row.fdiSourceId, input.world.sourceId].filter((id): id is string => id !== null),
    loadSources: input.loadSources,
    glossary: partnerListGlossary(locale),
    citation: t('citation', {
      site,
      subject: t('partnerList.citationSubject', { year }),
      date: input.generatedAt.toISOString().slice(0, 10),
      url: input.viewUrl,
    }),
    notes: [t('partnerList.notes.official'), t('partnerList.notes.groups'), t('partnerList.notes.fdi')],
  };
}
