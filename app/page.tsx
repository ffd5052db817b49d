import { Suspense } from 'react';
import { DataTableSkeleton } from '@/components/data-table/data-table-skeleton';
import { IgnoredParamsNotice } from '@/components/overview/ignored-params-notice';
import { PartnersTable, type PartnersTableData } from '@/components/overview/partners-table';
import { PartnersTableToolbar } from '@/components/overview/partners-table-toolbar';
import { SourceCredit } from '@/components/overview/source-credit';
import { TurnoverChart } from '@/components/overview/turnover-chart';
import { toTurnoverChartSeries } from '@/lib/charts/turnover-series';
import { FIRST_TRADE_YEAR, IMF_DOTS_SOURCE_ID, REPORTER_KAZ } from '@/lib/constants';
import { formatYear, formatYearRange } from '@/lib/format';
import {
  getAvailableYears,
  getPartnerTable,
  getSourceAttribution,
  getTopPartnersTurnoverSeries,
} from '@/lib/queries/overview';
import { parseOverviewSearchParams, serializeOverviewSearchParams, type RawSearchParams } from '@/lib/search-params/overview';

const TOP_PARTNERS = 6;

export default async function OverviewPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const raw = await searchParams;
  const reporter = REPORTER_KAZ;
  const sourceId = IMF_DOTS_SOURCE_ID;
  // Through the current year, so that newer data shows up without a code change.
  const toYear = new Date().getUTCFullYear();

  const [series, availableYears] = await Promise.all([
    getTopPartnersTurnoverSeries({ reporter, sourceId, top: TOP_PARTNERS, fromYear: FIRST_TRADE_YEAR, toYear }),
    getAvailableYears({ reporter, sourceId }),
  ]);
  // The year is checked against the years that have data, so it needs them first.
  const { params, ignored } = parseOverviewSearchParams(raw, { availableYears });

  // Not awaited: the table streams in behind its own Suspense boundary.
  const tableData: Promise<PartnersTableData> = getPartnerTable({
    reporter,
    sourceId,
    year: params.year,
    sort: params.sort,
    dir: params.dir,
    partners: params.partners,
  }).then(async (table) => ({
    table,
    sources: await getSourceAttribution(table.sourceIds.length > 0 ? table.sourceIds : [sourceId]),
  }));

  // With no points there are no "used" sources; credit the requested one so the caption still names it.
  const chartSources = await getSourceAttribution(series.sourceIds.length > 0 ? series.sourceIds : [sourceId]);
  const chart = toTurnoverChartSeries(series);
  const partnerCategories = chart.categories.filter((category) => !category.isTotal);
  const totalCategories = chart.categories.filter((category) => category.isTotal);
  const range = formatYearRange(series.fromYear, series.toYear);
  const partnerCount = series.partners.filter((partner) => !partner.isWorld).length;
  const tableYear = params.year ?? availableYears.at(-1);

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Kazakhstan’s foreign trade</h1>
        <p className="max-w-3xl text-sm text-muted-foreground">
          Trade in goods as reported by Kazakhstan: exports, imports and their sum (turnover), by partner and calendar year, in
          millions of US dollars at current prices.
        </p>
      </div>

      <IgnoredParamsNotice ignored={ignored} />

      <section aria-labelledby="turnover-heading" className="space-y-3">
        <h2 id="turnover-heading" className="text-lg font-semibold">
          Trade turnover with the top {partnerCount > 0 ? partnerCount : TOP_PARTNERS} partner countries
          {series.toYear !== null ? `, ${range}` : null}
        </h2>
        <figure className="space-y-4 rounded-lg border border-border bg-card p-4">
          {/* Two charts, not one: the world total is several times any partner and would flatten their lines. */}
          <div className="grid gap-6 lg:grid-cols-3">
            <div className="lg:col-span-2">
              <h3 className="mb-2 text-sm font-medium">Top partner countries</h3>
              <TurnoverChart data={chart.data} categories={partnerCategories} testId="turnover-chart" height={340} />
            </div>
            <div>
              <h3 className="mb-2 text-sm font-medium">Total with the world</h3>
              <TurnoverChart data={chart.data} categories={totalCategories} testId="world-turnover-chart" height={200} />
            </div>
          </div>
          <figcaption className="space-y-1 text-xs text-muted-foreground">
            {series.toYear !== null ? (
              <p>
                Turnover (exports + imports) in USD million, current prices; calendar years {range}; as reported by
                Kazakhstan. Partners are the {partnerCount} countries with the largest turnover in {formatYear(series.rankYear)};
                country groups such as the EU are not ranked. The two charts have different scales. Gaps mark years without a
                published value.
              </p>
            ) : (
              <p>No annual turnover figures from this source are in the database yet.</p>
            )}
            <p>
              <SourceCredit sources={chartSources} />
            </p>
          </figcaption>
        </figure>
      </section>

      <section aria-labelledby="partners-heading" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="partners-heading" className="text-lg font-semibold">
            Trade by partner{tableYear !== undefined ? `, ${formatYear(tableYear)}` : null}
          </h2>
          <PartnersTableToolbar params={params} availableYears={availableYears} />
        </div>
        {/* A new key per URL state shows the skeleton while the new rows load. */}
        <Suspense key={serializeOverviewSearchParams(params) || 'default'} fallback={<DataTableSkeleton columnCount={6} />}>
          <PartnersTable dataPromise={tableData} params={params} />
        </Suspense>
      </section>
    </div>
  );
}
