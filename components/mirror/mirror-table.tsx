'use client';

import { useCallback, useMemo, type ReactNode } from 'react';
import type { PaginationState, SortingState } from '@tanstack/react-table';
import { useTranslations } from 'next-intl';
import { DataTable } from '@/components/data-table/data-table';
import { DataTablePagination } from '@/components/data-table/data-table-pagination';
import type { PagerTexts } from '@/components/data-table/pager-texts';
import { useDataTable } from '@/components/data-table/use-data-table';
import { useUrlState } from '@/components/layout/use-url-state';
import type { MirrorGapRow } from '@/lib/queries/mirror';
import {
  MAX_MIRROR_SORT_KEYS,
  MIRROR_PAGE_SIZES,
  MIRROR_SORT_KEYS,
  mirrorParsers,
  type MirrorParams,
  type MirrorSortKey,
} from '@/lib/search-params/mirror';
import { mirrorRowKey } from './mirror-column-layout';
import { mirrorColumns } from './mirror-table-columns';

interface MirrorTableProps {
  params: MirrorParams;
  total: number;
  /** The pager's words, formatted by the server (pagerTexts). */
  pager: PagerTexts;
  /** The count above the table and the rows, drawn by the server (MirrorSection). */
  summary: ReactNode;
  body: ReactNode;
}

// The rows are the server's (body): the table model holds none.
const NO_ROWS: MirrorGapRow[] = [];
const isSortKey = (id: string): id is MirrorSortKey => (MIRROR_SORT_KEYS as readonly string[]).includes(id);

/**
 * The disagreement table's header (sorting) and pager. The rows come drawn by the server, so
 * hydrating the page runs no cell code (issue 18.2); TanStack Table here holds only the sort and
 * page state, which live in the URL.
 */
export function MirrorTable({ params, total, pager, summary, body }: MirrorTableProps) {
  const { navigate, isPending } = useUrlState(mirrorParsers, params, { pageKey: 'page' });
  const t = useTranslations('MirrorScreen');
  const columns = useMemo(() => mirrorColumns(params.flow, t), [params.flow, t]);
  const sorting = useMemo<SortingState>(() => params.sort, [params.sort]);
  const onSortingChange = useCallback(
    (next: SortingState) => {
      const sort = next.filter((s) => isSortKey(s.id)).map((s) => ({ id: s.id as MirrorSortKey, desc: s.desc }));
      if (sort.length > 0) navigate({ sort });
    },
    [navigate],
  );
  const pagination = useMemo(
    () => ({
      state: { pageIndex: params.page - 1, pageSize: params.size },
      rowCount: total,
      onChange: (next: PaginationState) => {
        if (next.pageSize !== params.size) navigate({ size: next.pageSize });
        else navigate({ page: next.pageIndex + 1 });
      },
    }),
    [navigate, params.page, params.size, total],
  );
  const table = useDataTable({
    data: NO_ROWS,
    columns,
    sorting,
    onSortingChange,
    getRowId: mirrorRowKey,
    sortedColumnsFirst: true,
    enableMultiSort: true,
    maxSortKeys: MAX_MIRROR_SORT_KEYS,
    pagination,
  });
  return (
    <div className="space-y-3">
      {summary}
      <DataTable table={table} testId="mirror-table" isPending={isPending} body={body} caption={t('caption')} />
      <DataTablePagination table={table} pageSizes={MIRROR_PAGE_SIZES} texts={pager} isPending={isPending} />
    </div>
  );
}
