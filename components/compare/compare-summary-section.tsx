import { DataTableExport } from '@/components/data-table/data-table-export';
import { sortCompareSummary, type CompareSeriesShape } from '@/lib/charts/compare-series';
import type { TradeYearRange } from '@/lib/queries/compare';
import { serializeCompare, type CompareSearchParams } from '@/lib/search-params/compare';
import { sortDirection } from '@/lib/search-params/sort';
import { CompareSummaryTable } from './compare-summary-table';
import { FLOW_LABELS, FLOW_SHORT_LABELS } from './compare-text';

interface CompareSummarySectionProps {
  params: CompareSearchParams;
  range: TradeYearRange;
  shape: CompareSeriesShape;
}

/** First and last year, change, growth and share per partner, with the downloads and the permalink. */
export function CompareSummarySection({ params, range, shape }: CompareSummarySectionProps) {
  const summary = sortCompareSummary(shape.summary, params.sort.id, sortDirection(params.sort));
  const query = serializeCompare(params, range);
  const permalink = `/compare${serializeCompare(params, range, { explicit: true })}`;
  const exportQuery = query ? `${query}&` : '?';
  return (
    <section id="compare-summary" aria-labelledby="summary-heading" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="summary-heading" className="text-lg font-semibold">
          {FLOW_LABELS[params.flow]}: first and last year, growth
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
            Permalink
          </a>
        </div>
      </div>
      <p className="max-w-3xl text-sm text-muted-foreground">
        Amounts in {params.currency} million{params.currency === 'EUR' ? ' (converted)' : ''}, from each partner’s first
        and last complete year with a figure in {params.from}–{params.to} (incomplete years of the series are skipped).
        Growth is the compound rate a year between the first and last positive values; share is of Kazakhstan’s total
        with the world in the last year. A comparison that spans a break in the series names it. Click a column to sort.
      </p>
      <CompareSummaryTable
        rows={summary}
        params={params}
        range={range}
        flowLabel={FLOW_SHORT_LABELS[params.flow]}
        caption={`${FLOW_LABELS[params.flow]} by partner, ${params.from}–${params.to}, ${params.currency} million: first and last year, change, growth and share`}
      />
    </section>
  );
}
