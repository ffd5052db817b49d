// Columns of the compare summary. Column ids are the URL sort keys (lib/search-params/compare.ts).
// Amounts are in the view's currency (USD as published, or EUR converted), named in the headers.
import Link from 'next/link';
import { DataTableColumnHeader } from '@/components/data-table/data-table-column-header';
import { createDataTableColumnHelper } from '@/components/data-table/data-table-features';
import type { CompareSummaryRow } from '@/lib/charts/compare-series';
import { formatMillions, formatPercent, formatSignedPercent, formatYear, MISSING } from '@/lib/format';

const helper = createDataTableColumnHelper<CompareSummaryRow>();

function AmountWithYear({ amount, year }: { amount: number | null; year: number | null }) {
  if (amount === null) return <>{MISSING}</>;
  return (
    <>
      {formatMillions(amount)} <span className="text-xs text-muted-foreground">({formatYear(year)})</span>
    </>
  );
}

export function compareSummaryColumns(currency: 'USD' | 'EUR', flowLabel: string) {
  const unit = `${currency} million`;
  return helper.columns([
    helper.accessor('name', {
      id: 'partner',
      header: ({ column }) => <DataTableColumnHeader column={column} title="Partner" />,
      cell: ({ row }) => (
        <Link
          href={`/partners/${row.original.code}`}
          className="underline decoration-border underline-offset-2 hover:decoration-current"
        >
          {row.original.name}
        </Link>
      ),
      sortDescFirst: false,
      meta: { isRowHeader: true, className: 'min-w-36' },
    }),
    helper.accessor('firstAmount', {
      id: 'first',
      header: ({ column }) => <DataTableColumnHeader column={column} title={`${flowLabel}, first year`} unit={unit} />,
      cell: ({ row }) => <AmountWithYear amount={row.original.firstAmount} year={row.original.firstYear} />,
      sortDescFirst: true,
      meta: { align: 'end' },
    }),
    helper.accessor('lastAmount', {
      id: 'last',
      header: ({ column }) => <DataTableColumnHeader column={column} title={`${flowLabel}, last year`} unit={unit} />,
      cell: ({ row }) => <AmountWithYear amount={row.original.lastAmount} year={row.original.lastYear} />,
      sortDescFirst: true,
      meta: { align: 'end' },
    }),
    helper.accessor('change', {
      id: 'change',
      header: ({ column }) => <DataTableColumnHeader column={column} title="Change" unit={unit} />,
      cell: ({ getValue }) => {
        const value = getValue();
        return value === null ? MISSING : `${value > 0 ? '+' : value < 0 ? '−' : ''}${formatMillions(Math.abs(value))}`;
      },
      sortDescFirst: true,
      meta: { align: 'end' },
    }),
    helper.accessor('growth', {
      id: 'growth',
      header: ({ column }) => <DataTableColumnHeader column={column} title="Growth" unit="% a year (compound)" />,
      cell: ({ getValue, row }) => (
        <>
          {formatSignedPercent(getValue())}
          {row.original.breaks.length > 0 ? (
            <span className="block text-xs text-muted-foreground" data-testid="summary-breaks">
              across {row.original.breaks.join(', ')}
            </span>
          ) : null}
        </>
      ),
      sortDescFirst: true,
      meta: { align: 'end' },
    }),
    helper.accessor('share', {
      id: 'share',
      header: ({ column }) => (
        <DataTableColumnHeader column={column} title="Share, last year" unit="% of Kazakhstan’s total" />
      ),
      cell: ({ getValue }) => formatPercent(getValue()),
      sortDescFirst: true,
      meta: { align: 'end' },
    }),
  ]);
}
