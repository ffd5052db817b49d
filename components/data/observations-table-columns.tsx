// The data screen's header: column definitions for TanStack Table in the browser, which owns the
// sort state and the shown columns (both the URL's). The rows are drawn by the server
// (observations-cells.tsx), so these definitions have no cells; their order is OBSERVATION_COLUMNS.
// Column ids are the URL's sort keys and `cols` ids (lib/search-params/data.ts).
import { DataTableColumnHeader } from '@/components/data-table/data-table-column-header';
import { createDataTableColumnHelper } from '@/components/data-table/data-table-features';
import type { DataT } from '@/lib/i18n/observation-display';
import type { LocalizedObservation } from '@/lib/i18n/observation-names';
import type { DataColumnId } from '@/lib/search-params/data';
import { OBSERVATION_COLUMNS } from './observations-column-layout';

const helper = createDataTableColumnHelper<LocalizedObservation>();

const layout = Object.fromEntries(OBSERVATION_COLUMNS.map((c) => [c.id, c.meta])) as Record<
  DataColumnId,
  (typeof OBSERVATION_COLUMNS)[number]['meta']
>;

export function observationsTableColumns(t: DataT) {
  const meta = (id: DataColumnId) => ({ ...layout[id], label: t(`columns.${id}`) });
  const sortable = (id: DataColumnId & keyof LocalizedObservation, descFirst: boolean) =>
    helper.accessor(id, {
      id,
      header: ({ column }) => <DataTableColumnHeader column={column} title={t(`columns.${id}`)} />,
      sortDescFirst: descFirst,
      meta: meta(id),
    });
  return helper.columns([
    sortable('reporter', false),
    sortable('partner', false),
    helper.accessor('indicator_label', {
      id: 'flow',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.flow')} />,
      sortDescFirst: false,
      meta: meta('flow'),
    }),
    sortable('year', true),
    sortable('period', true),
    helper.accessor('value', {
      id: 'value',
      header: ({ column }) => (
        <DataTableColumnHeader column={column} title={t('columns.value')} unit={t('columns.valueUnit')} />
      ),
      sortDescFirst: true,
      meta: meta('value'),
    }),
    sortable('unit', false),
    helper.accessor('usd_mn', {
      id: 'usd',
      header: () => (
        <span className="flex flex-col items-end">
          <span>{t('columns.usd')}</span>
          <span className="text-xs font-normal text-muted-foreground">{t('columns.usdUnit')}</span>
        </span>
      ),
      enableSorting: false,
      meta: meta('usd'),
    }),
    sortable('qualifier', false),
    helper.display({
      id: 'flags',
      header: () => <span>{t('columns.flags')}</span>,
      meta: meta('flags'),
    }),
    helper.accessor('source_title', {
      id: 'source',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.source')} />,
      sortDescFirst: false,
      meta: meta('source'),
    }),
    helper.accessor('note', {
      id: 'note',
      header: () => <span>{t('columns.note')}</span>,
      enableSorting: false,
      meta: meta('note'),
    }),
  ]);
}
