import Link from 'next/link';
import { DataTableColumnHeader } from '@/components/data-table/data-table-column-header';
import { createDataTableColumnHelper } from '@/components/data-table/data-table-features';
import { disagreementSentence } from '@/lib/charts/mirror-text';
import { formatMillions, MISSING } from '@/lib/format';
import type { MirrorGapRow } from '@/lib/queries/mirror';
import type { MirrorFlow } from '@/lib/search-params/mirror';

const helper = createDataTableColumnHelper<MirrorGapRow>();

const signed = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : ''}${formatMillions(Math.abs(value))}`;

/** The disagreement table's columns; which record is which depends on the flow. */
export function mirrorColumns(flow: MirrorFlow) {
  const kaz = flow === 'export' ? 'Kazakhstan’s exports' : 'Kazakhstan’s imports';
  const partner = flow === 'export' ? 'Partner’s imports from it' : 'Partner’s exports to it';
  return helper.columns([
    helper.accessor('partnerName', {
      id: 'partner',
      header: ({ column }) => <DataTableColumnHeader column={column} title="Partner" />,
      cell: ({ row }) => (
        <Link
          href={`/partners/${row.original.partnerCode}#mirror-heading`}
          prefetch={false}
          className="underline-offset-2 hover:underline"
        >
          {row.original.partnerName}{' '}
          <span className="font-mono text-xs whitespace-nowrap text-muted-foreground">{row.original.partnerCode}</span>
        </Link>
      ),
      sortDescFirst: false,
      meta: { label: 'Partner', isRowHeader: true, className: 'min-w-40' },
    }),
    helper.accessor('year', {
      id: 'year',
      header: ({ column }) => <DataTableColumnHeader column={column} title="Year" />,
      cell: ({ getValue }) => getValue(),
      sortDescFirst: true,
      meta: { label: 'Year', align: 'end' },
    }),
    helper.accessor('kazUsdMn', {
      id: 'kaz',
      header: ({ column }) => (
        <DataTableColumnHeader column={column} title={kaz} unit="as Kazakhstan reports, USD mn" />
      ),
      cell: ({ row }) => (
        <span className="tabular-nums">
          {formatMillions(row.original.kazUsdMn)}
          {row.original.hasEstimate ? (
            <abbr
              title="An IMF estimate on one side or both"
              className="ml-0.5 text-xs text-muted-foreground no-underline"
            >
              e
            </abbr>
          ) : null}
        </span>
      ),
      sortDescFirst: true,
      meta: { label: kaz, align: 'end' },
    }),
    helper.accessor('partnerUsdMn', {
      id: 'partner_value',
      header: ({ column }) => (
        <DataTableColumnHeader column={column} title={partner} unit="as the partner reports, USD mn" />
      ),
      cell: ({ getValue }) => <span className="tabular-nums">{formatMillions(getValue())}</span>,
      sortDescFirst: true,
      meta: { label: partner, align: 'end' },
    }),
    helper.accessor('gapUsdMn', {
      // Sorted by size, whichever side records more.
      id: 'abs_gap',
      header: ({ column }) => <DataTableColumnHeader column={column} title="Gap" unit="Kazakhstan − partner, USD mn" />,
      cell: ({ getValue }) => <span className="tabular-nums">{signed(getValue())}</span>,
      sortDescFirst: true,
      meta: { label: 'Gap', align: 'end' },
    }),
    helper.accessor('ratio', {
      id: 'ratio',
      header: ({ column }) => <DataTableColumnHeader column={column} title="How far apart" />,
      cell: ({ row }) =>
        row.original.ratio === null && row.original.partnerUsdMn === 0 && row.original.kazUsdMn === 0 ? (
          MISSING
        ) : (
          <span data-testid="mirror-sentence">
            {disagreementSentence(row.original.kazUsdMn, row.original.partnerUsdMn, row.original.partnerName)}
          </span>
        ),
      sortDescFirst: true,
      meta: { label: 'How far apart', className: 'min-w-56' },
    }),
  ]);
}
