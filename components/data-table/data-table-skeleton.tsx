'use client';

// Placeholder with the table's shape, shown while its rows load, in Suspense fallbacks and
// loading.tsx. A client component although it has no state: a server component's markup reaches
// the HTML stream in chunks, and under load the page's content could complete before the
// fallback's last chunks. React then reveals the content, removing the fallback, and the inline
// script that fills the late chunk in ($RS) finds no placeholder and throws "Cannot read properties
// of null (reading 'parentNode')". As a client component the fallback is one element with small
// props, rendered in one piece.
import { useTranslations } from 'next-intl';

interface DataTableSkeletonProps {
  columnCount: number;
  rowCount?: number;
  /** Placeholders for the filter buttons above the table. */
  filterCount?: number;
  /** A pager line below the table. */
  withPagination?: boolean;
}

export function DataTableSkeleton({
  columnCount,
  rowCount = 12,
  filterCount = 0,
  withPagination = false,
}: DataTableSkeletonProps) {
  const t = useTranslations('partnerList.kit');
  const columns = Array.from({ length: columnCount }, (_, index) => index);
  return (
    <div role="status" aria-label={t('loadingTable')} className="space-y-3">
      {filterCount > 0 ? (
        <div className="flex flex-wrap gap-2">
          <div className="h-9 w-64 max-w-full animate-pulse rounded-md bg-muted" />
          {Array.from({ length: filterCount }, (_, index) => (
            <div key={index} className="h-9 w-24 animate-pulse rounded-md bg-muted/70" />
          ))}
        </div>
      ) : null}
      <div className="max-h-[36rem] overflow-hidden rounded-lg border border-border bg-card">
        <div className="flex gap-4 border-b border-border px-3 py-3">
          {columns.map((column) => (
            <div
              key={column}
              className={`h-4 animate-pulse rounded bg-muted ${column === 0 ? 'flex-[2]' : 'flex-1'}`}
            />
          ))}
        </div>
        {Array.from({ length: rowCount }, (_, row) => (
          <div key={row} className="flex gap-4 border-b border-border px-3 py-2.5 last:border-b-0">
            {columns.map((column) => (
              <div
                key={column}
                className={`h-3.5 animate-pulse rounded bg-muted/70 ${column === 0 ? 'flex-[2]' : 'flex-1'}`}
              />
            ))}
          </div>
        ))}
      </div>
      {withPagination ? (
        <div className="flex justify-between">
          <div className="h-5 w-48 animate-pulse rounded bg-muted/70" />
          <div className="h-8 w-64 animate-pulse rounded bg-muted/70" />
        </div>
      ) : null}
    </div>
  );
}
