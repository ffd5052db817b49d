import { useLocale, useTranslations } from 'next-intl';
import { DataTableExport } from '@/components/data-table/data-table-export';
import { sortCompareSummary, type CompareSeriesShape } from '@/lib/charts/compare-series';
import type { TradeYearRange } from '@/lib/queries/compare';
import { serializeCompare, type CompareSearchParams } from '@/lib/search-params/compare';
import { sortDirection } from '@/lib/search-params/sort';
import { CompareSummaryTable } from './compare-summary-table';
import { localizedHref } from '@/lib/i18n/paths';

interface CompareSummarySectionProps {
  params: CompareSearchParams;
  range: TradeYearRange;
  shape: CompareSeriesShape;
}

/** First and last year, change, growth and share per partner, with the downloads and the permalink. */
export function CompareSummarySection({ params, range, shape }: CompareSummarySectionProps) {
  const t = useTranslations('Compare');
  const locale = useLocale();
  const summary = sortCompareSummary(shape.summary, params.sort.id, sortDirection(params.sort));
  const query = serializeCompare(params, range);
  const permalink = localizedHref(locale, `/compare${serializeCompare(params, range, { explicit: true })}`);
  const exportQuery = query ? `${query}&` : '?';
  return (
    <section id="compare-summary" aria-labelledby="summary-heading" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="summary-heading" className="text-lg font-semibold">
          {t('summary.heading', { flow: t(`flow.${params.flow}`) })}
        </h2>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <DataTableExport
            hrefs={{
              csv: `/api/export/compare${exportQuery}format=csv`,
              xlsx: `/api/export/compare${exportQuery}format=xlsx`,
              json: `/api/export/compare${exportQuery}format=json`,
            }}
          />
          <a
            className="inline-flex h-9 items-center rounded-md border border-border px-3 font-medium hover:bg-muted"
            href={permalink}
            data-testid="permalink"
          >
            {t('summary.permalink')}
          </a>
        </div>
      </div>
      <p className="max-w-3xl text-sm text-muted-foreground">
        {t('summary.intro', { currency: params.currency, range: `${params.from}–${params.to}` })}
      </p>
      <CompareSummaryTable
        rows={summary}
        params={params}
        range={range}
        flowLabel={t(`flowShort.${params.flow}`)}
        caption={t('summary.caption', {
          flow: t(`flow.${params.flow}`),
          range: `${params.from}–${params.to}`,
          currency: params.currency,
        })}
      />
    </section>
  );
}
