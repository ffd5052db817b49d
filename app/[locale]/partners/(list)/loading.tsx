'use client';

// A client component so that the fallback renders in one piece: why, in components/data-table/data-table-skeleton.tsx.
import { HeadingSkeleton } from '@/components/layout/heading-skeleton';
import { DataTableSkeleton } from '@/components/data-table/data-table-skeleton';

/** Shaped like the partner list: heading, controls, table, pager. */
export default function Loading() {
  return (
    <div className="space-y-5" role="status" aria-label="Loading the partner list">
      <HeadingSkeleton titleWidth="w-48" />
      <DataTableSkeleton columnCount={12} rowCount={14} filterCount={4} withPagination />
    </div>
  );
}
