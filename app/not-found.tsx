import { connection } from 'next/server';
import { NotFoundView } from '@/components/layout/not-found-view';
import { SiteDocument } from '@/components/layout/site-document';
import './globals.css';

/**
 * Any address no route matches (/no-such-page, rendered by the proxy as /en/no-such-page). It sits
 * above app/[locale], so it brings the whole document itself, in the request's language.
 */
export default async function RootNotFound() {
  // Per request, not prerendered: the page's scripts need the request's CSP nonce (proxy.ts).
  await connection();
  return (
    <SiteDocument>
      <NotFoundView />
    </SiteDocument>
  );
}
