import type { Metadata } from 'next';
import Link from 'next/link';
import { NuqsAdapter } from 'nuqs/adapters/next/app';
import type { ReactNode } from 'react';
import { NavLink } from '@/components/layout/nav-link';
import { SiteChrome } from '@/components/layout/site-chrome';
import { ViewPendingRegion } from '@/components/layout/view-pending';
import { SiteSearch } from '@/components/layout/site-search';
import { DATA_LANDING } from '@/lib/search-params/landing';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Kazakhstan Trade Dashboard', template: '%s · Kazakhstan Trade Dashboard' },
  description: "Kazakhstan's foreign trade by partner and year, from official statistics, with sources.",
  icons: { icon: '/favicon.svg' },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      {/* System font stack (Tailwind's font-sans): no web-font download, nothing fetched from third parties. */}
      <body className="flex min-h-screen flex-col font-sans antialiased">
        <SiteChrome header={<SiteHeader />} footer={<SiteFooter />}>
          {/* URL state (useQueryStates) in the screens' controls goes through Next's app router. */}
          <NuqsAdapter>
            <ViewPendingRegion>{children}</ViewPendingRegion>
          </NuqsAdapter>
        </SiteChrome>
      </body>
    </html>
  );
}

function SiteHeader() {
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:rounded focus:bg-card focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-border bg-card">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="text-lg font-semibold tracking-tight">
            Kazakhstan Trade Dashboard
          </Link>
          <SiteSearch />
          <nav aria-label="Main" className="basis-full">
            <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
              <li>
                <NavLink href="/">Overview</NavLink>
              </li>
              <li>
                <NavLink href="/partners">Partners</NavLink>
              </li>
              <li>
                <NavLink href="/map">Map</NavLink>
              </li>
              <li>
                <NavLink href="/compare">Compare</NavLink>
              </li>
              <li>
                <NavLink href="/mirror">Disagreements</NavLink>
              </li>
              <li>
                <NavLink href={`/data${DATA_LANDING}`}>Data</NavLink>
              </li>
              <li>
                <NavLink href="/presence">Presence</NavLink>
              </li>
              <li>
                <NavLink href="/sources">Sources</NavLink>
              </li>
              <li>
                <NavLink href="/consistency">Consistency</NavLink>
              </li>
            </ul>
          </nav>
        </div>
      </header>
    </>
  );
}

function SiteFooter() {
  return (
    <footer className="border-t border-border bg-card">
      <div className="mx-auto max-w-6xl px-4 py-4 text-xs text-muted-foreground">
        <p>
          Data: IMF Direction of Trade Statistics, Kazakhstan’s Bureau of National Statistics, DESTA, the European
          Central Bank and the news pages quoted; see{' '}
          <Link href="/sources" className="underline underline-offset-2 hover:text-foreground">
            Sources
          </Link>{' '}
          for how to credit each. Every chart and table names its own source, unit and period.
        </p>
      </div>
    </footer>
  );
}
