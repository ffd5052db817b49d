// Columns of the data screen. Column ids are the URL's sort keys and `cols` ids
// (lib/search-params/data.ts). Values are shown as published, with their unit and qualifier.
import Link from 'next/link';
import { DataTableColumnHeader } from '@/components/data-table/data-table-column-header';
import { createDataTableColumnHelper } from '@/components/data-table/data-table-features';
import { formatDecimalText, formatMillions, formatUnit, formatYear } from '@/lib/format';
import { ESTIMATE_MARK, qualifierDisplay } from '@/lib/qualifiers';
import type { ObservationRecord } from '@/lib/queries/observations';

const helper = createDataTableColumnHelper<ObservationRecord>();

/** "Kazakhstan KAZ": the name, and the code that filters and exports use. */
function NameAndCode({ name, code }: { name: string; code: string }) {
  return (
    <>
      {name}{' '}
      <span className="font-mono text-xs whitespace-nowrap text-muted-foreground">{code === 'XXX' ? '' : code}</span>
    </>
  );
}

function Chip({ children, title }: { children: string; title: string }) {
  return (
    <span
      title={title}
      className="inline-block rounded border border-border px-1 py-px text-[0.7rem] leading-4 whitespace-nowrap text-muted-foreground"
    >
      {children}
    </span>
  );
}

export function ObservationValue({ row }: { row: ObservationRecord }) {
  const { symbol, label } = qualifierDisplay(row.qualifier);
  const unit = formatUnit(row.unit, row.scale);
  return (
    <span title={`${label}: ${row.value} ${unit}`} className="whitespace-nowrap">
      {symbol ? (
        <abbr title={label} className="mr-0.5 text-muted-foreground no-underline">
          {symbol}
        </abbr>
      ) : null}
      {formatDecimalText(row.value)}
      {row.is_estimate ? (
        <abbr title="Estimate" className="ml-0.5 align-super text-[0.65rem] text-muted-foreground no-underline">
          {ESTIMATE_MARK}
        </abbr>
      ) : null}
      <span className="sr-only"> {unit}</span>
    </span>
  );
}

export const observationsTableColumns = helper.columns([
  helper.accessor('reporter', {
    id: 'reporter',
    header: ({ column }) => <DataTableColumnHeader column={column} title="Reporter" />,
    cell: ({ row }) => (
      <NameAndCode
        name={row.original.reporter_code === 'XXX' ? 'Unspecified' : row.original.reporter}
        code={row.original.reporter_code}
      />
    ),
    sortDescFirst: false,
    meta: { label: 'Reporter', className: 'min-w-32' },
  }),
  helper.accessor('partner', {
    id: 'partner',
    header: ({ column }) => <DataTableColumnHeader column={column} title="Partner" />,
    cell: ({ row }) => <NameAndCode name={row.original.partner} code={row.original.partner_code} />,
    sortDescFirst: false,
    meta: { label: 'Partner', className: 'min-w-36' },
  }),
  helper.accessor('indicator_label', {
    id: 'flow',
    header: ({ column }) => <DataTableColumnHeader column={column} title="Indicator" />,
    cell: ({ row }) => <span title={row.original.flow}>{row.original.indicator_label}</span>,
    sortDescFirst: false,
    meta: { label: 'Indicator', className: 'min-w-32' },
  }),
  helper.accessor('year', {
    id: 'year',
    header: ({ column }) => <DataTableColumnHeader column={column} title="Year" />,
    cell: ({ getValue }) => formatYear(getValue()),
    sortDescFirst: true,
    meta: { label: 'Year', align: 'end' },
  }),
  helper.accessor('period', {
    id: 'period',
    header: ({ column }) => <DataTableColumnHeader column={column} title="Period" />,
    cell: ({ row }) => {
      const { period_start: start, period_end: end } = row.original;
      return (
        <span className="whitespace-nowrap" title={start && end ? `${start} to ${end}` : undefined}>
          {row.original.period}
          {/* Rows that differ only by this key (two DESTA agreements signed in one year) say so. */}
          {row.original.series_key ? (
            <span className="block font-mono text-xs text-muted-foreground" data-testid="series-key">
              {row.original.series_key}
            </span>
          ) : null}
        </span>
      );
    },
    sortDescFirst: true,
    meta: { label: 'Period' },
  }),
  helper.accessor('value', {
    id: 'value',
    header: ({ column }) => <DataTableColumnHeader column={column} title="Value" unit="as published" />,
    cell: ({ row }) => (
      // Every value leads to its provenance: source, locator, derivation and revisions.
      <Link
        href={`/observations/${row.original.id}`}
        prefetch={false}
        className="underline-offset-2 hover:underline"
        data-testid="provenance-link"
      >
        <ObservationValue row={row.original} />
      </Link>
    ),
    sortDescFirst: true,
    meta: { label: 'Value', align: 'end' },
  }),
  helper.accessor('unit', {
    id: 'unit',
    header: ({ column }) => <DataTableColumnHeader column={column} title="Unit" />,
    cell: ({ row }) => <span className="whitespace-nowrap">{formatUnit(row.original.unit, row.original.scale)}</span>,
    sortDescFirst: false,
    meta: { label: 'Unit' },
  }),
  helper.accessor('usd_mn', {
    id: 'usd',
    header: () => (
      <span className="flex flex-col items-end">
        <span>USD million</span>
        <span className="text-xs font-normal text-muted-foreground">one unit for every amount</span>
      </span>
    ),
    cell: ({ row }) => {
      const { usd_mn: usd, usd_converted: converted, year } = row.original;
      if (usd === null) return <span className="text-muted-foreground">–</span>;
      return (
        <span className="whitespace-nowrap tabular-nums">
          {formatMillions(usd)}
          {converted ? (
            <abbr
              title={`Converted from euros at the ECB average of ${year ?? 'the year'}: derived, not published`}
              className="ml-0.5 align-super text-[0.65rem] text-muted-foreground no-underline"
            >
              c
            </abbr>
          ) : null}
        </span>
      );
    },
    enableSorting: false,
    meta: { label: 'USD million', align: 'end' },
  }),
  helper.accessor('qualifier', {
    id: 'qualifier',
    header: ({ column }) => <DataTableColumnHeader column={column} title="Qualifier" />,
    cell: ({ getValue }) => {
      const qualifier = getValue();
      if (qualifier === 'EXACT') return <span className="text-muted-foreground">exact</span>;
      const { symbol, label } = qualifierDisplay(qualifier);
      return (
        <span className="whitespace-nowrap">
          {symbol ? `${symbol} ` : null}
          {label.replace(/ \(.*\)$/, '').toLowerCase()}
        </span>
      );
    },
    sortDescFirst: false,
    meta: { label: 'Qualifier' },
  }),
  helper.display({
    id: 'flags',
    header: () => <span>Flags</span>,
    cell: ({ row }) => {
      const r = row.original;
      return (
        <span className="flex flex-wrap gap-1">
          {r.is_official ? (
            <Chip title="The row the official series uses for this partner, flow and year (where two sources give the year, the preferred one)">
              official series
            </Chip>
          ) : null}
          {r.is_estimate ? <Chip title="An estimate, or computed from one">estimate</Chip> : null}
          {r.derivation === 'DERIVED' ? (
            <Chip title={r.derivation_note ?? 'Computed from other rows'}>derived</Chip>
          ) : null}
          {r.derivation === 'INFERRED' ? <Chip title="Implied by the source, not stated">inferred</Chip> : null}
          {r.partner_reported ? (
            <Chip title="The partner’s own statistics (mirror data); never add to Kazakhstan’s figures">
              partner-reported
            </Chip>
          ) : null}
          {r.flag && !['e', 'derived', 'derived+e', 'inferred'].includes(r.flag) ? (
            <Chip title="Flag as written in the source data">{r.flag}</Chip>
          ) : null}
          {r.revision_count ? (
            <Link
              href={`/observations/${r.id}`}
              prefetch={false}
              data-testid="revised-marker"
              title={`A newer vintage replaced ${r.revision_count === 1 ? 'an earlier value' : `${r.revision_count} earlier values`}: see the revision history`}
              className="inline-block rounded border border-accent px-1 py-px text-[0.7rem] leading-4 whitespace-nowrap text-accent underline-offset-2 hover:underline"
            >
              revised
            </Link>
          ) : null}
        </span>
      );
    },
    enableSorting: false,
    meta: { label: 'Flags', className: 'min-w-28' },
  }),
  helper.accessor('source_title', {
    id: 'source',
    header: ({ column }) => <DataTableColumnHeader column={column} title="Source" />,
    cell: ({ row }) => (
      <Link
        href={`/sources#source-${encodeURIComponent(row.original.source_id)}`}
        prefetch={false}
        title={`${row.original.source_title} (${row.original.source_publisher})`}
        className="line-clamp-2 underline-offset-2 hover:underline"
      >
        {row.original.source_title}
      </Link>
    ),
    sortDescFirst: false,
    meta: { label: 'Source', className: 'min-w-48 max-w-72' },
  }),
  helper.accessor('note', {
    id: 'note',
    header: () => <span>Note</span>,
    cell: ({ getValue }) => {
      const note = getValue();
      return note ? (
        <span title={note} className="line-clamp-2">
          {note}
        </span>
      ) : null;
    },
    enableSorting: false,
    meta: { label: 'Note', className: 'min-w-56 max-w-96' },
  }),
]);

/** The natural key of a row, as the exports can rebuild it: tests compare screen and files with it. */
export const observationRowKey = (
  r: Pick<
    ObservationRecord,
    'source_id' | 'reporter_code' | 'partner_code' | 'flow' | 'year' | 'period' | 'series_key'
  >,
) =>
  [
    r.source_id,
    r.reporter_code === 'XXX' ? '' : r.reporter_code,
    r.partner_code,
    r.flow,
    r.year ?? '',
    r.period,
    r.series_key,
  ].join('|');
