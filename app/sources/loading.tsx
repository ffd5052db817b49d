/** Shaped like the source list: heading, then cards. */
export default function Loading() {
  return (
    <div className="space-y-6" role="status" aria-label="Loading sources">
      <div className="space-y-2">
        <div className="h-7 w-32 animate-pulse rounded bg-muted" />
        <div className="h-4 w-[36rem] max-w-full animate-pulse rounded bg-muted/70" />
      </div>
      {Array.from({ length: 4 }, (_, index) => (
        <div key={index} className="h-36 animate-pulse rounded-lg border border-border bg-card" />
      ))}
    </div>
  );
}
