// The header of the overview's partner table. Column ids are the URL sort keys
// (lib/search-params/overview.ts), so a header click maps straight to `?sort=<id>`. The cells are
// drawn by the server (partners-table-cells.tsx) in the same layout (partners-table-layout.ts).
import type { useTranslations } from 'next-intl';
import { DataTableColumnHeader } from '@/components/data-table/data-table-column-header';
import { createDataTableColumnHelper } from '@/components/data-table/data-table-features';
import type { PartnerTableRow } from '@/lib/queries/overview';
import { PARTNERS_TABLE_COLUMNS, type PartnersTableColumnId } from './partners-table-layout';

const helper = createDataTableColumnHelper<PartnerTableRow>();

export type PartnersTableTexts = ReturnType<typeof useTranslations<'overview.partners'>>;

const layout = Object.fromEntries(PARTNERS_TABLE_COLUMNS.map((c) => [c.id, c.meta])) as Record<
  PartnersTableColumnId,
  (typeof PARTNERS_TABLE_COLUMNS)[number]['meta']
>;

export function partnersTableColumns(t: PartnersTableTexts) {
  const unit = t('columns.usdMillion');
  return helper.columns([
    helper.accessor('name', {
      id: 'name',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.partner')} />,
      sortDescFirst: false,
      meta: layout.name,
    }),
    helper.accessor('kind', {
      id: 'kind',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.kind')} />,
      enableSorting: false,
      meta: layout.kind,
    }),
    helper.accessor('exportUsdMn', {
      id: 'export',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.exports')} unit={unit} />,
      sortDescFirst: true,
      meta: layout.export,
    }),
    helper.accessor('importUsdMn', {
      id: 'import',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.imports')} unit={unit} />,
      sortDescFirst: true,
      meta: layout.import,
    }),
    helper.accessor('turnoverUsdMn', {
      id: 'turnover',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.turnover')} unit={unit} />,
      sortDescFirst: true,
      meta: layout.turnover,
    }),
    helper.accessor('shareOfWorld', {
      id: 'share',
      header: ({ column }) => (
        <DataTableColumnHeader column={column} title={t('columns.share')} unit={t('columns.shareUnit')} />
      ),
      sortDescFirst: true,
      meta: layout.share,
    }),
  ]);
}
