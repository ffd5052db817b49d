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
  return (
    <section aria-labelledby="news-heading" className="space-y-3">
      <h2 id="news-heading" className="text-lg font-semibold">
        Recent figures in the news and articles
      </h2>
      <p className="max-w-3xl text-sm text-muted-foreground">
        Figures quoted by officials and the press: secondary, often rounded, sometimes from the partner’s statistics or
        for part of a year. They annotate the official series and never replace it. Euro figures show a converted
        US-dollar value for orientation.
        {headline.figures[0]
          ? ` For scale: official turnover with the world in ${headline.year} was ${formatUsdMillions(headline.figures[0].valueUsdMn)}.`
          : ''}
      </p>
      <NewsFiguresTable
        figures={news}
        rates={rates.rates}
        caption="Recent trade and investment figures quoted in the news and articles"
        testId="news-figures"
      />
    </section>
  );
}
