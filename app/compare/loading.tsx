'use client';

// A client component so that the fallback renders in one piece: why, in components/data-table/data-table-skeleton.tsx.
import { HeadingSkeleton } from '@/components/layout/heading-skeleton';
import { DataTableSkeleton } from '@/components/data-table/data-table-skeleton';

/** Shaped like the compare view: heading, controls, chart card, summary table. */
export default function Loading() {
  return (
    <div className="space-y-8" role="status" aria-label="Loading">
      <HeadingSkeleton titleWidth="w-64" lineWidths={['w-[32rem]']} />
      <div className="h-56 animate-pulse rounded-lg border border-border bg-card" />
      <div className="h-[30rem] animate-pulse rounded-lg border border-border bg-card" />
      <DataTableSkeleton columnCount={6} rowCount={4} />
    </div>
  );
}
