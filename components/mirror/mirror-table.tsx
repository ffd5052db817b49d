'use client';

import { useCallback, useMemo } from 'react';
import type { PaginationState, SortingState } from '@tanstack/react-table';
import { useLocale, useTranslations } from 'next-intl';
import { DataTable } from '@/components/data-table/data-table';
import { DataTablePagination } from '@/components/data-table/data-table-pagination';
import { pagerTexts } from '@/components/data-table/pager-texts';
import { useDataTable } from '@/components/data-table/use-data-table';
import { useUrlState } from '@/components/layout/use-url-state';
import { formatNumber } from '@/lib/format';
import type { MirrorGapRow, MirrorGaps } from '@/lib/queries/mirror';
import {
  MAX_MIRROR_SORT_KEYS,
  MIRROR_PAGE_SIZES,
  MIRROR_SORT_KEYS,
  mirrorParsers,
  type MirrorParams,
  type MirrorSortKey,
} from '@/lib/search-params/mirror';
import { mirrorColumns } from './mirror-table-columns';

const getRowId = (row: MirrorGapRow) => `${row.partnerCode}|${row.year}`;
const rowData = (row: MirrorGapRow) => ({ 'data-row-key': getRowId(row) });
const isSortKey = (id: string): id is MirrorSortKey => (MIRROR_SORT_KEYS as readonly string[]).includes(id);

export function MirrorTable({ gaps, params }: { gaps: MirrorGaps; params: MirrorParams }) {
  const { navigate, isPending } = useUrlState(mirrorParsers, params, { pageKey: 'page' });
  const t = useTranslations('MirrorScreen');
  const tKit = useTranslations('partnerList.kit');
  const locale = useLocale();
  const columns = useMemo(() => mirrorColumns(params.flow, t, locale), [params.flow, t, locale]);
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
      rowCount: gaps.total,
      onChange: (next: PaginationState) => {
        if (next.pageSize !== params.size) navigate({ size: next.pageSize });
        else navigate({ page: next.pageIndex + 1 });
      },
    }),
    [navigate, params.page, params.size, gaps.total],
  );
  const table = useDataTable({
    data: gaps.rows,
    columns,
    sorting,
    onSortingChange,
    getRowId,
    enableMultiSort: true,
    maxSortKeys: MAX_MIRROR_SORT_KEYS,
    pagination,
  });
  return (
    <div className="space-y-3">
      <p className="text-sm text-muted-foreground" data-testid="mirror-summary">
        {t.rich('summary', {
          total: formatNumber(gaps.total, 0, locale),
          count: gaps.total,
          num: (chunks) => <span className="font-medium text-foreground">{chunks}</span>,
        })}
      </p>
      <DataTable
        table={table}
        testId="mirror-table"
        isPending={isPending}
        rowData={rowData}
        caption={t('caption')}
        emptyMessage={gaps.total > 0 ? t('pastLast') : t('noMatch')}
      />
      <DataTablePagination
        table={table}
        pageSizes={MIRROR_PAGE_SIZES}
        texts={pagerTexts(tKit, locale, {
          page: params.page,
          size: params.size,
          total: gaps.total,
          rows: t('rows', { count: gaps.total }),
        })}
        isPending={isPending}
      />
    </div>
  );
}
