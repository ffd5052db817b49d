import { useLocale, useTranslations } from 'next-intl';
import { BarChart } from '@/components/charts/bar-chart';
import { ChartFigure } from '@/components/charts/chart-figure';
import { ChartTable, type ChartTableRow } from '@/components/charts/chart-table';
import { chartFileName, yearSpan } from '@/lib/charts/chart-download';
import { overviewEmbed } from '@/lib/charts/chart-embed';
import { toCompositionChart } from '@/lib/charts/composition';
import { sourcesSentence } from '@/lib/charts/provenance-text';
import { honestPeak, peakCaveat, viewBreaks, type SeriesBreak } from '@/lib/charts/series-breaks';
import { EU_CODE, OTHER_PARTNERS_KEY } from '@/lib/constants';
import { formatMillions, formatPercent, formatYear, formatYearRange } from '@/lib/format';
import { chartTexts } from '@/lib/i18n/chart-texts';
import { overviewTexts } from '@/lib/i18n/overview-texts';
import { localizedEmbed } from '@/lib/i18n/paths';
import type { TurnoverComposition } from '@/lib/queries/overview';
import type { SourceAttribution } from '@/lib/queries/source-attribution';
import type { CompositionEuView, OverviewSearchParams } from '@/lib/search-params/overview';
import { EuViewToggle } from './eu-view-toggle';

interface CompositionSectionProps {
  composition: TurnoverComposition;
  sources: SourceAttribution[];
  /** Labelled in the page's language (the loader's localizeBreaks). */
  breaks: SeriesBreak[];
  params: OverviewSearchParams;
  top: number;
}

/** Shares by year, the EU as a block or by members, with the control that switches between them. */
export function CompositionSection({ composition, sources, breaks, params, top }: CompositionSectionProps) {
  const t = useTranslations('overview.composition');
  return (
    <section aria-labelledby="composition-heading" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="composition-heading" className="text-lg font-semibold">
          {t('heading')}
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
  const t = useTranslations('overview.composition');
  const words = useTranslations();
  const locale = useLocale();
  const texts = chartTexts(locale);
  // The marks every table uses (components/charts/chart-table.tsx), in the page's language.
  const marks = {
    e: words('Charts.marks.e'),
    d: words('Charts.marks.d'),
    c: words('Charts.marks.c'),
    p: words('Charts.marks.p'),
  };
  const params = { eu };
  const chart = toCompositionChart(composition.parts, composition.points, OTHER_PARTNERS_KEY);
  const range = formatYearRange(chart.data[0]?.year, chart.data.at(-1)?.year);
  const shareBreaks = viewBreaks(
    breaks,
    {
      partnerCodes: chart.categories.map((c) => c.key).filter((k) => k !== OTHER_PARTNERS_KEY),
      measure: 'share',
      fromYear: chart.data[0]?.year ?? null,
      toYear: chart.data.at(-1)?.year ?? null,
    },
    [],
    texts,
  );
  const euShares = chart.data.flatMap((row) =>
    typeof row[EU_CODE] === 'number' ? [{ year: row.year, value: row[EU_CODE] }] : [],
  );
  const euPeak = params.eu === 'block' ? honestPeak(euShares, breaks, EU_CODE, 'share') : null;
  const caveat = euPeak ? peakCaveat(euPeak, overviewTexts(locale)) : '';
  const table: ChartTableRow[] = chart.data.map((row, i) => ({
    key: String(row.year),
    header: String(row.year),
    cells: Object.fromEntries(
      chart.categories.map((c) => {
        const share = row[c.key];
        const value = chart.values[i]?.[c.key];
        return [
          c.key,
          typeof share === 'number'
            ? { text: `${formatPercent(share, 1, locale)} (${formatMillions(value, locale)})` }
            : undefined,
        ];
      }),
    ),
  }));
  const title = chart.data.length > 0 ? t('titleRange', { range }) : t('title');
  const incomplete = composition.incompleteYears;
  const description = { top: String(top), year: formatYear(composition.rankYear) };
  const peak = euPeak ? { year: String(euPeak.year), share: formatPercent(euPeak.value, 1, locale) } : null;

  return (
    <ChartFigure
      id="composition-figure"
      testId="composition-figure"
      variant={variant}
      sources={sources}
      officialSeries
      embed={localizedEmbed(locale, overviewEmbed('composition', eu))}
      title={title}
      description={
        <>
          {params.eu === 'block' ? t('descriptionBlock', description) : t('descriptionMembers', description)}
          {peak ? (
            <span data-testid="eu-peak">{` ${caveat ? t('peakCaveat', { ...peak, caveat }) : t('peak', peak)}`}</span>
          ) : null}
        </>
      }
      exportContext={t('context', { eu: params.eu })}
      downloadName={chartFileName([
        'turnover',
        'composition',
        params.eu === 'block' ? 'eu-block' : 'eu-members',
        yearSpan(chart.data[0]?.year, chart.data.at(-1)?.year),
      ])}
      exportFootnote={`${t('exportFootnote', { range })} ${shareBreaks.sentence} ${texts('officialSeries')} ${sourcesSentence(sources, texts)}`}
      table={
        <ChartTable
          caption={title}
          rowHeaderLabel={words('overview.turnover.year')}
          columns={chart.categories.map((c) => ({ key: c.key, label: c.label, unit: t('unit') }))}
          rows={table}
          marks={marks}
          testId="composition-table"
        />
      }
      footnote={
        <>
          <p>
            {t('footnote')}
            {incomplete.length > 0
              ? ` ${t('incomplete', {
                  count: incomplete.length,
                  years: `${incomplete[0]}${incomplete.length > 1 ? `–${incomplete.at(-1)}` : ''}`,
                })}`
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
