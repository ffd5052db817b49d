import Link from 'next/link';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { NuqsAdapter } from 'nuqs/adapters/next/app';
import { Suspense, type ReactNode } from 'react';
import { LanguageSwitcher, LanguageSwitcherFallback } from '@/components/layout/language-switcher';
import { NavLink } from '@/components/layout/nav-link';
import { SiteChrome } from '@/components/layout/site-chrome';
import { ViewPendingRegion } from '@/components/layout/view-pending';
import { SiteSearch } from '@/components/layout/site-search';
import { clientMessages } from '@/lib/i18n/client-namespaces';
import type { Locale } from '@/lib/i18n/locales';
import { localizedHref } from '@/lib/i18n/paths';
import { DATA_LANDING } from '@/lib/search-params/landing';

const NAV = [
  { key: 'overview', href: '/' },
  { key: 'partners', href: '/partners' },
  { key: 'map', href: '/map' },
  { key: 'compare', href: '/compare' },
  { key: 'mirror', href: '/mirror' },
  { key: 'data', href: `/data${DATA_LANDING}` },
  { key: 'presence', href: '/presence' },
  { key: 'sources', href: '/sources' },
  { key: 'consistency', href: '/consistency' },
] as const;

/**
 * The document of every page in the request's language (next-intl's request configuration):
 * <html lang>, and around every page but the embeds the skip link, header with search, language
 * switcher and navigation, and footer. Used by app/[locale]/layout.tsx and by the 404 of unknown
 * addresses (app/not-found.tsx).
 */
export async function SiteDocument({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const messages = clientMessages(await getMessages());
  return (
    <html lang={locale}>
      {/* System font stack (Tailwind's font-sans): no web-font download, nothing fetched from third parties. */}
      <body className="flex min-h-screen flex-col font-sans antialiased">
        <NextIntlClientProvider messages={messages}>
          <SiteChrome header={<SiteHeader locale={locale} />} footer={<SiteFooter locale={locale} />}>
            {/* URL state (useQueryStates) in the screens' controls goes through Next's app router. */}
            <NuqsAdapter>
              <ViewPendingRegion>{children}</ViewPendingRegion>
            </NuqsAdapter>
          </SiteChrome>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

async function SiteHeader({ locale }: { locale: Locale }) {
  const t = await getTranslations('Layout');
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:rounded focus:bg-card focus:px-3 focus:py-2"
      >
        {t('skipToContent')}
      </a>
      <header className="border-b border-border bg-card">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
          <Link href={localizedHref(locale, '/')} className="text-lg font-semibold tracking-tight">
            {t('siteTitle')}
          </Link>
          <div className="flex w-full flex-wrap items-center gap-x-4 gap-y-2 sm:w-auto">
            <SiteSearch />
            {/* It reads the query (useSearchParams): a boundary of its own keeps the rest of the header static. */}
            <Suspense fallback={<LanguageSwitcherFallback />}>
              <LanguageSwitcher />
            </Suspense>
          </div>
          <nav aria-label={t('mainNav')} className="basis-full">
            <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {NAV.map((item) => (
                <li key={item.key}>
                  <NavLink href={localizedHref(locale, item.href)}>{t(`nav.${item.key}`)}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
    </>
  );
}

async function SiteFooter({ locale }: { locale: Locale }) {
  const t = await getTranslations('Layout');
  return (
    <footer className="border-t border-border bg-card">
      <div className="mx-auto max-w-6xl px-4 py-4 text-xs text-muted-foreground">
        <p>
          {t.rich('footer', {
            sources: (chunks) => (
              <Link
                href={localizedHref(locale, '/sources')}
                className="underline underline-offset-2 hover:text-foreground"
              >
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>
    </footer>
  );
}
