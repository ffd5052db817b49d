'use client';

import { useCallback, useMemo } from 'react';
import type { SortingState } from '@tanstack/react-table';
import { DataTable } from '@/components/data-table/data-table';
import { useDataTable } from '@/components/data-table/use-data-table';
import type { CompareSummaryRow } from '@/lib/charts/compare-series';
import { compareSortKeySchema, type CompareSearchParams } from '@/lib/search-params/compare';
import { compareSummaryColumns } from './compare-summary-columns';
import { useCompareNavigation } from './use-compare-navigation';

interface CompareSummaryTableProps {
  /** Already sorted by the server by params.sort / params.dir. */
  rows: CompareSummaryRow[];
  params: CompareSearchParams;
  range: { minYear: number; maxYear: number };
  flowLabel: string;
  caption: string;
}

const getRowId = (row: CompareSummaryRow) => row.code;
/** The partner code on each row: tests compare the order with the downloaded files. */
const rowData = (row: CompareSummaryRow) => ({ 'data-row-key': row.code });

/** One row per partner: first and last value, change, compound growth and share. Sorting is URL state. */
export function CompareSummaryTable({ rows, params, range, flowLabel, caption }: CompareSummaryTableProps) {
  const { navigate, isPending } = useCompareNavigation(params, range);
  const columns = useMemo(() => compareSummaryColumns(params.currency, flowLabel), [params.currency, flowLabel]);
  const sorting = useMemo<SortingState>(
    () => [{ id: params.sort, desc: params.dir === 'desc' }],
    [params.sort, params.dir],
  );
  const onSortingChange = useCallback(
    (next: SortingState) => {
      const first = next[0];
      const sort = compareSortKeySchema.safeParse(first?.id);
      if (!first || !sort.success) return;
      navigate({ sort: sort.data, dir: first.desc ? 'desc' : 'asc' });
    },
    [navigate],
  );
  const table = useDataTable({ data: rows, columns, sorting, onSortingChange, getRowId });
  return (
    <DataTable
      table={table}
      testId="compare-summary"
      isPending={isPending}
      caption={caption}
      emptyMessage="No partner selected."
      rowData={rowData}
    />
  );
}
