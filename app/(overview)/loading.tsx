'use client';

// A client component on purpose: the server then sends this fallback as one client reference that
// renders in one piece. Drawn by the server, its markup is streamed in chunks, and a chunk that
// arrives after the page's content has replaced the fallback makes React's inline $RS script fail
// ("Cannot read properties of null (reading 'parentNode')"). See components/data-table/data-table-skeleton.tsx.
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
