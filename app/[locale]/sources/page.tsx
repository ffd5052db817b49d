import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { SourceList } from '@/components/sources/source-list';
import { languageMetadata } from '@/lib/i18n/paths';
import { getSources } from '@/lib/queries/sources';

export async function generateMetadata(): Promise<Metadata> {
  const [t, locale] = await Promise.all([getTranslations('Sources'), getLocale()]);
  return { title: t('title'), description: t('metaDescription'), ...languageMetadata(locale, '/sources') };
}

// Counts change with every import: render per request.
export const dynamic = 'force-dynamic';

export default async function SourcesPage() {
  const [sources, t] = await Promise.all([getSources(), getTranslations('Sources')]);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="max-w-3xl text-sm text-muted-foreground">{t('intro')}</p>
      </div>
      <SourceList sources={sources} />
    </div>
  );
}
