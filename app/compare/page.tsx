import type { Metadata } from 'next';
import { ChartFigure } from '@/components/charts/chart-figure';
import { ChartTable, VALUE_MARKS, type ChartTableRow } from '@/components/charts/chart-table';
import { seriesColor } from '@/components/charts/chart-theme';
import { LineChart } from '@/components/charts/lazy-charts';
import { DataTableExport } from '@/components/data-table/data-table-export';
import { CompareControls } from '@/components/compare/compare-controls';
import { CompareSummaryTable } from '@/components/compare/compare-summary-table';
import { compareDescription, compareTitle, FLOW_LABELS, FLOW_SHORT_LABELS } from '@/components/compare/compare-text';
import { PartialYearFigures } from '@/components/compare/partial-year-figures';
import { IgnoredParamsNotice } from '@/components/layout/ignored-params-notice';
import { SourceCredit } from '@/components/provenance/source-credit';
import { Notice } from '@/components/ui/notice';
import { sortCompareSummary } from '@/lib/charts/compare-series';
import {
  describeSourceBreak,
  OFFICIAL_SERIES_NOTE,
  sourceBreakLines,
  sourcesSentence,
} from '@/lib/charts/provenance-text';
import { formatValueByUnit } from '@/lib/format';
import { getComparePresets, getCompareView } from '@/lib/queries/compare-view';
import { getNewsFigures } from '@/lib/queries/news-figures';
import { getYearToDate } from '@/lib/queries/overview';
import { serializeCompareSearchParams } from '@/lib/search-params/compare';
import type { RawSearchParams } from '@/lib/search-params/shared';

export const metadata: Metadata = {
  title: 'Compare partners',
  description:
    'Kazakhstan’s trade with chosen partners over time: values, shares of the total, indices and yearly changes, with sources.',
};

export default async function ComparePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const raw = await searchParams;
  const view = await getCompareView(raw);
  const { params, ignored, range, options, shape, overlaps, sources } = view;
  const [presets, partialFigures, yearToDate] = await Promise.all([
    getComparePresets(range),
    params.flow === 'balance'
      ? Promise.resolve([])
      : getNewsFigures({ partnerCodes: params.partners, includeMirror: true, indicators: [params.flow], limit: 100 }),
    getYearToDate(),
  ]);

  const title = compareTitle(params);
  const names = new Map(options.map((o) => [o.code, o.name]));
  const summary = sortCompareSummary(shape.summary, params.sort, params.dir);
  const query = serializeCompareSearchParams(params, range);
  const permalink = `/compare${serializeCompareSearchParams(params, { ...range, explicit: true })}`;
  const exportQuery = query ? `${query}&` : '?';

  const tableRows: ChartTableRow[] = shape.years.map((year) => ({
    key: String(year),
    header: String(year),
    cells: Object.fromEntries(
      shape.categories.map((category) => {
        const cell = shape.cells[category.key]?.[year];
        const marks = [
          ...(cell?.isEstimate ? ['e'] : []),
          ...(cell?.isDerived ? ['d'] : []),
          ...(cell?.conversion ? [cell.conversion.isProvisional ? 'p' : 'c'] : []),
        ];
        return [
          category.key,
          cell && cell.value !== null
            ? { text: formatValueByUnit(cell.value, shape.unit.kind, shape.unit.currency), marks, value: cell.value }
            : undefined,
        ];
      }),
    ),
  }));

  const conversionText =
    shape.conversion && shape.conversion.fromYear !== null
      ? `Euro values are converted from the published US dollars at the ECB annual average of each year (US dollars per euro, in the table’s last column; marked c)${
          shape.conversion.provisionalYears.length > 0
            ? `; ${shape.conversion.provisionalYears.join(', ')} uses a year-to-date rate and is provisional (marked p)`
            : ''
        }. Converted values are derived, not published.`
      : null;
  if (shape.conversion) {
    // The rate of each year next to the values it converted, so every converted number can be checked.
    for (const row of tableRows) {
      const year = Number(row.key);
      const conversion = shape.categories.map((c) => shape.cells[c.key]?.[year]?.conversion).find(Boolean);
      row.cells.__rate = conversion
        ? { text: conversion.usdPerEur.toFixed(4), marks: conversion.isProvisional ? ['p'] : [] }
        : undefined;
    }
  }
  const breaksText = shape.breaks.map(describeSourceBreak).join('. ');
  const exportFootnote = [
    `Unit: ${shape.unit.label}.`,
    OFFICIAL_SERIES_NOTE,
    conversionText ?? '',
    `${sourcesSentence(sources)}`,
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Compare partners</h1>
        <p className="max-w-3xl text-sm text-muted-foreground">
          Kazakhstan’s goods trade with the partners you choose, year by year, as Kazakhstan reports it. Show values,
          each partner’s share of Kazakhstan’s total, an index from the first year, or the change on the year before.
          Every view is a link: copy the address to share it.
        </p>
      </div>

      <IgnoredParamsNotice ignored={ignored} />

      <CompareControls
        params={params}
        range={range}
        options={options.map(({ code, name, kind, firstYear, lastYear }) => ({
          code,
          name,
          kind,
          firstYear,
          lastYear,
        }))}
        presets={presets}
      />

      {overlaps.length > 0 ? (
        <Notice title="Overlapping selections" testId="overlap-notice">
          {overlaps.map((o) => (
            <p key={`${o.group}-${o.member}`}>
              {names.get(o.group) ?? o.group} includes {names.get(o.member) ?? o.member}: their lines overlap and must
              not be added together.
            </p>
          ))}
        </Notice>
      ) : null}

      <ChartFigure
        id="compare-chart"
        testId="compare-figure"
        headingLevel={2}
        title={title}
        description={compareDescription(params, shape)}
        legend={shape.categories.map((c, i) => ({ label: c.label, color: seriesColor(i) }))}
        exportFootnote={exportFootnote}
        table={
          <ChartTable
            caption={title}
            rowHeaderLabel="Year"
            columns={[
              ...shape.categories.map((c) => ({ key: c.key, label: c.label, unit: shape.unit.label })),
              ...(shape.conversion ? [{ key: '__rate', label: 'ECB rate', unit: 'USD per EUR' }] : []),
            ]}
            rows={tableRows}
            marks={VALUE_MARKS}
            testId="compare-data-table"
          />
        }
        footnote={
          <>
            <p>
              <span className="font-medium text-foreground">Unit:</span> {shape.unit.label}
              {params.mode === 'share' ? ' (Kazakhstan’s total with the world in the same year = 100%)' : ''}
              {params.mode === 'index' ? ' (each partner’s first year with a positive value = 100)' : ''}. Calendar
              years {params.from}–{params.to}
              {params.scale === 'log' ? '; logarithmic scale' : ''}.
            </p>
            <p>{OFFICIAL_SERIES_NOTE}</p>
            {breaksText ? <p>Dotted lines mark where a series changes source. {breaksText}.</p> : null}
            {conversionText ? <p>{conversionText}</p> : null}
            {shape.notes.map((note) => (
              <p key={note}>{note}</p>
            ))}
            <p>
              <SourceCredit sources={sources} />
            </p>
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
          referenceLines={sourceBreakLines(shape.breaks)}
          testId="compare-chart"
          title={title}
          desc={compareDescription(params, shape)}
          emptyMessage="No figures for these partners in these years. Try other years or partners."
          height={380}
        />
      </ChartFigure>

      <section aria-labelledby="summary-heading" className="space-y-3">
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
          Amounts in {params.currency} million{params.currency === 'EUR' ? ' (converted)' : ''}, from each partner’s
          first and last year with a figure in {params.from}–{params.to}. Growth is the compound rate a year between the
          first and last positive values; share is of Kazakhstan’s total with the world in the last year. Click a column
          to sort.
        </p>
        <CompareSummaryTable
          rows={summary}
          params={params}
          range={range}
          flowLabel={FLOW_SHORT_LABELS[params.flow]}
          caption={`${FLOW_LABELS[params.flow]} by partner, ${params.from}–${params.to}, ${params.currency} million: first and last year, change, growth and share`}
        />
      </section>

      <PartialYearFigures flow={params.flow} figures={partialFigures} yearToDate={yearToDate} />
    </div>
  );
}
