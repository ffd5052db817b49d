'use client';

import { use, useCallback, useMemo } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import type { ColumnVisibilityState, PaginationState, SortingState } from '@tanstack/react-table';
import { DataTable } from '@/components/data-table/data-table';
import { DataTableExport } from '@/components/data-table/data-table-export';
import { DataTablePagination } from '@/components/data-table/data-table-pagination';
import { pagerTexts } from '@/components/data-table/pager-texts';
import { DataTableViewOptions } from '@/components/data-table/data-table-view-options';
import { useDataTable } from '@/components/data-table/use-data-table';
import { useUrlState } from '@/components/layout/use-url-state';
import { formatNumber } from '@/lib/format';
import type { LocalizedObservation } from '@/lib/i18n/observation-names';
import { localizedHref } from '@/lib/i18n/paths';
import type { DataPage } from '@/lib/loaders/data';
import { ESTIMATE_MARK, QUALIFIER_DISPLAY } from '@/lib/qualifiers';
import {
  DATA_COLUMNS,
  dataParsers,
  observationsExportHref,
  serializeData,
  type DataColumnId,
  type DataState,
} from '@/lib/search-params/data';
import {
  MAX_SORT_KEYS,
  OBSERVATION_SORT_KEYS,
  PAGE_QUERY_BUDGET_MS,
  PAGE_SIZES,
  type ObservationSort,
  type ObservationSortKey,
} from '@/lib/validations/observation-parameters';
import { qualifierText } from '@/lib/i18n/observation-display';
import { observationRowKey, observationsTableColumns } from './observations-table-columns';

interface ObservationsTableProps {
  /** Started by the page and not awaited there, so the filters render first. */
  dataPromise: Promise<DataPage>;
  state: DataState;
}

const getRowId = (row: LocalizedObservation) => row.id;
const rowData = (row: LocalizedObservation) => ({ 'data-row-key': observationRowKey(row), 'data-value': row.value });
const isSortKey = (id: string): id is ObservationSortKey => (OBSERVATION_SORT_KEYS as readonly string[]).includes(id);

const LEGEND_QUALIFIERS = [
  'ABOUT',
  'MORE_THAN',
  'AT_LEAST',
  'NEARLY',
] as const satisfies readonly (keyof typeof QUALIFIER_DISPLAY)[];

export function ObservationsTable({ dataPromise, state }: ObservationsTableProps) {
  const page = use(dataPromise);
  const t = useTranslations('Data');
  const tKit = useTranslations('partnerList.kit');
  const tTable = useTranslations('DataTable');
  const locale = useLocale();
  const { query } = state;
  const columns = useMemo(() => observationsTableColumns({ t, locale }), [t, locale]);
  const base = useMemo(() => ({ ...query, cols: [...state.columns] }), [query, state.columns]);
  const { navigate, isPending } = useUrlState(dataParsers, base, { pageKey: 'page' });

  const sorting = useMemo<SortingState>(
    () => (query.sort ?? []).map((s) => ({ id: s.id, desc: s.desc })),
    [query.sort],
  );
  const onSortingChange = useCallback(
    (next: SortingState) => {
      // Only allow-listed column ids become URL state; anything else is a bug in the column defs.
      const sort: ObservationSort[] = next
        .filter((s) => isSortKey(s.id))
        .map((s) => ({ id: s.id as ObservationSortKey, desc: s.desc }));
      navigate({ sort: sort.length > 0 ? sort : null });
    },
    [navigate],
  );

  const pagination = useMemo(
    () => ({
      state: { pageIndex: page.page - 1, pageSize: page.size },
      rowCount: page.total,
      onChange: (next: PaginationState) => {
        if (next.pageSize !== page.size) navigate({ size: next.pageSize });
        else navigate({ page: next.pageIndex + 1 });
      },
    }),
    [navigate, page.page, page.size, page.total],
  );

  const columnVisibility = useMemo(
    () => ({
      state: Object.fromEntries(DATA_COLUMNS.map((id) => [id, state.columns.includes(id)])) as ColumnVisibilityState,
      // Showing a column changes no row: the page stays, and no history entry per checkbox.
      onChange: (next: ColumnVisibilityState) =>
        navigate(
          { cols: DATA_COLUMNS.filter((id: DataColumnId) => next[id] !== false) },
          { keepPage: true, history: 'replace' },
        ),
    }),
    [navigate, state.columns],
  );

  const table = useDataTable({
    data: page.rows,
    columns,
    sorting,
    onSortingChange,
    getRowId,
    enableMultiSort: true,
    maxSortKeys: MAX_SORT_KEYS,
    pagination,
    columnVisibility,
  });

  const hrefs = {
    csv: observationsExportHref(query, 'csv'),
    xlsx: observationsExportHref(query, 'xlsx'),
    json: observationsExportHref(query, 'json'),
  };
  const beyondLastPage = page.rows.length === 0 && page.total > 0;
  if (page.overBudget) {
    return (
      <div className="space-y-3" data-testid="data-over-budget">
        <div role="status" className="max-w-3xl rounded-md border border-border bg-card p-4 text-sm">
          <p className="font-medium">{t('overBudget.title')}</p>
          <p className="mt-1 text-muted-foreground">
            {t('overBudget.body', { seconds: formatNumber(PAGE_QUERY_BUDGET_MS / 1000, 1, locale) })}
          </p>
          <p className="mt-2">
            <a
              className="underline underline-offset-2"
              href={localizedHref(locale, `/data${serializeData({ ...query, sort: null, page: null })}`)}
            >
              {t('overBudget.defaultOrder')}
            </a>
          </p>
        </div>
        <DataTableExport hrefs={hrefs} />
      </div>
    );
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground" data-testid="data-summary">
          {t.rich('summary', {
            num: (chunks) => <span className="font-medium text-foreground">{chunks}</span>,
            n: formatNumber(page.total, 0, locale),
            count: page.total,
          })}
          {(query.sort ?? []).length > 1 ? t('multiSort') : null}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <DataTableViewOptions table={table} />
          <DataTableExport hrefs={hrefs} rowsLabel={tTable('allNRows', { count: page.total })} />
        </div>
      </div>
      <DataTable
        table={table}
        testId="observations-table"
        isPending={isPending}
        rowData={rowData}
        caption={t('caption')}
        emptyMessage={beyondLastPage ? t('pastLast') : t('noMatch')}
      />
      <DataTablePagination
        table={table}
        pageSizes={PAGE_SIZES}
        texts={pagerTexts(tKit, locale, {
          page: page.page,
          size: page.size,
          total: page.total,
          rows: t('rows', { count: page.total }),
        })}
        isPending={isPending}
      />
      <p className="text-xs text-muted-foreground">
        {t('legend', {
          marks: LEGEND_QUALIFIERS.map((q) => {
            const { symbol, short } = qualifierText(q, t);
            return `${symbol} ${short}`;
          }).join(' · '),
          estimateMark: ESTIMATE_MARK,
        })}
      </p>
    </div>
  );
}
