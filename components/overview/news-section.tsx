import { useLocale, useTranslations } from 'next-intl';
import { NewsFiguresTable } from '@/components/news/news-figures-table';
import { formatUsdMillions } from '@/lib/format';
import type { ExchangeRates } from '@/lib/queries/compare';
import type { NewsFigure } from '@/lib/queries/news-figures';
import type { WorldHeadline } from '@/lib/queries/overview';

interface NewsSectionProps {
  news: NewsFigure[];
  rates: ExchangeRates;
  headline: WorldHeadline;
}

export function NewsSection({ news, rates, headline }: NewsSectionProps) {
  const t = useTranslations('overview.news');
  const locale = useLocale();
  const world = headline.figures[0];
  return (
    <section aria-labelledby="news-heading" className="space-y-3">
      <h2 id="news-heading" className="text-lg font-semibold">
        {t('heading')}
      </h2>
      <p className="max-w-3xl text-sm text-muted-foreground">
        {t('intro')}
        {world
          ? ` ${t('scale', { year: String(headline.year), amount: formatUsdMillions(world.valueUsdMn, locale) })}`
          : ''}
      </p>
      <NewsFiguresTable figures={news} rates={rates.rates} caption={t('caption')} testId="news-figures" />
    </section>
  );
}
