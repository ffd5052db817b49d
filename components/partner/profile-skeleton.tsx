'use client';

// The profile's Suspense fallback. A client component so that it renders in one piece: see
// components/data-table/data-table-skeleton.tsx for why a fallback streamed in chunks breaks.

export function ProfileSkeleton({ name }: { name: string }) {
  return (
    <div className="space-y-8" role="status" aria-label={`Loading the profile of ${name}`}>
      <h1 className="text-2xl font-semibold tracking-tight">{name}</h1>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className="h-20 animate-pulse rounded-lg border border-border bg-card" />
        ))}
      </div>
      <div className="h-96 animate-pulse rounded-lg border border-border bg-card" />
    </div>
  );
}
