'use client';

// A client component on purpose: the server then sends this fallback as one client reference that
// renders in one piece. Drawn by the server, its markup is streamed in chunks, and a chunk that
// arrives after the page's content has replaced the fallback makes React's inline $RS script fail
// ("Cannot read properties of null (reading 'parentNode')"). See components/data-table/data-table-skeleton.tsx.
import { HeadingSkeleton } from '@/components/layout/heading-skeleton';

/** Shaped like the source list: heading, then cards. */
export default function Loading() {
  return (
    <div className="space-y-6" role="status" aria-label="Loading sources">
      <HeadingSkeleton titleWidth="w-32" />
      {Array.from({ length: 4 }, (_, index) => (
        <div key={index} className="h-36 animate-pulse rounded-lg border border-border bg-card" />
      ))}
    </div>
  );
}
