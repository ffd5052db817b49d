import { useLocale, useTranslations } from 'next-intl';
import { ChartFigure } from '@/components/charts/chart-figure';
import { ChartTable, type ChartTableRow } from '@/components/charts/chart-table';
import { LineChart } from '@/components/charts/line-chart';
import { compareChartContext, compareChartFileName } from '@/lib/charts/chart-download';
import { compareEmbed } from '@/lib/charts/chart-embed';
import type { CompareSeriesShape } from '@/lib/charts/compare-series';
import { sourceBreakLabel, sourcesSentence } from '@/lib/charts/provenance-text';
import { viewBreaks, type SeriesBreak } from '@/lib/charts/series-breaks';
import { WORLD_PARTNER_CODE } from '@/lib/constants';
import { formatNumber, formatValueByUnit } from '@/lib/format';
import { chartTexts } from '@/lib/i18n/chart-texts';
import { localizedEmbed } from '@/lib/i18n/paths';
import type { SourceAttribution } from '@/lib/queries/source-attribution';
import type { CompareSearchParams, CompareYearRange } from '@/lib/search-params/compare';
import { compareDescription, compareTitle } from './compare-text';

interface CompareChartSectionProps {
  params: CompareSearchParams;
  /** The years with data: the embed snippet writes the view out in full, as the permalink does. */
  range: CompareYearRange;
  shape: CompareSeriesShape;
  breaks: SeriesBreak[];
  sources: SourceAttribution[];
  /** `embed` on /embed/compare: the chart alone (components/charts/chart-figure.tsx). */
  variant?: 'card' | 'embed';
}

/** The compare chart with its table of the same numbers, its unit, breaks, conversion and sources. */
export function CompareChartSection({ params, range, shape, breaks, sources, variant }: CompareChartSectionProps) {
  const t = useTranslations('Compare');
  const t2 = useTranslations('Charts');
  const locale = useLocale();
  const texts = chartTexts(locale);
  const title = compareTitle(params, t);
  const rows: ChartTableRow[] = shape.years.map((year) => ({
    key: String(year),
    header: String(year),
    cells: Object.fromEntries(
      shape.categories.map((category) => {
        const cell = shape.cells[category.key]?.[year];
        const marks = [
          ...(cell?.isEstimate ? ['e'] : []),
          ...(cell?.conversion ? [cell.conversion.isProvisional ? 'p' : 'c'] : []),
        ];
        return [
          category.key,
          cell && cell.value !== null
            ? {
                text: formatValueByUnit(cell.value, shape.unit.kind, shape.unit.currency, locale),
                marks,
                value: cell.value,
              }
            : undefined,
        ];
      }),
    ),
  }));
  if (shape.conversion) {
    // The rate of each year next to the values it converted, so every converted number can be checked.
    for (const row of rows) {
      const year = Number(row.key);
      const conversion = shape.categories.map((c) => shape.cells[c.key]?.[year]?.conversion).find(Boolean);
      row.cells.__rate = conversion
        ? { text: formatNumber(conversion.usdPerEur, 4, locale), marks: conversion.isProvisional ? ['p'] : [] }
        : undefined;
    }
  }
  const conversionText =
    shape.conversion && shape.conversion.fromYear !== null
      ? t('chart.conversion', {
          provisional:
            shape.conversion.provisionalYears.length > 0
              ? t('chart.provisional', { years: shape.conversion.provisionalYears.join(', ') })
              : '',
        })
      : null;
  const partnerCodes = [
    ...shape.categories.map((c) => c.key),
    ...(params.mode === 'share' ? [WORLD_PARTNER_CODE] : []),
  ];
  const chartBreaks = viewBreaks(
    breaks,
    {
      partnerCodes,
      measure: params.mode === 'share' ? 'share' : 'value',
      fromYear: params.from,
      toYear: params.to,
    },
    shape.breaks.map((b) => ({ year: b.year, label: sourceBreakLabel(b, texts) })),
    texts,
  );
  const exportFootnote = [
    t('chart.unitSentence', { unit: shape.unit.label }),
    chartBreaks.sentence,
    texts('officialSeries'),
    conversionText ?? '',
    sourcesSentence(sources, texts),
  ]
    .filter(Boolean)
    .join(' ');
  const description = compareDescription(params, shape, t, locale);

  return (
    <ChartFigure
      id="compare-chart"
      testId="compare-figure"
      headingLevel={2}
      variant={variant}
      sources={sources}
      officialSeries
      embed={localizedEmbed(locale, compareEmbed(params, range))}
      title={title}
      description={description}
      exportContext={compareChartContext(params, texts)}
      downloadName={compareChartFileName(params)}
      exportFootnote={exportFootnote}
      table={
        <ChartTable
          caption={title}
          rowHeaderLabel={t('chart.year')}
          columns={[
            ...shape.categories.map((c) => ({ key: c.key, label: c.label, unit: shape.unit.label })),
            ...(shape.conversion ? [{ key: '__rate', label: t('chart.ecbRate'), unit: t('chart.usdPerEur') }] : []),
          ]}
          rows={rows}
          marks={{
            e: t2('marks.e'),
            d: t2('marks.d'),
            c: t2('marks.c'),
            p: t2('marks.p'),
          }}
          testId="compare-data-table"
        />
      }
      footnote={
        <>
          <p>
            <span className="font-medium text-foreground">{t('chart.unit')}</span> {shape.unit.label}
            {params.mode === 'share' ? ` ${t('chart.shareBase')}` : ''}
            {params.mode === 'index' ? ` ${t('chart.indexBase')}` : ''}.{' '}
            {t('chart.years', { range: `${params.from}–${params.to}` })}
            {params.scale === 'log' ? t('chart.logScale') : ''}.
          </p>
          {chartBreaks.sentence ? <p data-testid="compare-breaks">{chartBreaks.sentence}</p> : null}
          {conversionText ? <p>{conversionText}</p> : null}
          {shape.notes.map((note) => (
            <p key={note}>{note}</p>
          ))}
        </>
      }
    >
      <LineChart
        data={shape.data}
        index="year"
        categories={shape.categories}
        unitKind={shape.unit.kind}
        currency={shape.unit.currency}
        scale={params.scale}
        zeroLine={params.mode === 'change' || params.flow === 'balance'}
        deficitBelowZero={params.flow === 'balance' && params.mode === 'absolute'}
        referenceLines={chartBreaks.lines}
        testId="compare-chart"
        title={title}
        desc={description}
        emptyMessage={t('chart.empty')}
        height={380}
      />
    </ChartFigure>
  );
}
