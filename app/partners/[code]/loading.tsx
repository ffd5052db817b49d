/** Shaped like a profile: heading, key figures, chart. */
export default function Loading() {
  return (
    <div className="space-y-8" role="status" aria-label="Loading">
      <div className="space-y-2">
        <div className="h-7 w-72 max-w-full animate-pulse rounded bg-muted" />
        <div className="h-4 w-48 animate-pulse rounded bg-muted/70" />
      </div>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className="h-20 animate-pulse rounded-lg border border-border bg-card" />
        ))}
      </div>
      <div className="h-96 animate-pulse rounded-lg border border-border bg-card" />
    </div>
  );
}
