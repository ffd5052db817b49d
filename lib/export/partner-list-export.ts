// The partner list export (/partners): one row per partner, money in USD million, shares and
// growth rates in percent, each with its year and source, in the order on screen.
import { worldTotalOrigin } from '@/lib/charts/provenance-text';
import { MEMBERSHIP_GROUP_LABELS, MEMBERSHIP_RULE } from '@/lib/membership-groups';
import type { PartnerListRow, WorldTotal } from '@/lib/queries/partner-list';
import type { PartnerListParams } from '@/lib/search-params/partner-list';
import { exportFileName, listPart } from './file-name';
import type { ExportColumn, ExportGlossaryEntry, ExportProvenance, ExportSource } from './types';
import { QUALIFIER_DISPLAY } from '@/lib/qualifiers';

const MONEY = '#,##0.0';
const PERCENT = '0.0';
/** Percent with the precision the screen can show; the float noise of a division is not a finding. */
const pct = (fraction: number | null) => (fraction === null ? null : Math.round(fraction * 1e6) / 1e4);
const usd = (value: number | null) => (value === null ? null : Math.round(value * 1e6) / 1e6);

export function partnerListExportColumns(year: number, window: number): ExportColumn<PartnerListRow>[] {
  return [
    {
      key: 'rank',
      type: 'number',
      value: (r) => r.rank,
      description: `Rank by turnover among partner countries in ${year} (empty for groups, which are not ranked).`,
    },
    {
      key: 'rank_change',
      type: 'number',
      value: (r) => r.rankChange,
      description: `Places gained since ${year - 1} (negative = lost).`,
    },
    { key: 'partner_code', type: 'text', value: (r) => r.code, description: 'ISO 3166 alpha-3 or AGG_* code.' },
    { key: 'partner', type: 'text', value: (r) => r.name, width: 28, description: 'Partner name.' },
    {
      key: 'groups',
      type: 'text',
      value: (r) => r.groups.map((g) => MEMBERSHIP_GROUP_LABELS[g]).join('; '),
      description: `Groups the partner belongs to in ${year}. ${MEMBERSHIP_RULE}`,
    },
    { key: 'year', type: 'number', value: () => year, numFmt: '0', description: 'Calendar year of the figures.' },
    {
      key: 'turnover_usd_mn',
      type: 'number',
      value: (r) => usd(r.turnoverUsdMn),
      numFmt: MONEY,
      width: 16,
      description: `Exports + imports in ${year}, USD million (only where both are published).`,
    },
    {
      key: 'turnover_estimate',
      type: 'boolean',
      value: (r) => r.turnoverIsEstimate,
      description: 'The turnover is, or includes, an estimate.',
    },
    {
      key: 'export_usd_mn',
      type: 'number',
      value: (r) => usd(r.exportUsdMn),
      numFmt: MONEY,
      width: 16,
      description: `Kazakhstan’s exports to the partner in ${year}, USD million.`,
    },
    {
      key: 'import_usd_mn',
      type: 'number',
      value: (r) => usd(r.importUsdMn),
      numFmt: MONEY,
      width: 16,
      description: `Kazakhstan’s imports from the partner in ${year}, USD million.`,
    },
    {
      key: 'balance_usd_mn',
      type: 'number',
      value: (r) => usd(r.balanceUsdMn),
      numFmt: MONEY,
      width: 16,
      description: 'Exports minus imports, USD million.',
    },
    {
      key: 'share_of_kaz_total_pct',
      type: 'number',
      value: (r) => pct(r.share),
      numFmt: PERCENT,
      description: `Turnover as a percentage of Kazakhstan’s total turnover with the world in ${year}.`,
    },
    {
      key: 'change_on_year_pct',
      type: 'number',
      value: (r) => pct(r.change),
      numFmt: PERCENT,
      description: `Turnover change from ${year - 1} to ${year}, percent.`,
    },
    {
      key: 'change_crosses_sources',
      type: 'boolean',
      value: (r) => r.change !== null && r.changeSourceBreak,
      description: 'The two years compared come from different sources.',
    },
    {
      key: 'cagr_from_year',
      type: 'number',
      value: () => year - window,
      numFmt: '0',
      description: 'First year of the growth window.',
    },
    {
      key: 'cagr_pct',
      type: 'number',
      value: (r) => pct(r.cagr),
      numFmt: PERCENT,
      description: `Compound annual growth of turnover from ${year - window} to ${year}, percent per year.`,
    },
    {
      key: 'cagr_crosses_sources',
      type: 'boolean',
      value: (r) => r.cagr !== null && r.cagrSourceBreak,
      description: 'The window’s first and last years come from different sources.',
    },
    {
      key: 'agreements',
      type: 'number',
      value: (r) => r.agreements,
      description:
        'Agreements on record with the partner as a party (DESTA and the source articles, one row per agreement), all years: in force, signed, memoranda and roadmaps; not those under negotiation or planned.',
    },
    {
      key: 'fdi_gross_inflow_usd_mn',
      type: 'number',
      value: (r) => usd(r.fdiUsdMn),
      numFmt: MONEY,
      description:
        'Latest annual gross FDI inflow from the partner quoted by a source, USD million (secondary, rounded).',
    },
    { key: 'fdi_year', type: 'number', value: (r) => r.fdiYear, numFmt: '0', description: 'Year of that FDI inflow.' },
    {
      key: 'fdi_qualifier',
      type: 'text',
      value: (r) => r.fdiQualifier,
      description: 'How the source worded the FDI figure (ABOUT = rounded or approximate).',
    },
    {
      key: 'fdi_source_id',
      type: 'text',
      value: (r) => r.fdiSourceId,
      description: 'Source of the FDI figure (Sources sheet).',
    },
    {
      key: 'source_id',
      type: 'text',
      value: (r) => r.sourceId,
      width: 30,
      description: `Source of the ${year} trade figures (Sources sheet).`,
    },
  ];
}

const PARTNER_LIST_GLOSSARY: readonly ExportGlossaryEntry[] = [
  {
    field: 'turnover_estimate',
    value: 'true',
    meaning: 'The value is an IMF estimate, or computed from one (shown as “e” on screen).',
  },
  {
    field: 'change_crosses_sources',
    value: 'true',
    meaning: 'Compares a year from IMF DOTS with one from the Bureau of National Statistics (shown as “†”).',
  },
  {
    field: 'cagr_crosses_sources',
    value: 'true',
    meaning: 'The growth window starts in one source and ends in the other (shown as “†”).',
  },
  {
    field: 'rank',
    value: '',
    meaning: 'Empty for groups: groups overlap their members and each other, so they are not ranked.',
  },
  ...(['ABOUT', 'MORE_THAN', 'AT_LEAST', 'NEARLY', 'EXACT'] as const).map((q) => ({
    field: 'fdi_qualifier',
    value: q,
    meaning: `${QUALIFIER_DISPLAY[q].label}.`,
  })),
];

export function describePartnerList(params: PartnerListParams, year: number, world: WorldTotal): string[] {
  const lines = [
    `Year: ${year}`,
    `Partners: ${params.view === 'countries' ? 'countries (incl. former ones)' : 'country groups'}`,
  ];
  if (params.group)
    lines.push(`Members of: ${params.group.map((g) => MEMBERSHIP_GROUP_LABELS[g]).join(', ')} in ${year}`);
  if (params.q) lines.push(`Name contains: “${params.q}”`);
  lines.push(`Growth window: ${params.window} years (${year - params.window}–${year})`);
  lines.push(
    `Order: ${[...params.sort.map((s) => `${s.id.replace('_', ' ')} ${s.desc ? 'descending' : 'ascending'}`), 'then name'].join(', ')}`,
  );
  lines.push(
    world.turnoverUsdMn === null
      ? `Share of Kazakhstan’s total: unavailable for ${year} (the official series has no world total that year)`
      : `Kazakhstan’s total turnover with the world in ${year}: USD ${world.turnoverUsdMn.toFixed(1)} million (${worldTotalOrigin(world)})`,
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
  params: PartnerListParams;
  year: number;
  world: WorldTotal;
  viewUrl: string;
  generatedAt: Date;
  loadSources: (ids: readonly string[]) => Promise<ExportSource[]>;
}): ExportProvenance<PartnerListRow> {
  const date = input.generatedAt.toISOString().slice(0, 10);
  return {
    title: `Kazakhstan Trade Dashboard: partner list, ${input.year}`,
    viewUrl: input.viewUrl,
    query: describePartnerList(input.params, input.year, input.world),
    generatedAt: input.generatedAt,
    // The world total's source is credited too: every share depends on it.
    sourceIdsOf: (row) =>
      [row.sourceId, row.fdiSourceId, input.world.sourceId].filter((id): id is string => id !== null),
    loadSources: input.loadSources,
    glossary: PARTNER_LIST_GLOSSARY,
    citation: `Kazakhstan Trade Dashboard, partner list for ${input.year}, exported on ${date} from ${input.viewUrl}. Original figures by the sources listed on the Sources sheet.`,
    notes: [
      'Kazakhstan’s own statistics: the Bureau of National Statistics for 2020–2025 (final editions), IMF DOTS for 1992–2020; USD million at current prices.',
      'Groups (EU, EAEU, CIS, Central Asia) contain their members: never add a group to its member countries.',
      'FDI figures are gross inflows quoted by news and official pages: secondary and rounded.',
    ],
  };
}
