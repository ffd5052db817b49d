import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { SiteDocument } from '@/components/layout/site-document';
import { isLocale } from '@/lib/i18n/locales';
import '../globals.css';

/**
 * One document per language (proxy.ts maps /compare onto en, /ru/compare onto ru): a change of
 * language re-renders the whole page, header included, even on a client-side navigation.
 */
export default async function LocaleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  // Any other first segment reaches here only for an address the proxy leaves alone (a missing
  // file such as /robots2.txt): not a language.
  if (!isLocale((await params).locale)) notFound();
  return <SiteDocument>{children}</SiteDocument>;
}
