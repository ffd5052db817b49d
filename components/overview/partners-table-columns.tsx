// Columns of the partner table. Column ids are the URL sort keys (lib/search-params/overview.ts),
// so a header click maps straight to `?sort=<id>`. Values are USD million; units sit in headers.
import Link from 'next/link';
import { DataTableColumnHeader } from '@/components/data-table/data-table-column-header';
import { createDataTableColumnHelper } from '@/components/data-table/data-table-features';
import type { PartnerKind } from '@/lib/generated/prisma/enums';
import { formatMillions, formatPercent } from '@/lib/format';
import type { PartnerTableRow } from '@/lib/queries/overview';

const helper = createDataTableColumnHelper<PartnerTableRow>();

export const PARTNER_KIND_LABELS: Record<PartnerKind, string> = {
  COUNTRY: 'Country',
  HISTORICAL: 'Former country',
  GROUP: 'Group',
  OTHER: 'Other',
};

function Millions({ value, isEstimate, isDerived }: { value: number | null; isEstimate: boolean; isDerived: boolean }) {
  return (
    <>
      {formatMillions(value)}
      {value !== null && isEstimate ? (
        <abbr
          title="IMF estimate, or computed from one"
          className="ml-0.5 align-super text-[0.65rem] text-muted-foreground no-underline"
        >
          e
        </abbr>
      ) : null}
      {value !== null && isDerived ? (
        <abbr
          title="Derived: exports + imports, or summed from members or months"
          className="ml-0.5 align-super text-[0.65rem] text-muted-foreground no-underline"
        >
          d
        </abbr>
      ) : null}
    </>
  );
}

export const partnersTableColumns = helper.columns([
  helper.accessor('name', {
    id: 'name',
    header: ({ column }) => <DataTableColumnHeader column={column} title="Partner" />,
    cell: ({ row }) => (
      <>
        <Link
          href={`/partners/${row.original.code}`}
          className="underline decoration-border underline-offset-2 hover:decoration-current"
        >
          {row.original.name}
        </Link>{' '}
        <span className="font-mono text-xs whitespace-nowrap text-muted-foreground">{row.original.code}</span>
      </>
    ),
    sortDescFirst: false,
    meta: { isRowHeader: true, className: 'min-w-40 max-w-72' },
  }),
  helper.accessor('kind', {
    id: 'kind',
    header: ({ column }) => <DataTableColumnHeader column={column} title="Kind" />,
    cell: ({ getValue }) => (
      <span className="whitespace-nowrap text-muted-foreground">{PARTNER_KIND_LABELS[getValue()]}</span>
    ),
    enableSorting: false,
  }),
  helper.accessor('exportUsdMn', {
    id: 'export',
    header: ({ column }) => <DataTableColumnHeader column={column} title="Exports" unit="USD million" />,
    cell: ({ row }) => (
      <Millions
        value={row.original.exportUsdMn}
        isEstimate={row.original.exportIsEstimate}
        isDerived={row.original.exportIsDerived}
      />
    ),
    sortDescFirst: true,
    meta: { align: 'end' },
  }),
  helper.accessor('importUsdMn', {
    id: 'import',
    header: ({ column }) => <DataTableColumnHeader column={column} title="Imports" unit="USD million" />,
    cell: ({ row }) => (
      <Millions
        value={row.original.importUsdMn}
        isEstimate={row.original.importIsEstimate}
        isDerived={row.original.importIsDerived}
      />
    ),
    sortDescFirst: true,
    meta: { align: 'end' },
  }),
  helper.accessor('turnoverUsdMn', {
    id: 'turnover',
    header: ({ column }) => <DataTableColumnHeader column={column} title="Turnover" unit="USD million" />,
    cell: ({ row }) => (
      <Millions
        value={row.original.turnoverUsdMn}
        isEstimate={row.original.turnoverIsEstimate}
        // Turnover is exports plus imports by definition; the note under the table says so once,
        // instead of a "d" in every cell of the column.
        isDerived={false}
      />
    ),
    sortDescFirst: true,
    meta: { align: 'end' },
  }),
  helper.accessor('shareOfWorld', {
    id: 'share',
    header: ({ column }) => <DataTableColumnHeader column={column} title="Share" unit="% of total turnover" />,
    cell: ({ getValue }) => formatPercent(getValue()),
    sortDescFirst: true,
    meta: { align: 'end' },
  }),
]);
