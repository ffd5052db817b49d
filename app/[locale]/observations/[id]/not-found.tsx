import Link from 'next/link';

export default function ObservationNotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-3 rounded-lg border border-border bg-card p-6">
      <h1 className="text-lg font-semibold">Observation not found</h1>
      <p className="text-sm text-muted-foreground">
        There is no observation with this id. Ids change when a database is rebuilt; find the figure again on the data
        screen.
      </p>
      <Link href="/data" className="text-sm font-medium text-accent underline underline-offset-4">
        Open the data screen
      </Link>
    </div>
  );
}
