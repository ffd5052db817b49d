// Columns of the partner list, built for one year and growth window (they appear in the
// headers). Column ids are the URL's sort keys (lib/search-params/partner-list.ts). Money is USD
// million, as headers say; each cell's tooltip names the year and the source.
import Link from 'next/link';
import { DataTableColumnHeader } from '@/components/data-table/data-table-column-header';
import { createDataTableColumnHelper } from '@/components/data-table/data-table-features';
import {
  formatMillions,
  formatNumber,
  formatPercent,
  formatSignedPercent,
  formatUsdMillions,
  MISSING,
} from '@/lib/format';
import { breaksBetween, type SeriesBreak } from '@/lib/charts/series-breaks';
import { MEMBERSHIP_GROUP_LABELS } from '@/lib/membership-groups';
import { qualifierDisplay } from '@/lib/qualifiers';
import type { PartnerListRow } from '@/lib/queries/partner-list';
import { Sparkline } from './sparkline';

const helper = createDataTableColumnHelper<PartnerListRow>();

export interface PartnerListColumnContext {
  year: number;
  window: number;
  /** Short names of sources by id, for tooltips. */
  sourceNames: Record<string, string>;
  sparklines: Record<string, { year: number; valueUsdMn: number }[]>;
  sparklineFrom: number;
  /** Ranks are shown for countries only: groups overlap each other. */
  ranked: boolean;
  /** Known breaks in the official series, to mark comparisons that span one. */
  breaks: SeriesBreak[];
}

function Money({ value, estimate, title }: { value: number | null; estimate?: boolean; title: string }) {
  if (value === null) return <span title={title}>{MISSING}</span>;
  return (
    <span title={title} className="whitespace-nowrap">
      {formatMillions(value)}
      {estimate ? (
        <abbr
          title="Estimate, or computed from one"
          className="ml-0.5 align-super text-[0.65rem] text-muted-foreground no-underline"
        >
          e
        </abbr>
      ) : null}
    </span>
  );
}

/** A dagger after a comparison whose two years come from different sources, or span a known break. */
function SourceBreak({ show, breaks = [] }: { show: boolean; breaks?: string[] }) {
  if (!show && breaks.length === 0) return null;
  const reasons = [
    ...(show ? ['the two years come from different sources (IMF DOTS and the Bureau of National Statistics)'] : []),
    ...breaks.map((label) => `the years span a break in the series: ${label}`),
  ];
  return (
    <abbr
      title={`Not like with like: ${reasons.join('; ')}`}
      className="ml-0.5 text-muted-foreground no-underline"
      data-testid="comparison-break"
    >
      †
    </abbr>
  );
}

function RankChange({ row }: { row: PartnerListRow }) {
  if (row.rank === null) return <span>{MISSING}</span>;
  if (row.previousRank === null)
    return (
      <span className="text-xs text-muted-foreground" title="No turnover the year before">
        new
      </span>
    );
  const change = row.rankChange ?? 0;
  if (change === 0) return <span title={`Rank ${row.previousRank} the year before`}>=</span>;
  const up = change > 0;
  return (
    <span title={`Rank ${row.previousRank} the year before`} className="whitespace-nowrap">
      <span aria-hidden="true">{up ? '▲' : '▼'}</span> {Math.abs(change)}
      <span className="sr-only">{up ? ' places up' : ' places down'}</span>
    </span>
  );
}

export function partnerListColumns(ctx: PartnerListColumnContext) {
  const { year, window } = ctx;
  const source = (id: string | null) => (id ? (ctx.sourceNames[id] ?? id) : 'no source');
  const usd = `USD million, ${year}`;
  return helper.columns([
    // The measures of the question asked most (size, share, change, growth, trend) come first, so they fit on a laptop screen.
    helper.accessor('rank', {
      id: 'rank',
      header: ({ column }) => (
        <DataTableColumnHeader column={column} title="Rank" unit={ctx.ranked ? String(year) : 'none'} />
      ),
      cell: ({ getValue }) => {
        const rank = getValue();
        return rank === null ? MISSING : <span className="font-medium">{rank}</span>;
      },
      sortDescFirst: false,
      enableSorting: ctx.ranked,
      meta: { label: 'Rank', align: 'end' },
    }),
    helper.accessor('rankChange', {
      id: 'rank_change',
      header: ({ column }) => <DataTableColumnHeader column={column} title="Δ rank" unit={`vs ${year - 1}`} />,
      cell: ({ row }) => <RankChange row={row.original} />,
      sortDescFirst: true,
      enableSorting: ctx.ranked,
      meta: { label: 'Rank change', align: 'end' },
    }),
    helper.accessor('name', {
      id: 'name',
      header: ({ column }) => <DataTableColumnHeader column={column} title="Partner" />,
      cell: ({ row }) => (
        // No prefetch: a page of partners would fetch every profile in view.
        <Link href={`/partners/${row.original.code}`} prefetch={false} className="underline-offset-2 hover:underline">
          {row.original.name}{' '}
          <span className="font-mono text-xs whitespace-nowrap text-muted-foreground">{row.original.code}</span>
        </Link>
      ),
      sortDescFirst: false,
      meta: { label: 'Partner', isRowHeader: true, className: 'min-w-44 max-w-64' },
    }),
    helper.display({
      id: 'groups',
      header: () => (
        <span className="flex flex-col leading-tight">
          Groups<span className="text-xs font-normal text-muted-foreground">in {year}</span>
        </span>
      ),
      cell: ({ row }) => (
        <span className="flex min-w-24 flex-wrap gap-1">
          {row.original.groups.map((g) => (
            <span
              key={g}
              className="rounded border border-border px-1 text-[0.7rem] leading-4 whitespace-nowrap text-muted-foreground"
            >
              {MEMBERSHIP_GROUP_LABELS[g]}
            </span>
          ))}
        </span>
      ),
      meta: { label: 'Groups' },
    }),
    helper.accessor('turnoverUsdMn', {
      id: 'turnover',
      header: ({ column }) => <DataTableColumnHeader column={column} title="Turnover" unit={usd} />,
      cell: ({ row }) => (
        <Money
          value={row.original.turnoverUsdMn}
          estimate={row.original.turnoverIsEstimate}
          title={`Turnover ${year}: ${formatUsdMillions(row.original.turnoverUsdMn)} · ${source(row.original.sourceId)}`}
        />
      ),
      sortDescFirst: true,
      meta: { label: 'Turnover', align: 'end' },
    }),
    helper.accessor('share', {
      id: 'share',
      header: ({ column }) => (
        <DataTableColumnHeader column={column} title="Share" unit={`of Kazakhstan’s total, ${year}`} />
      ),
      cell: ({ getValue }) => (
        <span title={`Share of Kazakhstan’s total turnover with the world in ${year}`}>
          {formatPercent(getValue())}
        </span>
      ),
      sortDescFirst: true,
      meta: { label: 'Share', align: 'end' },
    }),
    helper.accessor('change', {
      id: 'change',
      header: ({ column }) => <DataTableColumnHeader column={column} title="Change" unit={`turnover vs ${year - 1}`} />,
      cell: ({ row }) => (
        <span
          className="whitespace-nowrap"
          title={`Turnover ${year - 1}: ${formatUsdMillions(row.original.previousTurnoverUsdMn)}; ${year}: ${formatUsdMillions(row.original.turnoverUsdMn)}`}
        >
          {formatSignedPercent(row.original.change)}
          {row.original.change !== null ? (
            <SourceBreak
              show={row.original.changeSourceBreak}
              breaks={breaksBetween(ctx.breaks, row.original.code, 'value', year - 1, year).map((b) => b.label)}
            />
          ) : null}
        </span>
      ),
      sortDescFirst: true,
      meta: { label: 'Change on the year', align: 'end' },
    }),
    helper.accessor('cagr', {
      id: 'cagr',
      header: ({ column }) => (
        <DataTableColumnHeader column={column} title="Growth p.a." unit={`CAGR ${year - window}–${year}`} />
      ),
      cell: ({ row }) => (
        <span
          className="whitespace-nowrap"
          title={`Compound annual growth of turnover from ${formatUsdMillions(row.original.startTurnoverUsdMn)} in ${year - window} to ${formatUsdMillions(row.original.turnoverUsdMn)} in ${year}`}
        >
          {formatSignedPercent(row.original.cagr)}
          {row.original.cagr !== null ? (
            <SourceBreak
              show={row.original.cagrSourceBreak}
              breaks={breaksBetween(ctx.breaks, row.original.code, 'value', year - window, year).map((b) => b.label)}
            />
          ) : null}
        </span>
      ),
      sortDescFirst: true,
      meta: { label: `Growth p.a. (${window} years)`, align: 'end' },
    }),
    helper.display({
      id: 'trend',
      header: () => (
        <span className="flex flex-col leading-tight">
          Trend
          <span className="text-xs font-normal text-muted-foreground">
            turnover {ctx.sparklineFrom}–{year}
          </span>
        </span>
      ),
      cell: ({ row }) => (
        <Sparkline points={ctx.sparklines[row.original.code] ?? []} fromYear={ctx.sparklineFrom} toYear={year} />
      ),
      meta: { label: 'Trend' },
    }),
    helper.accessor('exportUsdMn', {
      id: 'export',
      header: ({ column }) => <DataTableColumnHeader column={column} title="Exports" unit={usd} />,
      cell: ({ row }) => (
        <Money
          value={row.original.exportUsdMn}
          estimate={row.original.exportIsEstimate}
          title={`Exports ${year}: ${formatUsdMillions(row.original.exportUsdMn)} · ${source(row.original.sourceId)}`}
        />
      ),
      sortDescFirst: true,
      meta: { label: 'Exports', align: 'end' },
    }),
    helper.accessor('importUsdMn', {
      id: 'import',
      header: ({ column }) => <DataTableColumnHeader column={column} title="Imports" unit={usd} />,
      cell: ({ row }) => (
        <Money
          value={row.original.importUsdMn}
          estimate={row.original.importIsEstimate}
          title={`Imports ${year}: ${formatUsdMillions(row.original.importUsdMn)} · ${source(row.original.sourceId)}`}
        />
      ),
      sortDescFirst: true,
      meta: { label: 'Imports', align: 'end' },
    }),
    helper.accessor('balanceUsdMn', {
      id: 'balance',
      header: ({ column }) => (
        <DataTableColumnHeader column={column} title="Balance" unit={`exports − imports, ${year}`} />
      ),
      cell: ({ getValue }) => {
        const value = getValue();
        return (
          <span title={`Balance ${year}: exports minus imports, USD million`} className="whitespace-nowrap">
            {value === null ? MISSING : `${value > 0 ? '+' : value < 0 ? '−' : ''}${formatMillions(Math.abs(value))}`}
          </span>
        );
      },
      sortDescFirst: true,
      meta: { label: 'Balance', align: 'end' },
    }),
    helper.accessor('agreements', {
      id: 'agreements',
      header: ({ column }) => <DataTableColumnHeader column={column} title="Agreements" unit="on record, all years" />,
      cell: ({ getValue }) => (
        <span title="Agreements concluded with this partner as a party: in force, signed, memoranda and roadmaps (DESTA trade agreements and those named in the source articles); negotiations and plans are not counted. The profile lists them by status">
          {formatNumber(getValue(), 0)}
        </span>
      ),
      sortDescFirst: true,
      meta: { label: 'Agreements', align: 'end' },
    }),
    helper.accessor('fdiUsdMn', {
      id: 'investment',
      header: ({ column }) => (
        <DataTableColumnHeader column={column} title="Investment" unit="FDI gross inflow, USD million" />
      ),
      cell: ({ row }) => {
        const r = row.original;
        if (r.fdiUsdMn === null)
          return <span title="No annual FDI inflow from this partner in the database">{MISSING}</span>;
        const { symbol, label } = qualifierDisplay(r.fdiQualifier ?? 'EXACT');
        return (
          <span
            className="whitespace-nowrap"
            title={`Gross FDI inflow from ${r.name} in ${r.fdiYear}: ${label.toLowerCase()} ${formatUsdMillions(r.fdiUsdMn)} · ${source(r.fdiSourceId)} (secondary, rounded)`}
          >
            {symbol ? <span className="text-muted-foreground">{symbol}</span> : null}
            {formatMillions(r.fdiUsdMn)} <span className="text-xs text-muted-foreground">{r.fdiYear}</span>
          </span>
        );
      },
      sortDescFirst: true,
      meta: { label: 'Investment', align: 'end' },
    }),
  ]);
}
