'use client';

import { useSelectedLayoutSegment } from 'next/navigation';
import type { ReactNode } from 'react';

/**
 * The site's header, main landmark and footer around every page but the embeds (/embed/...),
 * which other sites show in a frame: their own layout (app/embed/layout.tsx) has no header and no
 * footer. Chosen by the first segment under the root layout, which the root layout itself cannot
 * read; the alternative, a root layout per route group, would move every route's folder.
 */
export function SiteChrome({
  header,
  footer,
  children,
}: {
  header: ReactNode;
  footer: ReactNode;
  children: ReactNode;
}) {
  const segment = useSelectedLayoutSegment();
  if (segment === 'embed') return children;
  return (
    <>
      {header}
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {children}
      </main>
      {footer}
    </>
  );
}
