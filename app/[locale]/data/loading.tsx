'use client';

// A client component so that the fallback renders in one piece: why, in components/data-table/data-table-skeleton.tsx.
import { HeadingSkeleton } from '@/components/layout/heading-skeleton';
import { DataTableSkeleton } from '@/components/data-table/data-table-skeleton';

/** Shaped like the data screen: heading, filters, table, pager. */
export default function Loading() {
  return (
    <div className="space-y-5" role="status" aria-label="Loading the data screen">
      <HeadingSkeleton titleWidth="w-48" />
      <DataTableSkeleton columnCount={10} rowCount={14} filterCount={8} withPagination />
    </div>
  );
}
