import { DataTableSkeleton } from '@/components/data-table/data-table-skeleton';

/** Shaped like the scorecard: heading, controls, table, pager. */
export default function Loading() {
  return (
    <div className="space-y-5" role="status" aria-label="Loading the partner scorecard">
      <div className="space-y-2">
        <div className="h-7 w-48 animate-pulse rounded bg-muted" />
        <div className="h-4 w-[36rem] max-w-full animate-pulse rounded bg-muted/70" />
      </div>
      <DataTableSkeleton columnCount={12} rowCount={14} filterCount={4} withPagination />
    </div>
  );
}
