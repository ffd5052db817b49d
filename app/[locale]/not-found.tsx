import { connection } from 'next/server';
import { NotFoundView } from '@/components/layout/not-found-view';

// A page that calls notFound() without a not-found page of its own, inside its language's document.
export default async function NotFound() {
  // Rendered per request, not prerendered: the page's scripts need the request's CSP nonce
  // (proxy.ts), or the browser blocks them.
  await connection();
  return <NotFoundView />;
}
