import { BarChart } from '@/components/charts/lazy-charts';
import { ChartFigure } from '@/components/charts/chart-figure';
import { ChartTable, VALUE_MARKS, type ChartTableRow } from '@/components/charts/chart-table';
import { CHART_OTHER_COLOR, CHART_TOTAL_COLOR, seriesColor } from '@/components/charts/chart-theme';
import { NewsFiguresTable } from '@/components/news/news-figures-table';
import { newsFigureAmount } from '@/components/news/news-figure-text';
import { EuViewToggle } from '@/components/overview/eu-view-toggle';
import { HeadlineFigures } from '@/components/overview/headline-figures';
import { QuestionLinks } from '@/components/overview/question-links';
import { IgnoredParamsNotice } from '@/components/overview/ignored-params-notice';
import { PartnersTable, type PartnersTableData } from '@/components/overview/partners-table';
import { PartnersTableToolbar } from '@/components/overview/partners-table-toolbar';
import { SourceCredit } from '@/components/overview/source-credit';
import { TurnoverChart } from '@/components/overview/turnover-chart';
import { peakShare, toCompositionChart } from '@/lib/charts/composition';
import {
  describeSourceBreak,
  OFFICIAL_SERIES_NOTE,
  sourceBreakLines,
  sourcesSentence,
} from '@/lib/charts/provenance-text';
import { findSourceBreaks } from '@/lib/charts/series-transforms';
import { toTurnoverChartSeries } from '@/lib/charts/turnover-series';
import { FIRST_TRADE_YEAR, REPORTER_KAZ, WORLD_PARTNER_CODE } from '@/lib/constants';
import { formatMillions, formatPercent, formatUsdMillions, formatYear, formatYearRange } from '@/lib/format';
import { getUsdPerEurRates } from '@/lib/queries/compare';
import { FDI_INDICATORS, getNewsFigures, TRADE_NEWS_INDICATORS } from '@/lib/queries/news-figures';
import {
  getAvailableYears,
  getPartnerTable,
  getSourceAttribution,
  getTopPartnersTurnoverSeries,
  getTurnoverComposition,
  getWorldHeadline,
  getYearToDate,
  OTHER_PARTNERS_KEY,
} from '@/lib/queries/overview';
import { parseOverviewSearchParams, type RawSearchParams } from '@/lib/search-params/overview';

const TOP_PARTNERS = 6;
const COMPOSITION_TOP = 6;
/** The composition starts here: 26 bars stay readable on a phone, and the question is "since 2000". */
const COMPOSITION_FROM = 2000;

export default async function OverviewPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const raw = await searchParams;
  const reporter = REPORTER_KAZ;
  // Through the current year, so that newer data shows up without a code change.
  const toYear = new Date().getUTCFullYear();

  const [series, availableYears, headline, yearToDate, news, rates] = await Promise.all([
    getTopPartnersTurnoverSeries({ reporter, top: TOP_PARTNERS, fromYear: FIRST_TRADE_YEAR, toYear }),
    getAvailableYears({ reporter }),
    getWorldHeadline({ reporter }),
    getYearToDate({ reporter }),
    getNewsFigures({ indicators: [...TRADE_NEWS_INDICATORS, ...FDI_INDICATORS], limit: 12 }),
    getUsdPerEurRates(),
  ]);
  // The year is checked against the years that have data, so it needs them first.
  const { params, ignored } = parseOverviewSearchParams(raw, { availableYears });

  const shownPartnerCodes = series.partners.filter((p) => !p.isWorld).map((p) => p.code);
  // The table is awaited with the rest rather than streamed behind its own Suspense boundary: its
  // query is cached (lib/cache.ts), so a boundary would only flash a skeleton; changing the sort
  // keeps the old rows until the new ones come.
  const [composition, markerFigures, tableData] = await Promise.all([
    getTurnoverComposition({ reporter, top: COMPOSITION_TOP, eu: params.eu, fromYear: COMPOSITION_FROM, toYear }),
    shownPartnerCodes.length > 0
      ? getNewsFigures({ partnerCodes: shownPartnerCodes, indicators: ['turnover'], limit: 100 })
      : Promise.resolve([]),
    getPartnerTable({
      reporter,
      year: params.year,
      sort: params.sort,
      dir: params.dir,
      partners: params.partners,
    }).then(async (table): Promise<PartnersTableData> => ({
      table,
      sources: await getSourceAttribution(table.sourceIds),
    })),
  ]);

  const [chartSources, compositionSources] = await Promise.all([
    getSourceAttribution(series.sourceIds),
    getSourceAttribution(composition.sourceIds),
  ]);

  // Turnover over time: partners and the world total on separate charts (the total is several times any partner).
  const chart = toTurnoverChartSeries(series);
  const partnerCategories = chart.categories.filter((category) => !category.isTotal);
  const totalCategories = chart.categories.filter((category) => category.isTotal);
  const range = formatYearRange(series.fromYear, series.toYear);
  const partnerCount = series.partners.filter((partner) => !partner.isWorld).length;
  const partnerPoints = series.points.filter((p) => p.partnerCode !== WORLD_PARTNER_CODE);
  const worldPoints = series.points.filter((p) => p.partnerCode === WORLD_PARTNER_CODE);
  const partnerBreaks = uniqueByYear(
    partnerCategories.flatMap((c) => findSourceBreaks(partnerPoints.filter((p) => p.partnerCode === c.key))),
  );
  const worldBreaks = findSourceBreaks(worldPoints);
  const shownCodes = new Set(partnerCategories.map((c) => c.key));
  // Full-year turnover figures from the news, in US dollars and from Kazakh statistics: the same
  // concept as the lines, so they can sit on them as markers. Others are listed, not drawn.
  const markers = markerFigures
    .filter(
      (f) =>
        f.indicatorCode === 'turnover' &&
        f.periodKind === 'YEAR' &&
        f.reporterCode === REPORTER_KAZ &&
        f.valueUsdMn !== null,
    )
    .filter((f) => shownCodes.has(f.partnerCode) && f.year !== null)
    .map((f) => ({
      key: f.id,
      x: f.year as number,
      y: f.valueUsdMn as number,
      label: `${f.partnerName} ${f.year}: ${newsFigureAmount(f)} (${f.sourcePublisher})`,
    }));
  const turnoverTable: ChartTableRow[] = chart.data.map((row) => ({
    key: String(row.year),
    header: String(row.year),
    cells: Object.fromEntries(
      chart.categories.map((c) => [c.key, row[c.key] != null ? { text: formatMillions(row[c.key]) } : undefined]),
    ),
  }));

  // Composition: shares by year, EU as a block or by members.
  const compositionChart = toCompositionChart(composition.parts, composition.points, OTHER_PARTNERS_KEY);
  const compositionTable: ChartTableRow[] = compositionChart.data.map((row, i) => ({
    key: String(row.year),
    header: String(row.year),
    cells: Object.fromEntries(
      compositionChart.categories.map((c) => {
        const share = row[c.key];
        const value = compositionChart.values[i]?.[c.key];
        return [
          c.key,
          typeof share === 'number' ? { text: `${formatPercent(share)} (${formatMillions(value)})` } : undefined,
        ];
      }),
    ),
  }));
  const euPeak = peakShare(compositionChart, 'AGG_EU');
  const compositionRange = formatYearRange(compositionChart.data[0]?.year, compositionChart.data.at(-1)?.year);
  let paletteIndex = 0;
  const compositionLegend = compositionChart.categories.map((c) => ({
    label: c.label,
    color: c.isOther ? CHART_OTHER_COLOR : seriesColor(paletteIndex++),
  }));

  const tableYear = params.year ?? availableYears.at(-1);
  const turnoverTitle = `Trade turnover with the top ${partnerCount > 0 ? partnerCount : TOP_PARTNERS} partner countries${series.toYear !== null ? `, ${range}` : ''}`;
  const compositionTitle = `Who Kazakhstan trades with: share of total turnover${compositionChart.data.length > 0 ? `, ${compositionRange}` : ''}`;

  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Kazakhstan’s foreign trade</h1>
        <p className="max-w-3xl text-sm text-muted-foreground">
          Trade in goods as reported by Kazakhstan: exports, imports, their sum (turnover) and the balance, with the
          world and by partner, in US dollars at current prices. Every figure names its unit, period and source.
        </p>
      </div>

      <QuestionLinks />

      <IgnoredParamsNotice ignored={ignored} />

      <section aria-labelledby="headline-heading" className="space-y-3">
        <h2 id="headline-heading" className="text-lg font-semibold">
          Trade with the world{headline.year !== null ? `, ${headline.year}` : ''}
        </h2>
        <HeadlineFigures headline={headline} yearToDate={yearToDate} />
      </section>

      <section aria-labelledby="turnover-heading" className="space-y-3">
        <h2 id="turnover-heading" className="text-lg font-semibold">
          Turnover over time
        </h2>
        <div className="grid gap-4 lg:grid-cols-3">
          <div className="lg:col-span-2">
            <ChartFigure
              id="turnover-figure"
              title={turnoverTitle}
              description={`One line per partner country, ranked by turnover in ${formatYear(series.rankYear)}; groups such as the EU are not ranked. Hollow dots are rounded figures quoted in the news.`}
              legend={partnerCategories.map((c, i) => ({ label: c.label, color: seriesColor(i) }))}
              exportFootnote={`USD million, current prices; calendar years ${range}. ${OFFICIAL_SERIES_NOTE} ${sourcesSentence(chartSources)}`}
              table={
                <ChartTable
                  caption={turnoverTitle}
                  rowHeaderLabel="Year"
                  columns={chart.categories.map((c) => ({ key: c.key, label: c.label, unit: 'USD million' }))}
                  rows={turnoverTable}
                  testId="turnover-table"
                />
              }
              footnote={
                <>
                  <p>
                    Turnover (exports + imports) in USD million, current prices; calendar years {range}; as reported by
                    Kazakhstan. Gaps mark years without a published value.
                  </p>
                  {partnerBreaks.length > 0 ? (
                    <p>Dotted line: {partnerBreaks.map(describeSourceBreak).join('; ')}.</p>
                  ) : null}
                  {markers.length > 0 ? (
                    <p>
                      News figures on the chart: {markers.map((m) => m.label).join('; ')}. Secondary and rounded; never
                      part of the lines.
                    </p>
                  ) : null}
                  <p>
                    <SourceCredit sources={chartSources} />
                  </p>
                </>
              }
            >
              <TurnoverChart
                data={chart.data}
                categories={partnerCategories}
                testId="turnover-chart"
                height={340}
                referenceLines={sourceBreakLines(partnerBreaks)}
                markers={markers}
                title={turnoverTitle}
              />
            </ChartFigure>
          </div>
          <ChartFigure
            id="world-figure"
            className="self-start"
            title={`Total with the world, ${range}`}
            description="Kazakhstan’s turnover with all partners. A different scale from the partner chart."
            legend={[{ label: 'World (total)', color: CHART_TOTAL_COLOR, dashed: true }]}
            exportFootnote={`USD million, current prices. ${OFFICIAL_SERIES_NOTE} ${sourcesSentence(chartSources)}`}
            footnote={
              <>
                <p>USD million. {worldBreaks.map(describeSourceBreak).join('; ')}.</p>
                <p>From 2020 derived: the sum of every partner row of the bureau’s by-country table.</p>
              </>
            }
            table={
              <ChartTable
                caption={`Kazakhstan’s turnover with the world, ${range}`}
                rowHeaderLabel="Year"
                columns={totalCategories.map((c) => ({ key: c.key, label: c.label, unit: 'USD million' }))}
                rows={turnoverTable.filter((row) => totalCategories.some((c) => row.cells[c.key]))}
                testId="world-turnover-table"
              />
            }
          >
            <TurnoverChart
              data={chart.data}
              categories={totalCategories}
              testId="world-turnover-chart"
              height={240}
              referenceLines={sourceBreakLines(worldBreaks)}
              title="Total with the world"
            />
          </ChartFigure>
        </div>
      </section>

      <section aria-labelledby="composition-heading" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="composition-heading" className="text-lg font-semibold">
            Composition by partner
          </h2>
          <EuViewToggle params={params} />
        </div>
        <ChartFigure
          id="composition-figure"
          testId="composition-figure"
          title={compositionTitle}
          description={
            <>
              Each bar is Kazakhstan’s turnover with the world in one year (100%): the {COMPOSITION_TOP} largest{' '}
              {params.eu === 'block' ? 'partners in ' : 'partner countries in '}
              {formatYear(composition.rankYear)}
              {params.eu === 'block'
                ? ', the EU counted once as a block (its members are not listed separately)'
                : ', EU members counted one by one (the EU block is not shown)'}
              , and all other partners.
              {params.eu === 'block' && euPeak
                ? ` The EU’s share peaked at ${formatPercent(euPeak.share)} in ${euPeak.year}.`
                : ''}
            </>
          }
          legend={compositionLegend}
          exportFootnote={`Share of Kazakhstan’s total turnover with the world, calendar years ${compositionRange}. ${OFFICIAL_SERIES_NOTE} ${sourcesSentence(compositionSources)}`}
          table={
            <ChartTable
              caption={compositionTitle}
              rowHeaderLabel="Year"
              columns={compositionChart.categories.map((c) => ({
                key: c.key,
                label: c.label,
                unit: '% (USD million)',
              }))}
              rows={compositionTable}
              marks={VALUE_MARKS}
              testId="composition-table"
            />
          }
          footnote={
            <>
              <p>
                Share of Kazakhstan’s total turnover with the world in each calendar year. “Other partners” is the world
                total minus the partners shown, so the parts add up to 100% and nothing is counted twice.
                {composition.incompleteYears.length > 0
                  ? ` In ${composition.incompleteYears.length === 1 ? 'one year' : `${composition.incompleteYears.length} years`} (${composition.incompleteYears[0]}${composition.incompleteYears.length > 1 ? `–${composition.incompleteYears.at(-1)}` : ''}) a ranked partner has no figure; its trade is then inside “other”.`
                  : ''}
              </p>
              <p>{OFFICIAL_SERIES_NOTE}</p>
              <p>
                <SourceCredit sources={compositionSources} />
              </p>
            </>
          }
        >
          <BarChart
            data={compositionChart.data}
            index="year"
            categories={compositionChart.categories}
            unitKind="share"
            stacked
            domain={[0, 1]}
            ticks={[0, 0.25, 0.5, 0.75, 1]}
            testId="composition-chart"
            height={340}
            title={compositionTitle}
          />
        </ChartFigure>
      </section>

      <section aria-labelledby="partners-heading" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="partners-heading" className="text-lg font-semibold">
            Top partners by turnover{tableYear !== undefined ? `, ${formatYear(tableYear)}` : null}
          </h2>
          <PartnersTableToolbar params={params} availableYears={availableYears} />
        </div>
        <PartnersTable data={tableData} params={params} />
      </section>

      <section aria-labelledby="news-heading" className="space-y-3">
        <h2 id="news-heading" className="text-lg font-semibold">
          Recent figures in the news and articles
        </h2>
        <p className="max-w-3xl text-sm text-muted-foreground">
          Figures quoted by officials and the press: secondary, often rounded, sometimes from the partner’s statistics
          or for part of a year. They annotate the official series and never replace it. Euro figures show a converted
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
    </div>
  );
}

function uniqueByYear<T extends { year: number }>(items: readonly T[]): T[] {
  const seen = new Map<number, T>();
  for (const item of items) if (!seen.has(item.year)) seen.set(item.year, item);
  return [...seen.values()].sort((a, b) => a.year - b.year);
}
