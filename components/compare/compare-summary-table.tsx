'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useMemo } from 'react';
import { useUrlState } from '@/components/layout/use-url-state';
import type { SortingState } from '@tanstack/react-table';
import { DataTable } from '@/components/data-table/data-table';
import { useDataTable } from '@/components/data-table/use-data-table';
import type { CompareSummaryRow } from '@/lib/charts/compare-series';
import { COMPARE_SORT_KEYS, compareParsers, type CompareSearchParams } from '@/lib/search-params/compare';
import { compareSummaryColumns } from './compare-summary-columns';

interface CompareSummaryTableProps {
  /** Already sorted by the server by params.sort. */
  rows: CompareSummaryRow[];
  params: CompareSearchParams;
  range: { minYear: number; maxYear: number };
  flowLabel: string;
  caption: string;
}

const getRowId = (row: CompareSummaryRow) => row.code;
const isSortKey = (id: string) => COMPARE_SORT_KEYS.find((key) => key === id);
/** The partner code on each row: tests compare the order with the downloaded files. */
const rowData = (row: CompareSummaryRow) => ({ 'data-row-key': row.code });

/** One row per partner: first and last value, change, compound growth and share. Sorting is URL state. */
export function CompareSummaryTable({ rows, params, range, flowLabel, caption }: CompareSummaryTableProps) {
  const { minYear, maxYear } = range;
  const parsers = useMemo(() => compareParsers({ minYear, maxYear }), [minYear, maxYear]);
  const { navigate, isPending } = useUrlState(parsers, params);
  const t = useTranslations('Compare');
  const locale = useLocale();
  const columns = useMemo(
    () => compareSummaryColumns(params.currency, flowLabel, t, locale),
    [params.currency, flowLabel, t, locale],
  );
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
  const table = useDataTable({ data: rows, columns, sorting, onSortingChange, getRowId });
  return (
    <DataTable
      table={table}
      testId="compare-summary"
      isPending={isPending}
      caption={caption}
      emptyMessage={t('summary.empty')}
      rowData={rowData}
    />
  );
}
