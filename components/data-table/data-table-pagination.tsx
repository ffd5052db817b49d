'use client';

import type { ReactTable, RowData } from '@tanstack/react-table';
import { useTranslations } from 'next-intl';
import type { DataTableFeatures } from './data-table-features';
import type { PagerTexts } from './pager-texts';

interface DataTablePaginationProps<TData extends RowData> {
  table: ReactTable<DataTableFeatures, TData>;
  /** Choices for rows per page; the server caps them. */
  pageSizes: readonly number[];
  /** The rows shown and the page, as text (pagerTexts): formatted where the page's numbers are known. */
  texts: PagerTexts;
  isPending?: boolean;
}

function PageButton({
  label,
  onClick,
  disabled,
  children,
}: {
  label: string;
  onClick: () => void;
  disabled: boolean;
  children: string;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      className="inline-flex h-8 min-w-8 items-center justify-center rounded-md border border-border bg-card px-2 text-sm hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:cursor-not-allowed disabled:opacity-40"
    >
      <span aria-hidden="true">{children}</span>
      <span className="sr-only">{label}</span>
    </button>
  );
}

/**
 * Rows shown, page size and page navigation for a server-paginated table. Page state is read
 * from the table, which reads it from the URL; each button only requests a new page.
 */
export function DataTablePagination<TData extends RowData>({
  table,
  pageSizes,
  texts,
  isPending = false,
}: DataTablePaginationProps<TData>) {
  const t = useTranslations('partnerList.kit');
  const { pageIndex, pageSize } = table.atoms.pagination.get();
  const pageCount = Math.max(1, table.getPageCount());

  return (
    <nav
      aria-label={t('pagination')}
      aria-busy={isPending}
      className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2 text-sm"
      data-testid="pagination"
    >
      <p className="text-muted-foreground" aria-live="polite" data-testid="pagination-summary">
        {texts.summary}
      </p>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <label className="flex items-center gap-2">
          <span>{t('rowsPerPage')}</span>
          {/* Uncontrolled, keyed by the URL's value: the choice stays visible while the new page loads. */}
          <select
            key={pageSize}
            className="h-8 rounded-md border border-border bg-card px-2"
            defaultValue={pageSize}
            onChange={(event) => table.setPagination({ pageIndex: 0, pageSize: Number(event.target.value) })}
          >
            {pageSizes.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <span className="tabular-nums" data-testid="pagination-page">
          {texts.page}
        </span>
        <div className="flex items-center gap-1">
          <PageButton label={t('first')} onClick={() => table.firstPage()} disabled={pageIndex === 0}>
            «
          </PageButton>
          <PageButton label={t('previous')} onClick={() => table.previousPage()} disabled={pageIndex === 0}>
            ‹
          </PageButton>
          <PageButton label={t('next')} onClick={() => table.nextPage()} disabled={pageIndex + 1 >= pageCount}>
            ›
          </PageButton>
          <PageButton label={t('last')} onClick={() => table.lastPage()} disabled={pageIndex + 1 >= pageCount}>
            »
          </PageButton>
        </div>
      </div>
    </nav>
  );
}
