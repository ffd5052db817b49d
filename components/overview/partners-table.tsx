'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useMemo, type ReactNode } from 'react';
import type { SortingState } from '@tanstack/react-table';
import { DataTable } from '@/components/data-table/data-table';
import { useDataTable } from '@/components/data-table/use-data-table';
import { formatYear } from '@/lib/format';
import type { PartnerTableRow } from '@/lib/queries/overview';
import { useUrlState } from '@/components/layout/use-url-state';
import { overviewParsers, PARTNER_SORT_KEYS, type OverviewSearchParams } from '@/lib/search-params/overview';
import { partnersTableColumns } from './partners-table-columns';
import { showsKind } from './partners-table-layout';

interface PartnersTableProps {
  /** The table's year, for the caption. */
  year: number | null;
  /** The rows, drawn by the server in the header's column order (PartnersSection). */
  body: ReactNode;
  /** The sentences above and below the table, drawn by the server. */
  summary: ReactNode;
  footer: ReactNode;
  params: OverviewSearchParams;
}

// The rows are the server's (body): the table model holds none.
const NO_ROWS: PartnerTableRow[] = [];
const getRowId = (row: PartnerTableRow) => row.code;
const isSortKey = (id: string) => PARTNER_SORT_KEYS.find((key) => key === id);

/**
 * The overview's partner table: the sortable header. The rows and the sentences come drawn by the
 * server, so hydrating it runs no cell code and formats no number (issue 18).
 */
export function PartnersTable({ year, body, summary, footer, params }: PartnersTableProps) {
  const { navigate, isPending } = useUrlState(overviewParsers, params);
  const t = useTranslations('overview.partners');
  const columns = useMemo(() => partnersTableColumns(t), [t]);

  const sorting = useMemo<SortingState>(() => [params.sort], [params.sort]);
  const onSortingChange = useCallback(
    (next: SortingState) => {
      const first = next[0];
      // Only allow-listed column ids become URL state; anything else is a bug in the column defs.
      const id = first && isSortKey(first.id);
      if (!first || !id) return;
      navigate({ sort: { id, desc: first.desc } });
    },
    [navigate],
  );

  const columnVisibility = useMemo(() => ({ state: { kind: showsKind(params) }, onChange: () => {} }), [params]);
  const table = useDataTable({
    data: NO_ROWS,
    columns,
    sorting,
    onSortingChange,
    getRowId,
    columnVisibility,
    sortedColumnsFirst: true,
  });

  return (
    <div className="space-y-2">
      {summary}
      <DataTable
        table={table}
        testId="partners-table"
        isPending={isPending}
        body={body}
        caption={t('caption', { year: formatYear(year) })}
      />
      {footer}
    </div>
  );
}
