'use client';

// A client component on purpose: the server then sends this fallback as one client reference that
// renders in one piece. Drawn by the server, its markup is streamed in chunks, and a chunk that
// arrives after the page's content has replaced the fallback makes React's inline $RS script fail
// ("Cannot read properties of null (reading 'parentNode')"). See components/data-table/data-table-skeleton.tsx.
import { HeadingSkeleton } from '@/components/layout/heading-skeleton';
import { DataTableSkeleton } from '@/components/data-table/data-table-skeleton';

/** Shaped like the scorecard: heading, controls, table, pager. */
export default function Loading() {
  return (
    <div className="space-y-5" role="status" aria-label="Loading the partner scorecard">
      <HeadingSkeleton titleWidth="w-48" />
      <DataTableSkeleton columnCount={12} rowCount={14} filterCount={4} withPagination />
    </div>
  );
}
