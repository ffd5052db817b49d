// The partner list's header: column definitions for TanStack Table in the browser, which owns the
// sort state (the URL's) and the pager. The table's rows are drawn by the server
// (partner-list-cells.tsx), so these definitions have no cells; their order is PARTNER_LIST_COLUMNS.
import type { useTranslations } from 'next-intl';
import { DataTableColumnHeader } from '@/components/data-table/data-table-column-header';
import { createDataTableColumnHelper, type DataTableColumnMeta } from '@/components/data-table/data-table-features';
import type { Locale } from '@/lib/i18n/locales';
import type { PartnerListRow } from '@/lib/queries/partner-list';
import { PARTNER_LIST_COLUMNS, type PartnerListColumnId } from './partner-list-column-layout';

const helper = createDataTableColumnHelper<PartnerListRow>();

export type PartnerListT = ReturnType<typeof useTranslations<'partnerList'>>;

export interface PartnerListHeaderContext {
  year: number;
  window: number;
  sparklineFrom: number;
  /** Ranks are shown for countries only: groups overlap each other. */
  ranked: boolean;
  /** The partner list's words and the language of its numbers and links. */
  t: PartnerListT;
  locale: Locale;
}

const layout = Object.fromEntries(PARTNER_LIST_COLUMNS.map((c) => [c.id, c.meta])) as Record<
  PartnerListColumnId,
  DataTableColumnMeta
>;

export function partnerListColumns(ctx: PartnerListHeaderContext) {
  const { year, window, t } = ctx;
  const y = String(year);
  const usd = t('columns.usdYear', { year: y });
  const defs = {
    rank: helper.accessor('rank', {
      id: 'rank',
      header: ({ column }) => (
        <DataTableColumnHeader
          column={column}
          title={t('columns.rank')}
          unit={ctx.ranked ? y : t('columns.rankNone')}
        />
      ),
      sortDescFirst: false,
      enableSorting: ctx.ranked,
      meta: { ...layout.rank, label: t('columns.rank') },
    }),
    rank_change: helper.accessor('rankChange', {
      id: 'rank_change',
      header: ({ column }) => (
        <DataTableColumnHeader
          column={column}
          title={t('columns.rankChange')}
          unit={t('columns.vsYear', { year: String(year - 1) })}
        />
      ),
      sortDescFirst: true,
      enableSorting: ctx.ranked,
      meta: { ...layout.rank_change, label: t('columns.rankChangeLabel') },
    }),
    name: helper.accessor('name', {
      id: 'name',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.partner')} />,
      sortDescFirst: false,
      meta: { ...layout.name, label: t('columns.partner') },
    }),
    groups: helper.display({
      id: 'groups',
      header: () => (
        <span className="flex flex-col leading-tight">
          {t('columns.groups')}
          <span className="text-xs font-normal text-muted-foreground">{t('columns.inYear', { year: y })}</span>
        </span>
      ),
      meta: { ...layout.groups, label: t('columns.groups') },
    }),
    turnover: helper.accessor('turnoverUsdMn', {
      id: 'turnover',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.turnover')} unit={usd} />,
      sortDescFirst: true,
      meta: { ...layout.turnover, label: t('columns.turnover') },
    }),
    share: helper.accessor('share', {
      id: 'share',
      header: ({ column }) => (
        <DataTableColumnHeader column={column} title={t('columns.share')} unit={t('columns.shareUnit', { year: y })} />
      ),
      sortDescFirst: true,
      meta: { ...layout.share, label: t('columns.share') },
    }),
    change: helper.accessor('change', {
      id: 'change',
      header: ({ column }) => (
        <DataTableColumnHeader
          column={column}
          title={t('columns.change')}
          unit={t('columns.changeUnit', { year: String(year - 1) })}
        />
      ),
      sortDescFirst: true,
      meta: { ...layout.change, label: t('columns.changeLabel') },
    }),
    cagr: helper.accessor('cagr', {
      id: 'cagr',
      header: ({ column }) => (
        <DataTableColumnHeader
          column={column}
          title={t('columns.growth')}
          unit={t('columns.growthUnit', { from: String(year - window), to: y })}
        />
      ),
      sortDescFirst: true,
      meta: { ...layout.cagr, label: t('columns.growthLabel', { window }) },
    }),
    trend: helper.display({
      id: 'trend',
      header: () => (
        <span className="flex flex-col leading-tight">
          {t('columns.trend')}
          <span className="text-xs font-normal text-muted-foreground">
            {t('columns.trendUnit', { from: String(ctx.sparklineFrom), to: y })}
          </span>
        </span>
      ),
      meta: { ...layout.trend, label: t('columns.trend') },
    }),
    export: helper.accessor('exportUsdMn', {
      id: 'export',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.exports')} unit={usd} />,
      sortDescFirst: true,
      meta: { ...layout.export, label: t('columns.exports') },
    }),
    import: helper.accessor('importUsdMn', {
      id: 'import',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.imports')} unit={usd} />,
      sortDescFirst: true,
      meta: { ...layout.import, label: t('columns.imports') },
    }),
    balance: helper.accessor('balanceUsdMn', {
      id: 'balance',
      header: ({ column }) => (
        <DataTableColumnHeader
          column={column}
          title={t('columns.balance')}
          unit={t('columns.balanceUnit', { year: y })}
        />
      ),
      sortDescFirst: true,
      meta: { ...layout.balance, label: t('columns.balance') },
    }),
    agreements: helper.accessor('agreements', {
      id: 'agreements',
      header: ({ column }) => (
        <DataTableColumnHeader column={column} title={t('columns.agreements')} unit={t('columns.agreementsUnit')} />
      ),
      sortDescFirst: true,
      meta: { ...layout.agreements, label: t('columns.agreements') },
    }),
    investment: helper.accessor('fdiUsdMn', {
      id: 'investment',
      header: ({ column }) => (
        <DataTableColumnHeader column={column} title={t('columns.investment')} unit={t('columns.investmentUnit')} />
      ),
      sortDescFirst: true,
      meta: { ...layout.investment, label: t('columns.investment') },
    }),
  };
  return helper.columns(PARTNER_LIST_COLUMNS.map((c) => defs[c.id]));
}
