import Link from 'next/link';
import { connection } from 'next/server';

export default async function NotFound() {
  // Rendered per request, not prerendered: the page's scripts need the request's CSP nonce
  // (proxy.ts), or the browser blocks them.
  await connection();
  return (
    <div className="mx-auto max-w-xl space-y-3 rounded-lg border border-border bg-card p-6">
      <h1 className="text-lg font-semibold">Page not found</h1>
      <p className="text-sm text-muted-foreground">There is no page at this address.</p>
      <Link href="/" className="text-sm font-medium text-accent underline underline-offset-4">
        Back to the overview
      </Link>
    </div>
  );
}
