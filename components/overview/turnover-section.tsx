import { useLocale, useTranslations } from 'next-intl';
import { Fragment } from 'react';
import { ChartFigure } from '@/components/charts/chart-figure';
import { ChartTable, type ChartTableRow } from '@/components/charts/chart-table';
import { newsFigureAmount } from '@/components/news/news-figure-text';
import { chartFileName, yearSpan } from '@/lib/charts/chart-download';
import { overviewEmbed } from '@/lib/charts/chart-embed';
import { sourceBreakLabel, sourcesSentence } from '@/lib/charts/provenance-text';
import { viewBreaks, type SeriesBreak } from '@/lib/charts/series-breaks';
import { findSourceBreaks } from '@/lib/charts/series-transforms';
import { toTurnoverChartSeries } from '@/lib/charts/turnover-series';
import { REPORTER_KAZ, WORLD_PARTNER_CODE } from '@/lib/constants';
import { formatMillions, formatYear, formatYearRange } from '@/lib/format';
import { chartTexts, type ChartTexts } from '@/lib/i18n/chart-texts';
import type { Locale } from '@/lib/i18n/locales';
import { localizedEmbed } from '@/lib/i18n/paths';
import type { NewsFigure } from '@/lib/queries/news-figures';
import type { TopPartnersTurnoverSeries } from '@/lib/queries/overview';
import type { SourceAttribution } from '@/lib/queries/source-attribution';
import { TurnoverChart } from './turnover-chart';

interface TurnoverSectionProps {
  series: TopPartnersTurnoverSeries;
  sources: SourceAttribution[];
  markerFigures: NewsFigure[];
  /** Labelled in the page's language (the loader's localizeBreaks). */
  breaks: SeriesBreak[];
  topPartners: number;
}

type Variant = 'card' | 'embed';

/** The words, number format and shaped sentences of the page's language, for both figures. */
function useTurnoverTexts() {
  const locale = useLocale();
  return { t: useTranslations('overview'), locale, texts: chartTexts(locale) };
}

/** What both turnover charts draw from: the series by partner, their breaks and the table rows. */
function turnoverView(
  series: TopPartnersTurnoverSeries,
  breaks: SeriesBreak[],
  worldLabel: string,
  locale: Locale,
  texts: ChartTexts,
) {
  const chart = toTurnoverChartSeries(series, worldLabel);
  const partnerCategories = chart.categories.filter((c) => !c.isTotal);
  const totalCategories = chart.categories.filter((c) => c.isTotal);
  const range = formatYearRange(series.fromYear, series.toYear);
  const partnerCodes = partnerCategories.map((c) => c.key);
  const changes = (codes: readonly string[]) =>
    codes
      .flatMap((code) => findSourceBreaks(series.points.filter((p) => p.partnerCode === code)))
      .map((b) => ({ year: b.year, label: sourceBreakLabel(b, texts) }));
  const view = { fromYear: series.fromYear, toYear: series.toYear, measure: 'value' as const };
  const partnerBreaks = viewBreaks(breaks, { ...view, partnerCodes }, changes(partnerCodes), texts);
  const worldBreaks = viewBreaks(
    breaks,
    { ...view, partnerCodes: [WORLD_PARTNER_CODE] },
    changes([WORLD_PARTNER_CODE]),
    texts,
  );
  const table: ChartTableRow[] = chart.data.map((row) => ({
    key: String(row.year),
    header: String(row.year),
    cells: Object.fromEntries(
      chart.categories.map((c) => [
        c.key,
        row[c.key] != null ? { text: formatMillions(row[c.key], locale) } : undefined,
      ]),
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
  const { t, locale, texts } = useTurnoverTexts();
  const { chart, partnerCategories, partnerCodes, range, partnerBreaks, table } = turnoverView(
    series,
    breaks,
    t('turnover.worldLabel'),
    locale,
    texts,
  );
  const names = new Map(partnerCategories.map((c) => [c.key, c.label]));
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
    .map((f) => {
      const parts = {
        partner: names.get(f.partnerCode) ?? f.partnerName,
        year: String(f.year),
        amount: newsFigureAmount(f, locale),
      };
      return {
        key: f.id,
        x: f.year as number,
        y: f.valueUsdMn as number,
        label: t('turnover.marker', { ...parts, publisher: f.sourcePublisher }),
        parts,
        publisher: f.sourcePublisher,
      };
    });
  const count = String(partnerCategories.length > 0 ? partnerCategories.length : topPartners);
  const title = series.toYear !== null ? t('turnover.titleRange', { count, range }) : t('turnover.title', { count });
  const usd = t('turnover.usdMillion');
  return (
    <ChartFigure
      id="turnover-figure"
      title={title}
      variant={variant}
      sources={sources}
      embed={localizedEmbed(locale, overviewEmbed('turnover'))}
      description={t('turnover.description', { year: formatYear(series.rankYear) })}
      exportContext={t('turnover.context')}
      downloadName={chartFileName(['turnover', 'top-partners', yearSpan(series.fromYear, series.toYear)])}
      exportFootnote={`${t('turnover.exportFootnote', { range })} ${partnerBreaks.sentence} ${texts('officialSeries')} ${sourcesSentence(sources, texts)}`}
      table={
        <ChartTable
          caption={title}
          rowHeaderLabel={t('turnover.year')}
          columns={chart.categories.map((c) => ({ key: c.key, label: c.label, unit: usd }))}
          rows={table}
          testId="turnover-table"
        />
      }
      footnote={
        <>
          <p>{t('turnover.footnote', { range })}</p>
          {partnerBreaks.sentence ? <p data-testid="turnover-breaks">{partnerBreaks.sentence}</p> : null}
          {markers.length > 0 ? (
            <p>
              {t.rich('turnover.newsFigures', {
                // Publishers are named as they write themselves, as citations.
                list: () =>
                  markers.map((m, i) => (
                    <Fragment key={m.key}>
                      {i > 0 ? '; ' : null}
                      {m.parts.partner} {m.parts.year}: {m.parts.amount} (
                      <cite className="not-italic">{m.publisher}</cite>)
                    </Fragment>
                  )),
              })}
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
        markers={markers.map(({ key, x, y, label }) => ({ key, x, y, label }))}
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
  const { t, locale, texts } = useTurnoverTexts();
  const { chart, totalCategories, range, worldBreaks, table } = turnoverView(
    series,
    breaks,
    t('turnover.worldLabel'),
    locale,
    texts,
  );
  return (
    <ChartFigure
      id="world-figure"
      className={className}
      variant={variant}
      sources={sources}
      embed={localizedEmbed(locale, overviewEmbed('world'))}
      title={t('world.title', { range })}
      description={t('world.description')}
      exportContext={t('turnover.context')}
      downloadName={chartFileName(['turnover', 'world', yearSpan(series.fromYear, series.toYear)])}
      exportFootnote={`${t('world.exportFootnote')} ${worldBreaks.sentence} ${texts('officialSeries')} ${sourcesSentence(sources, texts)}`}
      footnote={
        <>
          <p>{t('world.footnote')}</p>
          {worldBreaks.sentence ? <p data-testid="world-breaks">{worldBreaks.sentence}</p> : null}
        </>
      }
      table={
        <ChartTable
          caption={t('world.caption', { range })}
          rowHeaderLabel={t('turnover.year')}
          columns={totalCategories.map((c) => ({ key: c.key, label: c.label, unit: t('turnover.usdMillion') }))}
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
        title={t('world.chartTitle')}
      />
    </ChartFigure>
  );
}

/** Turnover over time: the top partners and the world total on separate charts (the total is several times any partner). */
export function TurnoverSection({ series, sources, markerFigures, breaks, topPartners }: TurnoverSectionProps) {
  const t = useTranslations('overview.turnover');
  return (
    <section aria-labelledby="turnover-heading" className="space-y-3">
      <h2 id="turnover-heading" className="text-lg font-semibold">
        {t('heading')}
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
