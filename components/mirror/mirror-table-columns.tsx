// The disagreement table's header: column definitions for TanStack Table in the browser, which
// owns the sort state (the URL's) and the pager. The rows are drawn by the server (mirror-cells.tsx),
// so these definitions have no cells; their order is MIRROR_COLUMNS.
import type { useTranslations } from 'next-intl';
import { DataTableColumnHeader } from '@/components/data-table/data-table-column-header';
import { createDataTableColumnHelper } from '@/components/data-table/data-table-features';
import type { MirrorGapRow } from '@/lib/queries/mirror';
import type { MirrorFlow } from '@/lib/search-params/mirror';
import { MIRROR_COLUMNS, type MirrorColumnId } from './mirror-column-layout';

const helper = createDataTableColumnHelper<MirrorGapRow>();

export type MirrorTexts = ReturnType<typeof useTranslations<'MirrorScreen'>>;

const layout = Object.fromEntries(MIRROR_COLUMNS.map((c) => [c.id, c.meta])) as Record<
  MirrorColumnId,
  (typeof MIRROR_COLUMNS)[number]['meta']
>;

/** The disagreement table's header, in the page's language; which record is which depends on the flow. */
export function mirrorColumns(flow: MirrorFlow, t: MirrorTexts) {
  const kaz = t('columns.kaz', { flow });
  const partner = t('columns.partnerValue', { flow });
  return helper.columns([
    helper.accessor('partnerName', {
      id: 'partner',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.partner')} />,
      sortDescFirst: false,
      meta: { ...layout.partner, label: t('columns.partner') },
    }),
    helper.accessor('year', {
      id: 'year',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.year')} />,
      sortDescFirst: true,
      meta: { ...layout.year, label: t('columns.year') },
    }),
    helper.accessor('kazUsdMn', {
      id: 'kaz',
      header: ({ column }) => <DataTableColumnHeader column={column} title={kaz} unit={t('columns.kazUnit')} />,
      sortDescFirst: true,
      meta: { ...layout.kaz, label: kaz },
    }),
    helper.accessor('partnerUsdMn', {
      id: 'partner_value',
      header: ({ column }) => <DataTableColumnHeader column={column} title={partner} unit={t('columns.partnerUnit')} />,
      sortDescFirst: true,
      meta: { ...layout.partner_value, label: partner },
    }),
    helper.accessor('gapUsdMn', {
      // Sorted by size, whichever side records more.
      id: 'abs_gap',
      header: ({ column }) => (
        <DataTableColumnHeader column={column} title={t('columns.gap')} unit={t('columns.gapUnit')} />
      ),
      sortDescFirst: true,
      meta: { ...layout.abs_gap, label: t('columns.gap') },
    }),
    helper.accessor('ratio', {
      id: 'ratio',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.ratio')} />,
      sortDescFirst: true,
      meta: { ...layout.ratio, label: t('columns.ratio') },
    }),
  ]);
}
