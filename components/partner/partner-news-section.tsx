import { useLocale, useTranslations } from 'next-intl';
import { NewsFiguresTable } from '@/components/news/news-figures-table';
import type { UsdPerEurRate } from '@/lib/charts/currency';
import { possessive } from '@/lib/format';
import type { NewsFigure } from '@/lib/queries/news-figures';

export function PartnerNewsSection({
  partnerName,
  figures,
  rates,
}: {
  partnerName: string;
  figures: NewsFigure[];
  rates: UsdPerEurRate[];
}) {
  const t = useTranslations('Profile.news');
  const locale = useLocale();
  return (
    <section aria-labelledby="news-heading" className="space-y-3">
      <h2 id="news-heading" className="text-lg font-semibold">
        {t('heading')}
      </h2>
      <p className="max-w-3xl text-sm text-muted-foreground">
        {/* "Germany’s own statistics"; in Russian and Kazakh the name stands in quotes. */}
        {t('intro', { owner: locale === 'en' ? possessive(partnerName) : partnerName })}
      </p>
      <NewsFiguresTable
        figures={figures}
        rates={rates}
        caption={t('caption', { partner: partnerName })}
        testId="partner-news"
        emptyMessage={t('empty')}
      />
    </section>
  );
}
