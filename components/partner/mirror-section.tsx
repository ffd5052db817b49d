import { ChartFigure } from '@/components/charts/chart-figure';
import { ChartTable, VALUE_MARKS, type ChartTableRow } from '@/components/charts/chart-table';
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
import type { MirrorComparison } from '@/lib/queries/partner-profile';
import type { SourceAttribution } from '@/lib/queries/overview';

interface MirrorSectionProps {
  partnerCode: string;
  partnerName: string;
  mirror: MirrorComparison;
  sources: readonly SourceAttribution[];
}

const ratio = (value: number | null) => (value === null ? MISSING : `× ${formatNumber(value, value >= 10 ? 0 : 1)}`);

const MIRROR_SIDES = ['exports', 'imports'] as const;

function mirrorTableRows(rows: ReturnType<typeof toMirrorRows>): ChartTableRow[] {
  return rows.map((r) => {
    const marks = r.hasEstimate ? ['e'] : [];
    return {
      key: String(r.year),
      header: String(r.year),
      cells: {
        kazExport: { text: formatMillions(r.kazExportUsdMn), marks },
        partnerImport: { text: formatMillions(r.partnerImportUsdMn), value: r.partnerImportUsdMn },
        exportGap: { text: formatSignedMillions(r.exportGap.difference) },
        exportRatio: { text: ratio(r.exportGap.ratio) },
        kazImport: { text: formatMillions(r.kazImportUsdMn) },
        partnerExport: { text: formatMillions(r.partnerExportUsdMn), value: r.partnerExportUsdMn },
        importGap: { text: formatSignedMillions(r.importGap.difference) },
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
  const rows = toMirrorRows(mirror.years);
  const years = rows.map((r) => r.year);
  const range = formatYearRange(years[0], years.at(-1));
  const isExports = side === 'exports';
  const title = isExports ? `Kazakhstan’s exports to ${partnerName}` : `Kazakhstan’s imports from ${partnerName}`;
  const partnerLabel = isExports
    ? `as ${partnerName} reports its imports (CIF)`
    : `as ${partnerName} reports its exports (FOB)`;
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
      embed={partnerEmbed(partnerCode, isExports ? 'mirror-exports' : 'mirror-imports')}
      title={`${title}, ${range}`}
      description={`Two lines for one flow: as Kazakhstan reports it, and ${partnerLabel}.`}
      exportContext="USD million, both sides from one IMF DOTS release; linear scale"
      downloadName={chartFileName([partnerCode, 'mirror', side, yearSpan(years[0], years.at(-1))])}
      exportFootnote={`USD million, calendar years ${range}. Both sides from IMF DOTS (one release), so the gap is between reporters, not databases. ${sourcesSentence(sources)}`}
      footnote={
        <>
          <p>
            {variant === 'embed'
              ? 'USD million; both sides from IMF DOTS (one release), so the gap is between reporters, not between databases.'
              : `USD million, calendar years ${range}.`}
          </p>
        </>
      }
      table={
        <ChartTable
          caption={`${title}, ${range}: both records, USD million`}
          rowHeaderLabel="Year"
          columns={
            isExports
              ? [
                  { key: 'kazExport', label: 'KAZ-reported', unit: 'USD million' },
                  { key: 'partnerImport', label: `${partnerName}-reported`, unit: 'USD million' },
                  { key: 'exportGap', label: 'Gap', unit: 'KAZ − partner' },
                ]
              : [
                  { key: 'kazImport', label: 'KAZ-reported', unit: 'USD million' },
                  { key: 'partnerExport', label: `${partnerName}-reported`, unit: 'USD million' },
                  { key: 'importGap', label: 'Gap', unit: 'KAZ − partner' },
                ]
          }
          rows={mirrorTableRows(rows)}
          marks={VALUE_MARKS}
        />
      }
    >
      <LineChart
        data={data}
        index="year"
        categories={[
          { key: 'kaz', label: isExports ? 'Kazakhstan-reported (FOB)' : 'Kazakhstan-reported (CIF)' },
          { key: 'partner', label: `${partnerName}-reported (${isExports ? 'CIF' : 'FOB'})` },
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
  const rows = toMirrorRows(mirror.years);
  const largest = largestMirrorGap(rows);
  const latestBoth = [...rows].reverse().find((r) => r.kazExportUsdMn !== null && r.partnerImportUsdMn !== null);
  const hasData = rows.some((r) => r.partnerImportUsdMn !== null || r.partnerExportUsdMn !== null);

  const tableRows = mirrorTableRows(rows);

  return (
    <section aria-labelledby="mirror-heading" className="space-y-3" data-testid="mirror-section">
      <h2 id="mirror-heading" className="text-lg font-semibold">
        Kazakhstan’s statistics and {possessive(partnerName)}, side by side
      </h2>
      <div className="max-w-3xl space-y-2 text-sm text-muted-foreground">
        <p>
          Every flow is recorded twice: Kazakhstan’s exports to {partnerName} are {possessive(partnerName)} imports from
          Kazakhstan. The two records rarely match, and they are shown next to each other, never added. The usual
          causes:
        </p>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            <span className="font-medium text-foreground">Attribution of crude oil:</span> Kazakhstan records exports by
            declared destination; importers record them by origin. Oil sold through traders or shipped via third
            countries can appear as an export to one country (e.g. the Netherlands, Italy, Switzerland) and as nobody’s
            import from Kazakhstan there.
          </li>
          <li>
            <span className="font-medium text-foreground">Valuation:</span> exports are valued free on board (FOB),
            imports including cost, insurance and freight (CIF), so imports read some percent higher for the same goods.
          </li>
          <li>
            <span className="font-medium text-foreground">Timing and coverage:</span> goods in transit at the year end,
            re-exports, confidential items and different thresholds.
          </li>
        </ul>
        {latestBoth ? (
          <p className="text-foreground" data-testid="latest-gap">
            In {latestBoth.year}, Kazakhstan reported {formatUsdMillions(latestBoth.kazExportUsdMn)} of exports to{' '}
            {partnerName}; {partnerName} reported {formatUsdMillions(latestBoth.partnerImportUsdMn)} of imports from
            Kazakhstan
            {latestBoth.exportGap.ratio !== null ? ` (${ratio(latestBoth.exportGap.ratio)})` : ''}.
          </p>
        ) : null}
        {largest && largest.year !== latestBoth?.year ? (
          <p className="text-foreground" data-testid="largest-gap">
            Largest gap: in {largest.year}, Kazakhstan reported {formatUsdMillions(largest.kaz)} of{' '}
            {largest.side === 'export' ? `exports to ${partnerName}` : `imports from ${partnerName}`}; {partnerName}{' '}
            reported {formatUsdMillions(largest.partner)} of{' '}
            {largest.side === 'export' ? 'imports from Kazakhstan' : 'exports to Kazakhstan'}.
          </p>
        ) : null}
      </div>
      {!hasData ? (
        <p
          data-empty="true"
          className="rounded-md border border-dashed border-border px-3 py-4 text-sm text-muted-foreground"
        >
          {partnerName} does not report its trade with Kazakhstan to the IMF’s Direction of Trade Statistics in this
          release (or reports it only as part of a group), so there is nothing to compare.
        </p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
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
          <summary className="cursor-pointer px-3 py-2 text-sm font-medium hover:bg-muted">
            Both records year by year, with the gap
          </summary>
          <div className="border-t border-border p-2">
            <ChartTable
              caption={`Kazakhstan-reported and ${partnerName}-reported trade, USD million`}
              rowHeaderLabel="Year"
              columns={[
                { key: 'kazExport', label: 'Exports, KAZ-reported', unit: 'USD million' },
                { key: 'partnerImport', label: `Imports, ${partnerName}-reported`, unit: 'USD million' },
                { key: 'exportGap', label: 'Gap', unit: 'KAZ − partner' },
                { key: 'exportRatio', label: 'Ratio', unit: 'KAZ ÷ partner' },
                { key: 'kazImport', label: 'Imports, KAZ-reported', unit: 'USD million' },
                { key: 'partnerExport', label: `Exports, ${partnerName}-reported`, unit: 'USD million' },
                { key: 'importGap', label: 'Gap', unit: 'KAZ − partner' },
              ]}
              rows={tableRows}
              marks={VALUE_MARKS}
              testId="mirror-table"
            />
          </div>
        </details>
      ) : null}
    </section>
  );
}
