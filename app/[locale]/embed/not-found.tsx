import { connection } from 'next/server';

export default async function EmbedNotFound() {
  // Rendered per request, not prerendered: the page's scripts need the request's CSP nonce.
  await connection();
  return (
    <div className="space-y-2 rounded-lg border border-border bg-card p-4">
      <h1 className="text-lg font-semibold">No such chart</h1>
      <p className="text-sm text-muted-foreground">
        This embed names a chart or partner the dashboard does not have. The address may be mistyped.
      </p>
      {/* A new tab: the dashboard's own pages refuse to be shown in a frame. */}
      <a
        href="/"
        target="_blank"
        rel="noopener"
        className="text-sm font-medium text-accent underline underline-offset-4"
      >
        Open the Kazakhstan Trade Dashboard<span className="sr-only"> (opens in a new tab)</span>
      </a>
    </div>
  );
}
