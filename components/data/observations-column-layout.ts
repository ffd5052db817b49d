// The data screen's columns in display order (DATA_COLUMNS, the URL's `cols` ids), with the layout
// that both the header (observations-table-columns.tsx) and the server-drawn cells
// (observations-cells.tsx) follow.
import type { DataTableColumnMeta } from '@/components/data-table/data-table-features';
import { DATA_COLUMNS, type DataColumnId } from '@/lib/search-params/data';

const META: Record<DataColumnId, DataTableColumnMeta> = {
  reporter: { className: 'min-w-32' },
  partner: { className: 'min-w-36' },
  flow: { className: 'min-w-32' },
  year: { align: 'end' },
  period: {},
  value: { align: 'end' },
  unit: {},
  usd: { align: 'end' },
  qualifier: {},
  flags: { className: 'min-w-28' },
  source: { className: 'min-w-48 max-w-72' },
  note: { className: 'min-w-56 max-w-96' },
};

export const OBSERVATION_COLUMNS: readonly { id: DataColumnId; meta: DataTableColumnMeta }[] = DATA_COLUMNS.map(
  (id) => ({ id, meta: META[id] }),
);

/** The columns shown, in display order: what the header draws when `shown` hides the rest. */
export function shownObservationColumns(shown: readonly DataColumnId[]) {
  return OBSERVATION_COLUMNS.filter((c) => shown.includes(c.id));
}
