'use client';

// A client component so that the fallback renders in one piece: why, in components/data-table/data-table-skeleton.tsx.
import { HeadingSkeleton } from '@/components/layout/heading-skeleton';
import { DataTableSkeleton } from '@/components/data-table/data-table-skeleton';

/** Shaped like the overview: heading, chart card, table. */
export default function Loading() {
  return (
    <div className="space-y-8" role="status" aria-label="Loading">
      <HeadingSkeleton titleWidth="w-72" lineWidths={['w-[32rem]']} />
      <div className="space-y-3">
        <div className="h-5 w-96 max-w-full animate-pulse rounded bg-muted" />
        <div className="h-[26rem] animate-pulse rounded-lg border border-border bg-card" />
      </div>
      <div className="space-y-3">
        <div className="h-5 w-56 animate-pulse rounded bg-muted" />
        <DataTableSkeleton columnCount={6} />
      </div>
    </div>
  );
}
