import { ChartFigure } from '@/components/charts/chart-figure';
import { ChartTable, type ChartTableRow } from '@/components/charts/chart-table';
import { newsFigureAmount } from '@/components/news/news-figure-text';
import { chartFileName, yearSpan } from '@/lib/charts/chart-download';
import { overviewEmbed } from '@/lib/charts/chart-embed';
import { OFFICIAL_SERIES_NOTE, sourceBreakLabel, sourcesSentence } from '@/lib/charts/provenance-text';
import { viewBreaks, type SeriesBreak } from '@/lib/charts/series-breaks';
import { findSourceBreaks } from '@/lib/charts/series-transforms';
import { toTurnoverChartSeries } from '@/lib/charts/turnover-series';
import { REPORTER_KAZ, WORLD_PARTNER_CODE } from '@/lib/constants';
import { formatMillions, formatYear, formatYearRange } from '@/lib/format';
import type { NewsFigure } from '@/lib/queries/news-figures';
import type { TopPartnersTurnoverSeries } from '@/lib/queries/overview';
import type { SourceAttribution } from '@/lib/queries/source-attribution';
import { TurnoverChart } from './turnover-chart';

interface TurnoverSectionProps {
  series: TopPartnersTurnoverSeries;
  sources: SourceAttribution[];
  markerFigures: NewsFigure[];
  breaks: SeriesBreak[];
  topPartners: number;
}

type Variant = 'card' | 'embed';

/** What both turnover charts draw from: the series by partner, their breaks and the table rows. */
function turnoverView(series: TopPartnersTurnoverSeries, breaks: SeriesBreak[]) {
  const chart = toTurnoverChartSeries(series);
  const partnerCategories = chart.categories.filter((c) => !c.isTotal);
  const totalCategories = chart.categories.filter((c) => c.isTotal);
  const range = formatYearRange(series.fromYear, series.toYear);
  const partnerCodes = partnerCategories.map((c) => c.key);
  const changes = (codes: readonly string[]) =>
    codes
      .flatMap((code) => findSourceBreaks(series.points.filter((p) => p.partnerCode === code)))
      .map((b) => ({ year: b.year, label: sourceBreakLabel(b) }));
  const view = { fromYear: series.fromYear, toYear: series.toYear, measure: 'value' as const };
  const partnerBreaks = viewBreaks(breaks, { ...view, partnerCodes }, changes(partnerCodes));
  const worldBreaks = viewBreaks(
    breaks,
    { ...view, partnerCodes: [WORLD_PARTNER_CODE] },
    changes([WORLD_PARTNER_CODE]),
  );
  const table: ChartTableRow[] = chart.data.map((row) => ({
    key: String(row.year),
    header: String(row.year),
    cells: Object.fromEntries(
      chart.categories.map((c) => [c.key, row[c.key] != null ? { text: formatMillions(row[c.key]) } : undefined]),
    ),
  }));
  return { chart, partnerCategories, totalCategories, partnerCodes, range, partnerBreaks, worldBreaks, table };
}

interface TurnoverFigureProps {
  series: TopPartnersTurnoverSeries;
  sources: SourceAttribution[];
  markerFigures: NewsFigure[];
  breaks: SeriesBreak[];
  topPartners: number;
  /** `embed` on /embed/overview/turnover: the chart alone (components/charts/chart-figure.tsx). */
  variant?: Variant;
}

/** Turnover over time with the top partner countries, news figures as hollow dots on the lines. */
export function TurnoverFigure({ series, sources, markerFigures, breaks, topPartners, variant }: TurnoverFigureProps) {
  const { chart, partnerCategories, partnerCodes, range, partnerBreaks, table } = turnoverView(series, breaks);
  // Full-year turnover figures from the news, in US dollars and from Kazakh statistics: the same
  // concept as the lines, so they can sit on them as markers. Others are listed, not drawn.
  const markers = markerFigures
    .filter(
      (f) =>
        f.indicatorCode === 'turnover' &&
        f.periodKind === 'YEAR' &&
        f.reporterCode === REPORTER_KAZ &&
        f.valueUsdMn !== null &&
        f.year !== null &&
        partnerCodes.includes(f.partnerCode),
    )
    .map((f) => ({
      key: f.id,
      x: f.year as number,
      y: f.valueUsdMn as number,
      label: `${f.partnerName} ${f.year}: ${newsFigureAmount(f)} (${f.sourcePublisher})`,
    }));
  const title = `Trade turnover with the top ${partnerCategories.length > 0 ? partnerCategories.length : topPartners} partner countries${series.toYear !== null ? `, ${range}` : ''}`;
  return (
    <ChartFigure
      id="turnover-figure"
      title={title}
      variant={variant}
      sources={sources}
      embed={overviewEmbed('turnover')}
      description={`One line per partner country, ranked by turnover in ${formatYear(series.rankYear)}; groups such as the EU are not ranked. Hollow dots are rounded figures quoted in the news. Vertical lines mark breaks in the series.`}
      exportContext="Turnover in USD million, current prices; linear scale"
      downloadName={chartFileName(['turnover', 'top-partners', yearSpan(series.fromYear, series.toYear)])}
      exportFootnote={`USD million, current prices; calendar years ${range}. ${partnerBreaks.sentence} ${OFFICIAL_SERIES_NOTE} ${sourcesSentence(sources)}`}
      table={
        <ChartTable
          caption={title}
          rowHeaderLabel="Year"
          columns={chart.categories.map((c) => ({ key: c.key, label: c.label, unit: 'USD million' }))}
          rows={table}
          testId="turnover-table"
        />
      }
      footnote={
        <>
          <p>
            Turnover (exports + imports) in USD million, current prices; calendar years {range}; as reported by
            Kazakhstan. Gaps mark years without a published value.
          </p>
          {partnerBreaks.sentence ? <p data-testid="turnover-breaks">{partnerBreaks.sentence}</p> : null}
          {markers.length > 0 ? (
            <p>
              News figures on the chart: {markers.map((m) => m.label).join('; ')}. Secondary and rounded; never part of
              the lines.
            </p>
          ) : null}
        </>
      }
    >
      <TurnoverChart
        data={chart.data}
        categories={partnerCategories}
        testId="turnover-chart"
        height={340}
        referenceLines={partnerBreaks.lines}
        markers={markers}
        title={title}
      />
    </ChartFigure>
  );
}

interface WorldTurnoverFigureProps {
  series: TopPartnersTurnoverSeries;
  sources: SourceAttribution[];
  breaks: SeriesBreak[];
  /** `embed` on /embed/overview/world. */
  variant?: Variant;
  className?: string;
}

/** Kazakhstan's turnover with the world, on its own scale (several times any partner's). */
export function WorldTurnoverFigure({ series, sources, breaks, variant, className }: WorldTurnoverFigureProps) {
  const { chart, totalCategories, range, worldBreaks, table } = turnoverView(series, breaks);
  return (
    <ChartFigure
      id="world-figure"
      className={className}
      variant={variant}
      sources={sources}
      embed={overviewEmbed('world')}
      title={`Total with the world, ${range}`}
      description="Kazakhstan’s turnover with all partners. A different scale from the partner chart."
      exportContext="Turnover in USD million, current prices; linear scale"
      downloadName={chartFileName(['turnover', 'world', yearSpan(series.fromYear, series.toYear)])}
      exportFootnote={`USD million, current prices. ${worldBreaks.sentence} ${OFFICIAL_SERIES_NOTE} ${sourcesSentence(sources)}`}
      footnote={
        <>
          <p>USD million. From 2020 derived: the sum of every partner row of the bureau’s by-country table.</p>
          {worldBreaks.sentence ? <p data-testid="world-breaks">{worldBreaks.sentence}</p> : null}
        </>
      }
      table={
        <ChartTable
          caption={`Kazakhstan’s turnover with the world, ${range}`}
          rowHeaderLabel="Year"
          columns={totalCategories.map((c) => ({ key: c.key, label: c.label, unit: 'USD million' }))}
          rows={table.filter((row) => totalCategories.some((c) => row.cells[c.key]))}
          testId="world-turnover-table"
        />
      }
    >
      <TurnoverChart
        data={chart.data}
        categories={totalCategories}
        testId="world-turnover-chart"
        height={240}
        referenceLines={worldBreaks.lines}
        title="Total with the world"
      />
    </ChartFigure>
  );
}

/** Turnover over time: the top partners and the world total on separate charts (the total is several times any partner). */
export function TurnoverSection({ series, sources, markerFigures, breaks, topPartners }: TurnoverSectionProps) {
  return (
    <section aria-labelledby="turnover-heading" className="space-y-3">
      <h2 id="turnover-heading" className="text-lg font-semibold">
        Turnover over time
      </h2>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <TurnoverFigure
            series={series}
            sources={sources}
            markerFigures={markerFigures}
            breaks={breaks}
            topPartners={topPartners}
          />
        </div>
        <WorldTurnoverFigure series={series} sources={sources} breaks={breaks} className="self-start" />
      </div>
    </section>
  );
}
