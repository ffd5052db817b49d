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
  return (
    <section aria-labelledby="news-heading" className="space-y-3">
      <h2 id="news-heading" className="text-lg font-semibold">
        Trade figures in the news
      </h2>
      <p className="max-w-3xl text-sm text-muted-foreground">
        Quoted by officials and the press: rounded, sometimes from {possessive(partnerName)} own statistics or for part
        of a year. Shown with their wording and source; never merged into the official series above.
      </p>
      <NewsFiguresTable
        figures={figures}
        rates={rates}
        caption={`Trade figures for ${partnerName} quoted in the news`}
        testId="partner-news"
        emptyMessage="No trade figure for this partner in the news pages and articles."
      />
    </section>
  );
}
