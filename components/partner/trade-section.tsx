import { ChartFigure } from '@/components/charts/chart-figure';
import { ChartTable, VALUE_MARKS, type ChartTableRow } from '@/components/charts/chart-table';
import { BarChart } from '@/components/charts/bar-chart';
import { LineChart } from '@/components/charts/line-chart';
import { DataTableExport } from '@/components/data-table/data-table-export';
import { chartFileName, yearSpan } from '@/lib/charts/chart-download';
import { partnerEmbed } from '@/lib/charts/chart-embed';
import type { ProfileTradeChart } from '@/lib/charts/partner-profile';
import { OFFICIAL_SERIES_NOTE, sourceBreakLabel, sourcesSentence } from '@/lib/charts/provenance-text';
import { viewBreaks, type SeriesBreak } from '@/lib/charts/series-breaks';
import { EU27_CODE, EU_CODE, WORLD_PARTNER_CODE } from '@/lib/constants';
import { formatMillions, formatPercent, formatYearRange, possessive } from '@/lib/format';
import type { PartnerSummary } from '@/lib/queries/partner-profile';
import type { SourceAttribution } from '@/lib/queries/source-attribution';

const FLOW_CATEGORIES = [
  { key: 'export', label: 'Exports (FOB)' },
  { key: 'import', label: 'Imports (CIF)' },
  { key: 'turnover', label: 'Turnover' },
];

/** The profile's download links: the observations behind its trade figures (app/api/export/partners/[code]). */
const profileExportHrefs = (code: string) => {
  const base = `/api/export/partners/${encodeURIComponent(code)}?format=`;
  return { csv: `${base}csv`, xlsx: `${base}xlsx`, json: `${base}json` };
};

interface TradeSectionProps {
  partner: PartnerSummary;
  chart: ProfileTradeChart;
  shares: { year: number; share: number | null }[];
  breaks: SeriesBreak[];
  sources: SourceAttribution[];
}

type Variant = 'card' | 'embed';

/** What the three trade charts draw from: the rows, the shares, the breaks and the table. */
function tradeView({ partner, chart, shares, breaks }: Omit<TradeSectionProps, 'sources'>) {
  const code = partner.code === EU27_CODE ? EU_CODE : partner.code;
  const range = formatYearRange(chart.fromYear, chart.toYear);
  const shareOf = (year: number) => shares.find((s) => s.year === year)?.share ?? null;
  const changes = chart.breaks.map((b) => ({ year: b.year, label: sourceBreakLabel(b) }));
  const view = { partnerCodes: [code], fromYear: chart.fromYear, toYear: chart.toYear };
  const valueBreaks = viewBreaks(breaks, { ...view, measure: 'value' }, changes);
  const shareBreaks = viewBreaks(breaks, { ...view, measure: 'share' }, changes);
  const table: ChartTableRow[] = chart.rows.map((row) => {
    const share = shareOf(row.year);
    return {
      key: String(row.year),
      header: String(row.year),
      cells: {
        export:
          row.export !== null
            ? { text: formatMillions(row.export), marks: row.isEstimate ? ['e'] : [], value: row.export }
            : undefined,
        import: row.import !== null ? { text: formatMillions(row.import), value: row.import } : undefined,
        turnover: row.turnover !== null ? { text: formatMillions(row.turnover), value: row.turnover } : undefined,
        balance: row.balance !== null ? { text: formatMillions(row.balance), value: row.balance } : undefined,
        share: share !== null ? { text: formatPercent(share), value: share } : undefined,
      },
    };
  });
  // Only the drawn numbers go to the browser.
  const chartRows = chart.rows.map(({ year, export: exports, import: imports, turnover, balance }) => ({
    year,
    export: exports,
    import: imports,
    turnover,
    balance,
  }));
  const years = yearSpan(chart.fromYear, chart.toYear);
  const hasShares = shares.some((s) => s.share !== null) && code !== WORLD_PARTNER_CODE;
  return { range, valueBreaks, shareBreaks, table, chartRows, years, hasShares };
}

type FigureProps = TradeSectionProps & { variant?: Variant };

/** Exports, imports and turnover over time. */
export function PartnerTradeFigure({ variant, ...props }: FigureProps) {
  const { partner, chart, sources } = props;
  const { range, valueBreaks, table, chartRows, years } = tradeView(props);
  const title = `Kazakhstan’s trade with ${partner.name}${chart.fromYear !== null ? `, ${range}` : ''}`;
  return (
    <ChartFigure
      id="partner-trade"
      testId="partner-trade-figure"
      variant={variant}
      sources={sources}
      officialSeries
      embed={partnerEmbed(partner.code, 'trade')}
      title={title}
      description={`Three lines, USD million: Kazakhstan’s exports to and imports from ${partner.name}, and their sum. Vertical lines mark breaks in the series.`}
      exportContext="USD million, current prices; linear scale"
      downloadName={chartFileName([partner.code, 'export-import-turnover', years])}
      exportFootnote={`USD million, calendar years ${range}. ${valueBreaks.sentence} ${OFFICIAL_SERIES_NOTE} ${sourcesSentence(sources)}`}
      table={
        <ChartTable
          caption={title}
          rowHeaderLabel="Year"
          columns={[
            { key: 'export', label: 'Exports', unit: 'USD million' },
            { key: 'import', label: 'Imports', unit: 'USD million' },
            { key: 'turnover', label: 'Turnover', unit: 'USD million' },
            { key: 'balance', label: 'Balance', unit: 'USD million' },
            { key: 'share', label: 'Share', unit: '% of KAZ total' },
          ]}
          rows={table}
          marks={VALUE_MARKS}
          testId="partner-trade-table"
        />
      }
      footnote={
        <>
          <p>USD million, calendar years {range}; as reported by Kazakhstan.</p>
          {valueBreaks.sentence ? <p data-testid="partner-trade-breaks">{valueBreaks.sentence}</p> : null}
        </>
      }
    >
      <LineChart
        data={chartRows}
        index="year"
        categories={FLOW_CATEGORIES}
        referenceLines={valueBreaks.lines}
        testId="partner-trade-chart"
        height={320}
        title={title}
      />
    </ChartFigure>
  );
}

/** Exports minus imports, surplus and deficit in their own colours. */
export function PartnerBalanceFigure({ variant, ...props }: FigureProps) {
  const { partner, sources } = props;
  const { range, valueBreaks, table, chartRows, years } = tradeView(props);
  return (
    <ChartFigure
      id="partner-balance"
      variant={variant}
      sources={sources}
      embed={partnerEmbed(partner.code, 'balance')}
      title={`Trade balance, ${range}`}
      description="Exports minus imports: above zero Kazakhstan sells more to the partner than it buys."
      exportContext="Exports minus imports, USD million; linear scale"
      downloadName={chartFileName([partner.code, 'balance', years])}
      exportFootnote={`USD million, derived: exports − imports of the same source and year. ${valueBreaks.sentence} ${OFFICIAL_SERIES_NOTE} ${sourcesSentence(sources)}`}
      footnote={
        <>
          <p>USD million; derived from exports and imports of the same source and year.</p>
        </>
      }
      table={
        <ChartTable
          caption={`Trade balance with ${partner.name}, ${range}`}
          rowHeaderLabel="Year"
          columns={[{ key: 'balance', label: 'Balance', unit: 'USD million' }]}
          rows={table}
          marks={VALUE_MARKS}
          testId="partner-balance-table"
        />
      }
    >
      <BarChart
        data={chartRows}
        index="year"
        categories={[{ key: 'balance', label: 'Balance' }]}
        diverging={{ positive: 'Surplus (exports above imports)', negative: 'Deficit (imports above exports)' }}
        referenceLines={valueBreaks.lines}
        testId="partner-balance-chart"
        height={260}
        title="Trade balance"
      />
    </ChartFigure>
  );
}

/** The partner's share of Kazakhstan's turnover with the world; null when there is none to draw. */
export function PartnerShareFigure({ variant, ...props }: FigureProps) {
  const { partner, shares, sources } = props;
  const { range, shareBreaks, table, years, hasShares } = tradeView(props);
  if (!hasShares) return null;
  return (
    <ChartFigure
      id="partner-share"
      variant={variant}
      sources={sources}
      embed={partnerEmbed(partner.code, 'share')}
      title={`${possessive(partner.name)} share of Kazakhstan’s turnover, ${range}`}
      description="The partner’s turnover as a percentage of Kazakhstan’s turnover with the world in the same year and table."
      exportContext="Share of Kazakhstan’s turnover with the world; linear scale"
      downloadName={chartFileName([partner.code, 'share', years])}
      exportFootnote={`Share of Kazakhstan’s turnover with the world. ${shareBreaks.sentence} ${OFFICIAL_SERIES_NOTE} ${sourcesSentence(sources)}`}
      footnote={
        <>
          <p>
            {variant === 'embed'
              ? 'Each year’s share divides the partner’s value by Kazakhstan’s total from the same table: IMF DOTS to 2019, the bureau’s by-country table from 2020 (its total is the sum of its partner rows).'
              : 'Share of Kazakhstan’s total turnover in the same year, from the same table.'}
          </p>
          {shareBreaks.sentence ? <p data-testid="partner-share-breaks">{shareBreaks.sentence}</p> : null}
        </>
      }
      table={
        <ChartTable
          caption={`${possessive(partner.name)} share of Kazakhstan’s turnover, ${range}`}
          rowHeaderLabel="Year"
          columns={[{ key: 'share', label: 'Share', unit: '% of KAZ total' }]}
          rows={table.filter((row) => row.cells.share)}
          testId="partner-share-table"
        />
      }
    >
      <LineChart
        data={shares}
        index="year"
        categories={[{ key: 'share', label: 'Share of Kazakhstan’s total turnover' }]}
        unitKind="share"
        referenceLines={shareBreaks.lines}
        testId="partner-share-chart"
        height={220}
        title={`${possessive(partner.name)} share of Kazakhstan’s turnover`}
      />
    </ChartFigure>
  );
}

/** Exports, imports, turnover, balance and share of Kazakhstan's total over time. */
export function TradeSection(props: TradeSectionProps) {
  const { partner, chart } = props;
  if (chart.rows.length === 0) return null;
  return (
    <section aria-labelledby="trade-heading" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="trade-heading" className="text-lg font-semibold">
          Exports, imports, turnover and balance over time
        </h2>
        <DataTableExport hrefs={profileExportHrefs(partner.code)} />
      </div>
      <p className="max-w-3xl text-xs text-muted-foreground">
        The downloads hold the figures behind this profile as published, one row per flow and year in the tidy layout
        (re-importable): Kazakhstan’s exports, imports and turnover from the source each year shows, then{' '}
        {possessive(partner.name)} own reports of the same trade (mirror data).
      </p>
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <PartnerTradeFigure {...props} />
        </div>
        <PartnerBalanceFigure {...props} />
      </div>
      <PartnerShareFigure {...props} />
    </section>
  );
}
