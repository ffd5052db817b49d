// Placeholder with the table's shape, shown while its rows load. No client code: it renders in
// Suspense fallbacks and loading.tsx on the server.

interface DataTableSkeletonProps {
  columnCount: number;
  rowCount?: number;
}

export function DataTableSkeleton({ columnCount, rowCount = 12 }: DataTableSkeletonProps) {
  const columns = Array.from({ length: columnCount }, (_, index) => index);
  return (
    <div role="status" aria-label="Loading table" className="max-h-[36rem] overflow-hidden rounded-lg border border-border bg-card">
      <div className="flex gap-4 border-b border-border px-3 py-3">
        {columns.map((column) => (
          <div key={column} className={`h-4 animate-pulse rounded bg-muted ${column === 0 ? 'flex-[2]' : 'flex-1'}`} />
        ))}
      </div>
      {Array.from({ length: rowCount }, (_, row) => (
        <div key={row} className="flex gap-4 border-b border-border px-3 py-2.5 last:border-b-0">
          {columns.map((column) => (
            <div key={column} className={`h-3.5 animate-pulse rounded bg-muted/70 ${column === 0 ? 'flex-[2]' : 'flex-1'}`} />
          ))}
        </div>
      ))}
    </div>
  );
}
