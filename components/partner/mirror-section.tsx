import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { ChartFigure } from '@/components/charts/chart-figure';
import { ChartTable, type ChartTableRow } from '@/components/charts/chart-table';
import { LineChart } from '@/components/charts/line-chart';
import { chartFileName, yearSpan } from '@/lib/charts/chart-download';
import { partnerEmbed } from '@/lib/charts/chart-embed';
import { largestMirrorGap, toMirrorRows } from '@/lib/charts/partner-profile';
import { sourcesSentence } from '@/lib/charts/provenance-text';
import {
  formatMillions,
  formatNumber,
  formatSignedMillions,
  formatUsdMillions,
  formatYearRange,
  MISSING,
  possessive,
} from '@/lib/format';
import { chartTexts } from '@/lib/i18n/chart-texts';
import type { Locale } from '@/lib/i18n/locales';
import { localizedEmbed } from '@/lib/i18n/paths';
import type { MirrorComparison } from '@/lib/queries/partner-profile';
import type { SourceAttribution } from '@/lib/queries/overview';

interface MirrorSectionProps {
  partnerCode: string;
  partnerName: string;
  mirror: MirrorComparison;
  sources: readonly SourceAttribution[];
}

const ratio = (value: number | null, locale: Locale) =>
  value === null ? MISSING : `× ${formatNumber(value, value >= 10 ? 0 : 1, locale)}`;

/** "Germany’s" in English, the name itself where the sentence puts it in quotes. */
const owner = (name: string, locale: Locale) => (locale === 'en' ? possessive(name) : name);

/** The marks of components/charts/chart-table.tsx in the page's language. */
function useValueMarks() {
  const t = useTranslations('Charts');
  return { e: t('marks.e'), d: t('marks.d'), c: t('marks.c'), p: t('marks.p') };
}

const MIRROR_SIDES = ['exports', 'imports'] as const;

function mirrorTableRows(rows: ReturnType<typeof toMirrorRows>, locale: Locale): ChartTableRow[] {
  return rows.map((r) => {
    const marks = r.hasEstimate ? ['e'] : [];
    return {
      key: String(r.year),
      header: String(r.year),
      cells: {
        kazExport: { text: formatMillions(r.kazExportUsdMn, locale), marks },
        partnerImport: { text: formatMillions(r.partnerImportUsdMn, locale), value: r.partnerImportUsdMn },
        exportGap: { text: formatSignedMillions(r.exportGap.difference, locale) },
        exportRatio: { text: ratio(r.exportGap.ratio, locale) },
        kazImport: { text: formatMillions(r.kazImportUsdMn, locale) },
        partnerExport: { text: formatMillions(r.partnerExportUsdMn, locale), value: r.partnerExportUsdMn },
        importGap: { text: formatSignedMillions(r.importGap.difference, locale) },
      },
    };
  });
}

interface MirrorFigureProps extends MirrorSectionProps {
  /** Kazakhstan's exports against the partner's imports, or its imports against the partner's exports. */
  side: (typeof MIRROR_SIDES)[number];
  /** `embed` on /embed/partners/<code>/mirror-exports or mirror-imports. */
  variant?: 'card' | 'embed';
}

/** One flow as both sides record it: two lines, never added. */
export function MirrorFigure({ side, partnerCode, partnerName, mirror, sources, variant }: MirrorFigureProps) {
  const t = useTranslations('Mirror');
  const locale = useLocale();
  const marks = useValueMarks();
  const rows = toMirrorRows(mirror.years);
  const years = rows.map((r) => r.year);
  const range = formatYearRange(years[0], years.at(-1));
  const isExports = side === 'exports';
  const partner = { partner: partnerName };
  const title = isExports ? t('exportsTitle', partner) : t('importsTitle', partner);
  const partnerLabel = isExports ? t('partnerImports', partner) : t('partnerExports', partner);
  const usd = t('usdMillion');
  const data = rows.map((r) =>
    isExports
      ? { year: r.year, kaz: r.kazExportUsdMn, partner: r.partnerImportUsdMn }
      : { year: r.year, kaz: r.kazImportUsdMn, partner: r.partnerExportUsdMn },
  );
  return (
    <ChartFigure
      id={`mirror-${side}`}
      variant={variant}
      sources={sources}
      embed={localizedEmbed(locale, partnerEmbed(partnerCode, isExports ? 'mirror-exports' : 'mirror-imports'))}
      title={t('titleRange', { title, range })}
      description={t('description', { partnerLabel })}
      exportContext={t('context')}
      downloadName={chartFileName([partnerCode, 'mirror', side, yearSpan(years[0], years.at(-1))])}
      exportFootnote={`${t('exportFootnote', { range })} ${sourcesSentence(sources, chartTexts(locale))}`}
      footnote={
        <>
          <p>{variant === 'embed' ? t('embedFootnote') : t('footnote', { range })}</p>
        </>
      }
      table={
        <ChartTable
          caption={t('caption', { title, range })}
          rowHeaderLabel={t('year')}
          columns={
            isExports
              ? [
                  { key: 'kazExport', label: t('kazReported'), unit: usd },
                  { key: 'partnerImport', label: t('partnerReported', partner), unit: usd },
                  { key: 'exportGap', label: t('gap'), unit: t('gapUnit') },
                ]
              : [
                  { key: 'kazImport', label: t('kazReported'), unit: usd },
                  { key: 'partnerExport', label: t('partnerReported', partner), unit: usd },
                  { key: 'importGap', label: t('gap'), unit: t('gapUnit') },
                ]
          }
          rows={mirrorTableRows(rows, locale)}
          marks={marks}
        />
      }
    >
      <LineChart
        data={data}
        index="year"
        categories={[
          { key: 'kaz', label: isExports ? t('kazFob') : t('kazCif') },
          {
            key: 'partner',
            label: t('partnerLine', { partner: partnerName, basis: isExports ? t('basisCif') : t('basisFob') }),
          },
        ]}
        height={240}
        testId={`mirror-${side}-chart`}
        title={title}
      />
    </ChartFigure>
  );
}

/**
 * The same trade as each side records it, side by side and never added: Kazakhstan's exports
 * against the partner's imports from Kazakhstan, and Kazakhstan's imports against the partner's
 * exports to Kazakhstan, with the gap and why such gaps arise.
 */
export function MirrorSection({ partnerCode, partnerName, mirror, sources }: MirrorSectionProps) {
  const t = useTranslations('Mirror');
  const locale = useLocale();
  const marks = useValueMarks();
  const b = (chunks: ReactNode) => <span className="font-medium text-foreground">{chunks}</span>;
  const usd = (value: number | null) => formatUsdMillions(value, locale);
  const rows = toMirrorRows(mirror.years);
  const largest = largestMirrorGap(rows);
  const latestBoth = [...rows].reverse().find((r) => r.kazExportUsdMn !== null && r.partnerImportUsdMn !== null);
  const hasData = rows.some((r) => r.partnerImportUsdMn !== null || r.partnerExportUsdMn !== null);

  const tableRows = mirrorTableRows(rows, locale);

  return (
    <section aria-labelledby="mirror-heading" className="space-y-3" data-testid="mirror-section">
      <h2 id="mirror-heading" className="text-lg font-semibold">
        {t('heading', { owner: owner(partnerName, locale) })}
      </h2>
      <div className="max-w-3xl space-y-2 text-sm text-muted-foreground">
        <p>{t('intro', { partner: partnerName, owner: owner(partnerName, locale) })}</p>
        <ul className="list-disc space-y-1 pl-5">
          <li>{t.rich('causeOil', { b })}</li>
          <li>{t.rich('causeValuation', { b })}</li>
          <li>{t.rich('causeTiming', { b })}</li>
        </ul>
        {latestBoth ? (
          <p className="text-foreground" data-testid="latest-gap">
            {t('latest', {
              year: String(latestBoth.year),
              kaz: usd(latestBoth.kazExportUsdMn),
              other: usd(latestBoth.partnerImportUsdMn),
              partner: partnerName,
              ratio: latestBoth.exportGap.ratio !== null ? ` (${ratio(latestBoth.exportGap.ratio, locale)})` : '',
            })}
          </p>
        ) : null}
        {largest && largest.year !== latestBoth?.year ? (
          <p className="text-foreground" data-testid="largest-gap">
            {t(largest.side === 'export' ? 'largestExport' : 'largestImport', {
              year: String(largest.year),
              kaz: usd(largest.kaz),
              other: usd(largest.partner),
              partner: partnerName,
            })}
          </p>
        ) : null}
      </div>
      {!hasData ? (
        <p
          data-empty="true"
          className="rounded-md border border-dashed border-border px-3 py-4 text-sm text-muted-foreground"
        >
          {t('none', { partner: partnerName })}
        </p>
      ) : (
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          {MIRROR_SIDES.map((side) => (
            <MirrorFigure
              key={side}
              side={side}
              partnerCode={partnerCode}
              partnerName={partnerName}
              mirror={mirror}
              sources={sources}
            />
          ))}
        </div>
      )}
      {hasData ? (
        <details className="rounded-lg border border-border bg-card">
          <summary className="cursor-pointer px-3 py-2 text-sm font-medium hover:bg-muted">{t('tableSummary')}</summary>
          <div className="border-t border-border p-2">
            <ChartTable
              caption={t('tableCaption', { partner: partnerName })}
              rowHeaderLabel={t('year')}
              columns={[
                { key: 'kazExport', label: t('exportsKaz'), unit: t('usdMillion') },
                { key: 'partnerImport', label: t('importsPartner', { partner: partnerName }), unit: t('usdMillion') },
                { key: 'exportGap', label: t('gap'), unit: t('gapUnit') },
                { key: 'exportRatio', label: t('ratio'), unit: t('ratioUnit') },
                { key: 'kazImport', label: t('importsKaz'), unit: t('usdMillion') },
                { key: 'partnerExport', label: t('exportsPartner', { partner: partnerName }), unit: t('usdMillion') },
                { key: 'importGap', label: t('gap'), unit: t('gapUnit') },
              ]}
              rows={tableRows}
              marks={marks}
              testId="mirror-table"
            />
          </div>
        </details>
      ) : null}
    </section>
  );
}
