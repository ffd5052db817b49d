import { useLocale, useTranslations } from 'next-intl';
import { ChartFigure } from '@/components/charts/chart-figure';
import { ChartTable, type ChartTableRow } from '@/components/charts/chart-table';
import { BarChart } from '@/components/charts/bar-chart';
import { LineChart } from '@/components/charts/line-chart';
import { DataTableExport } from '@/components/data-table/data-table-export';
import { chartFileName, yearSpan } from '@/lib/charts/chart-download';
import { partnerEmbed } from '@/lib/charts/chart-embed';
import type { ProfileTradeChart } from '@/lib/charts/partner-profile';
import { sourceBreakLabel, sourcesSentence } from '@/lib/charts/provenance-text';
import { localizeBreaks, viewBreaks, type SeriesBreak } from '@/lib/charts/series-breaks';
import { EU27_CODE, EU_CODE, WORLD_PARTNER_CODE } from '@/lib/constants';
import { formatMillions, formatPercent, formatYearRange, possessive } from '@/lib/format';
import { chartTexts, type ChartTexts } from '@/lib/i18n/chart-texts';
import type { Locale } from '@/lib/i18n/locales';
import { localizedEmbed } from '@/lib/i18n/paths';
import type { PartnerSummary } from '@/lib/queries/partner-profile';
import type { SourceAttribution } from '@/lib/queries/source-attribution';

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

/** The words and number format of the page's language, for the three figures. */
function useTradeTexts() {
  const locale = useLocale();
  return {
    t: useTranslations('Profile'),
    marks: useTranslations('Charts'),
    locale,
    texts: chartTexts(locale),
  };
}

/** The marks every table uses (components/charts/chart-table.tsx), in the page's language. */
function valueMarks(marks: ReturnType<typeof useTranslations<'Charts'>>) {
  return { e: marks('marks.e'), d: marks('marks.d'), c: marks('marks.c'), p: marks('marks.p') };
}

/** "Germany’s" in English, the name itself where the sentence puts it in quotes. */
function owner(name: string, locale: Locale): string {
  return locale === 'en' ? possessive(name) : name;
}

/** What the three trade charts draw from: the rows, the shares, the breaks and the table. */
function tradeView(
  { partner, chart, shares, breaks }: Omit<TradeSectionProps, 'sources'>,
  locale: Locale,
  texts: ChartTexts,
) {
  const code = partner.code === EU27_CODE ? EU_CODE : partner.code;
  const range = formatYearRange(chart.fromYear, chart.toYear);
  const shareOf = (year: number) => shares.find((s) => s.year === year)?.share ?? null;
  const changes = chart.breaks.map((b) => ({ year: b.year, label: sourceBreakLabel(b, texts) }));
  const view = { partnerCodes: [code], fromYear: chart.fromYear, toYear: chart.toYear };
  // Known breaks by their catalogue name ("Incomplete coverage" in the page's language).
  const named = localizeBreaks(breaks, texts);
  const valueBreaks = viewBreaks(named, { ...view, measure: 'value' }, changes, texts);
  const shareBreaks = viewBreaks(named, { ...view, measure: 'share' }, changes, texts);
  const table: ChartTableRow[] = chart.rows.map((row) => {
    const share = shareOf(row.year);
    return {
      key: String(row.year),
      header: String(row.year),
      cells: {
        export:
          row.export !== null
            ? { text: formatMillions(row.export, locale), marks: row.isEstimate ? ['e'] : [], value: row.export }
            : undefined,
        import: row.import !== null ? { text: formatMillions(row.import, locale), value: row.import } : undefined,
        turnover:
          row.turnover !== null ? { text: formatMillions(row.turnover, locale), value: row.turnover } : undefined,
        balance: row.balance !== null ? { text: formatMillions(row.balance, locale), value: row.balance } : undefined,
        share: share !== null ? { text: formatPercent(share, 1, locale), value: share } : undefined,
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
  const { t, marks, locale, texts } = useTradeTexts();
  const { range, valueBreaks, table, chartRows, years } = tradeView(props, locale, texts);
  const title =
    chart.fromYear !== null
      ? t('trade.titleRange', { partner: partner.name, range })
      : t('trade.title', { partner: partner.name });
  const usd = t('trade.usdMillion');
  return (
    <ChartFigure
      id="partner-trade"
      testId="partner-trade-figure"
      variant={variant}
      sources={sources}
      officialSeries
      embed={localizedEmbed(locale, partnerEmbed(partner.code, 'trade'))}
      title={title}
      description={t('trade.description', { partner: partner.name })}
      exportContext={t('trade.context')}
      downloadName={chartFileName([partner.code, 'export-import-turnover', years])}
      exportFootnote={`${t('trade.exportFootnote', { range })} ${valueBreaks.sentence} ${texts('officialSeries')} ${sourcesSentence(sources, texts)}`}
      table={
        <ChartTable
          caption={title}
          rowHeaderLabel={t('trade.year')}
          columns={[
            { key: 'export', label: t('trade.exports'), unit: usd },
            { key: 'import', label: t('trade.imports'), unit: usd },
            { key: 'turnover', label: t('trade.turnover'), unit: usd },
            { key: 'balance', label: t('trade.balance'), unit: usd },
            { key: 'share', label: t('trade.share'), unit: t('trade.ofKazTotal') },
          ]}
          rows={table}
          marks={valueMarks(marks)}
          testId="partner-trade-table"
        />
      }
      footnote={
        <>
          <p>{t('trade.footnote', { range })}</p>
          {valueBreaks.sentence ? <p data-testid="partner-trade-breaks">{valueBreaks.sentence}</p> : null}
        </>
      }
    >
      <LineChart
        data={chartRows}
        index="year"
        categories={[
          { key: 'export', label: t('trade.exportsFob') },
          { key: 'import', label: t('trade.importsCif') },
          { key: 'turnover', label: t('trade.turnover') },
        ]}
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
  const { t, marks, locale, texts } = useTradeTexts();
  const { range, valueBreaks, table, chartRows, years } = tradeView(props, locale, texts);
  return (
    <ChartFigure
      id="partner-balance"
      variant={variant}
      sources={sources}
      embed={localizedEmbed(locale, partnerEmbed(partner.code, 'balance'))}
      title={t('balance.title', { range })}
      description={t('balance.description')}
      exportContext={t('balance.context')}
      downloadName={chartFileName([partner.code, 'balance', years])}
      exportFootnote={`${t('balance.exportFootnote')} ${valueBreaks.sentence} ${texts('officialSeries')} ${sourcesSentence(sources, texts)}`}
      footnote={
        <>
          <p>{t('balance.footnote')}</p>
        </>
      }
      table={
        <ChartTable
          caption={t('balance.caption', { partner: partner.name, range })}
          rowHeaderLabel={t('trade.year')}
          columns={[{ key: 'balance', label: t('trade.balance'), unit: t('trade.usdMillion') }]}
          rows={table}
          marks={valueMarks(marks)}
          testId="partner-balance-table"
        />
      }
    >
      <BarChart
        data={chartRows}
        index="year"
        categories={[{ key: 'balance', label: t('trade.balance') }]}
        diverging={{ positive: t('balance.surplus'), negative: t('balance.deficit') }}
        referenceLines={valueBreaks.lines}
        testId="partner-balance-chart"
        height={260}
        title={t('balance.chartTitle')}
      />
    </ChartFigure>
  );
}

/** The partner's share of Kazakhstan's turnover with the world; null when there is none to draw. */
export function PartnerShareFigure({ variant, ...props }: FigureProps) {
  const { partner, shares, sources } = props;
  const { t, locale, texts } = useTradeTexts();
  const { range, shareBreaks, table, years, hasShares } = tradeView(props, locale, texts);
  if (!hasShares) return null;
  const title = t('shareFig.title', { owner: owner(partner.name, locale), range });
  return (
    <ChartFigure
      id="partner-share"
      variant={variant}
      sources={sources}
      embed={localizedEmbed(locale, partnerEmbed(partner.code, 'share'))}
      title={title}
      description={t('shareFig.description')}
      exportContext={t('shareFig.context')}
      downloadName={chartFileName([partner.code, 'share', years])}
      exportFootnote={`${t('shareFig.exportFootnote')} ${shareBreaks.sentence} ${texts('officialSeries')} ${sourcesSentence(sources, texts)}`}
      footnote={
        <>
          <p>{variant === 'embed' ? t('shareFig.embedFootnote') : t('shareFig.footnote')}</p>
          {shareBreaks.sentence ? <p data-testid="partner-share-breaks">{shareBreaks.sentence}</p> : null}
        </>
      }
      table={
        <ChartTable
          caption={title}
          rowHeaderLabel={t('trade.year')}
          columns={[{ key: 'share', label: t('trade.share'), unit: t('trade.ofKazTotal') }]}
          rows={table.filter((row) => row.cells.share)}
          testId="partner-share-table"
        />
      }
    >
      <LineChart
        data={shares}
        index="year"
        categories={[{ key: 'share', label: t('shareFig.category') }]}
        unitKind="share"
        referenceLines={shareBreaks.lines}
        testId="partner-share-chart"
        height={220}
        title={t('shareFig.chartTitle', { owner: owner(partner.name, locale) })}
      />
    </ChartFigure>
  );
}

/** Exports, imports, turnover, balance and share of Kazakhstan's total over time. */
export function TradeSection(props: TradeSectionProps) {
  const { partner, chart } = props;
  const t = useTranslations('Profile.tradeSection');
  const locale = useLocale();
  if (chart.rows.length === 0) return null;
  return (
    <section aria-labelledby="trade-heading" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="trade-heading" className="text-lg font-semibold">
          {t('heading')}
        </h2>
        <DataTableExport hrefs={profileExportHrefs(partner.code)} />
      </div>
      <p className="max-w-3xl text-xs text-muted-foreground">
        {t('downloads', { owner: owner(partner.name, locale) })}
      </p>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <PartnerTradeFigure {...props} />
        </div>
        <PartnerBalanceFigure {...props} />
      </div>
      <PartnerShareFigure {...props} />
    </section>
  );
}
