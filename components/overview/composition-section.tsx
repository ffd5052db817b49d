import { BarChart } from '@/components/charts/bar-chart';
import { ChartFigure } from '@/components/charts/chart-figure';
import { ChartTable, VALUE_MARKS, type ChartTableRow } from '@/components/charts/chart-table';
import { chartFileName, yearSpan } from '@/lib/charts/chart-download';
import { overviewEmbed } from '@/lib/charts/chart-embed';
import { toCompositionChart } from '@/lib/charts/composition';
import { OFFICIAL_SERIES_NOTE, sourcesSentence } from '@/lib/charts/provenance-text';
import { honestPeak, peakCaveat, viewBreaks, type SeriesBreak } from '@/lib/charts/series-breaks';
import { EU_CODE, OTHER_PARTNERS_KEY } from '@/lib/constants';
import { formatMillions, formatPercent, formatYear, formatYearRange } from '@/lib/format';
import type { TurnoverComposition } from '@/lib/queries/overview';
import type { SourceAttribution } from '@/lib/queries/source-attribution';
import type { CompositionEuView, OverviewSearchParams } from '@/lib/search-params/overview';
import { EuViewToggle } from './eu-view-toggle';

interface CompositionSectionProps {
  composition: TurnoverComposition;
  sources: SourceAttribution[];
  breaks: SeriesBreak[];
  params: OverviewSearchParams;
  top: number;
}

/** Shares by year, the EU as a block or by members, with the control that switches between them. */
export function CompositionSection({ composition, sources, breaks, params, top }: CompositionSectionProps) {
  return (
    <section aria-labelledby="composition-heading" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="composition-heading" className="text-lg font-semibold">
          Composition by partner
        </h2>
        <EuViewToggle params={params} />
      </div>
      <CompositionFigure composition={composition} sources={sources} breaks={breaks} eu={params.eu} top={top} />
    </section>
  );
}

interface CompositionFigureProps extends Omit<CompositionSectionProps, 'params'> {
  eu: CompositionEuView;
  /** `embed` on /embed/overview/composition: the chart alone (components/charts/chart-figure.tsx). */
  variant?: 'card' | 'embed';
}

/** Shares by year, the EU as a block or by members: the parts of each year add up to 100%. */
export function CompositionFigure({ composition, sources, breaks, eu, top, variant }: CompositionFigureProps) {
  const params = { eu };
  const chart = toCompositionChart(composition.parts, composition.points, OTHER_PARTNERS_KEY);
  const range = formatYearRange(chart.data[0]?.year, chart.data.at(-1)?.year);
  const shareBreaks = viewBreaks(breaks, {
    partnerCodes: chart.categories.map((c) => c.key).filter((k) => k !== OTHER_PARTNERS_KEY),
    measure: 'share',
    fromYear: chart.data[0]?.year ?? null,
    toYear: chart.data.at(-1)?.year ?? null,
  });
  const euShares = chart.data.flatMap((row) =>
    typeof row[EU_CODE] === 'number' ? [{ year: row.year, value: row[EU_CODE] }] : [],
  );
  const euPeak = params.eu === 'block' ? honestPeak(euShares, breaks, EU_CODE, 'share') : null;
  const caveat = euPeak ? peakCaveat(euPeak) : '';
  const table: ChartTableRow[] = chart.data.map((row, i) => ({
    key: String(row.year),
    header: String(row.year),
    cells: Object.fromEntries(
      chart.categories.map((c) => {
        const share = row[c.key];
        const value = chart.values[i]?.[c.key];
        return [
          c.key,
          typeof share === 'number' ? { text: `${formatPercent(share)} (${formatMillions(value)})` } : undefined,
        ];
      }),
    ),
  }));
  const title = `Who Kazakhstan trades with: share of total turnover${chart.data.length > 0 ? `, ${range}` : ''}`;
  const incomplete = composition.incompleteYears;

  return (
    <ChartFigure
      id="composition-figure"
      testId="composition-figure"
      variant={variant}
      sources={sources}
      officialSeries
      embed={overviewEmbed('composition', eu)}
      title={title}
      description={
        <>
          Each bar is Kazakhstan’s turnover with the world in one year (100%): the {top} largest{' '}
          {params.eu === 'block' ? 'partners in ' : 'partner countries in '}
          {formatYear(composition.rankYear)}
          {params.eu === 'block'
            ? ', the EU counted once as a block (its members are not listed separately)'
            : ', EU members counted one by one (the EU block is not shown)'}
          , and all other partners.
          {euPeak ? (
            <span data-testid="eu-peak">
              {` The EU’s share was highest in ${euPeak.year} (${formatPercent(euPeak.value)})${caveat ? `, ${caveat}` : ''}.`}
            </span>
          ) : null}
        </>
      }
      exportContext={`Share of Kazakhstan’s total turnover, stacked to 100%; the EU ${params.eu === 'block' ? 'as one block' : 'by member'}`}
      downloadName={chartFileName([
        'turnover',
        'composition',
        params.eu === 'block' ? 'eu-block' : 'eu-members',
        yearSpan(chart.data[0]?.year, chart.data.at(-1)?.year),
      ])}
      exportFootnote={`Share of Kazakhstan’s total turnover with the world, calendar years ${range}. ${shareBreaks.sentence} ${OFFICIAL_SERIES_NOTE} ${sourcesSentence(sources)}`}
      table={
        <ChartTable
          caption={title}
          rowHeaderLabel="Year"
          columns={chart.categories.map((c) => ({ key: c.key, label: c.label, unit: '% (USD million)' }))}
          rows={table}
          marks={VALUE_MARKS}
          testId="composition-table"
        />
      }
      footnote={
        <>
          <p>
            Share of Kazakhstan’s total turnover with the world in each calendar year. “Other partners” is the world
            total minus the partners shown, so the parts add up to 100% and nothing is counted twice.
            {incomplete.length > 0
              ? ` In ${incomplete.length === 1 ? 'one year' : `${incomplete.length} years`} (${incomplete[0]}${incomplete.length > 1 ? `–${incomplete.at(-1)}` : ''}) a ranked partner has no figure; its trade is then inside “other”.`
              : ''}
          </p>
          {shareBreaks.sentence ? <p data-testid="composition-breaks">{shareBreaks.sentence}</p> : null}
        </>
      }
    >
      <BarChart
        data={chart.data}
        index="year"
        categories={chart.categories}
        unitKind="share"
        stacked
        domain={[0, 1]}
        referenceLines={shareBreaks.lines}
        testId="composition-chart"
        height={340}
        title={title}
      />
    </ChartFigure>
  );
}
