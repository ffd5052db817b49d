import { DataTableSkeleton } from '@/components/data-table/data-table-skeleton';

/** Shaped like the compare view: heading, controls, chart card, summary table. */
export default function Loading() {
  return (
    <div className="space-y-8" role="status" aria-label="Loading">
      <div className="space-y-2">
        <div className="h-7 w-64 max-w-full animate-pulse rounded bg-muted" />
        <div className="h-4 w-[32rem] max-w-full animate-pulse rounded bg-muted/70" />
      </div>
      <div className="h-56 animate-pulse rounded-lg border border-border bg-card" />
      <div className="h-[30rem] animate-pulse rounded-lg border border-border bg-card" />
      <DataTableSkeleton columnCount={6} rowCount={4} />
    </div>
  );
}
