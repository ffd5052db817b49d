import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { CheckSection } from '@/components/consistency/check-section';
import { ConsistencySummary } from '@/components/consistency/consistency-summary';
import { getConsistencyReport } from '@/lib/consistency/checks';
import { renderReport } from '@/lib/consistency/render';
import { languageMetadata } from '@/lib/i18n/paths';
import type { RawSearchParams } from '@/lib/search-params/shared';
import { parseConsistencySearchParams } from '@/lib/search-params/consistency';

export async function generateMetadata(): Promise<Metadata> {
  const [t, locale] = await Promise.all([getTranslations('Consistency'), getLocale()]);
  return { title: t('title'), description: t('description'), ...languageMetadata(locale, '/consistency') };
}

export default async function ConsistencyPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  // Rendered per request: the checks must run against the data as it is now, never a build-time copy.
  await connection();
  const { showAllItems } = parseConsistencySearchParams(await searchParams);
  const [raw, t, items, locale] = await Promise.all([
    getConsistencyReport(),
    getTranslations('Consistency'),
    getTranslations('ConsistencyItems'),
    getLocale(),
  ]);
  // The cached report holds keys and values; its words are said here, in the page's language.
  const report = renderReport(raw, { locale, t: items, has: (key) => items.has(key) });

  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">{t('heading')}</h1>
        <p className="max-w-3xl text-sm text-muted-foreground">{t('intro')}</p>
      </div>
      <ConsistencySummary report={report} />
      {report.checks.map((check) => (
        <CheckSection key={check.id} check={check} showAllItems={showAllItems} />
      ))}
    </div>
  );
}
