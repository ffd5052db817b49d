'use client';

// A client component so that the fallback renders in one piece: why, in components/data-table/data-table-skeleton.tsx.
import { HeadingSkeleton } from '@/components/layout/heading-skeleton';

/** Shaped like the map page: heading, controls, the map's frame. */
export default function Loading() {
  return (
    <div className="space-y-5" role="status" aria-label="Loading the world map">
      <HeadingSkeleton titleWidth="w-96" lineWidths={['w-[40rem]', 'w-[32rem]']} />
      <div className="h-16 max-w-full animate-pulse rounded bg-muted/70" />
      <div className="aspect-[960/422] w-full animate-pulse rounded-lg bg-muted" />
    </div>
  );
}
