import type { ReactNode } from 'react';

/**
 * The embed routes: one chart each, for other sites' frames. No site header, navigation or
 * footer (components/layout/site-chrome.tsx leaves them out here): the chart card carries its
 * title, sources and a link to the full view. Only these routes may be framed (proxy.ts,
 * next.config.js); see docs/security.md.
 */
export default function EmbedLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="w-full flex-1 p-2 sm:p-3">
      {children}
    </main>
  );
}
