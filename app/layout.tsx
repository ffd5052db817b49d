import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

// The site's title and description in the request's language, for every page and both 404s.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Layout');
  return {
    title: { default: t('siteTitle'), template: `%s · ${t('siteTitle')}` },
    description: t('description'),
    icons: { icon: '/favicon.svg' },
  };
}

// The document (<html lang>, header, footer) is components/layout/site-document.tsx, rendered by
// app/[locale]/layout.tsx in each language and by app/not-found.tsx for unknown addresses: this
// pass-through root lets both bring their own <html> (next-intl App Router setup).
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
