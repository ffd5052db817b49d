'use client';

import { useCallback, useMemo } from 'react';
import type { SortingState } from '@tanstack/react-table';
import { DataTable } from '@/components/data-table/data-table';
import { useDataTable } from '@/components/data-table/use-data-table';
import { shortSourceName, worldTotalOrigin } from '@/lib/charts/provenance-text';
import { formatUsdMillions, formatYear } from '@/lib/format';
import type { PartnerTable, PartnerTableRow, SourceAttribution } from '@/lib/queries/overview';
import { useUrlState } from '@/components/layout/use-url-state';
import { overviewParsers, PARTNER_SORT_KEYS, type OverviewSearchParams } from '@/lib/search-params/overview';
import { partnersTableColumns } from './partners-table-columns';
import { SourceCredit } from '@/components/provenance/source-credit';

export interface PartnersTableData {
  table: PartnerTable;
  sources: SourceAttribution[];
}

interface PartnersTableProps {
  data: PartnersTableData;
  params: OverviewSearchParams;
}

const getRowId = (row: PartnerTableRow) => row.code;
const isSortKey = (id: string) => PARTNER_SORT_KEYS.find((key) => key === id);

export function PartnersTable({ data, params }: PartnersTableProps) {
  const { table: result, sources } = data;
  const { navigate, isPending } = useUrlState(overviewParsers, params);

  const sorting = useMemo<SortingState>(() => [params.sort], [params.sort]);
  const onSortingChange = useCallback(
    (next: SortingState) => {
      const first = next[0];
      // Only allow-listed column ids become URL state; anything else is a bug in the column defs.
      const id = first && isSortKey(first.id);
      if (!first || !id) return;
      navigate({ sort: { id, desc: first.desc } });
    },
    [navigate],
  );

  const table = useDataTable({ data: result.rows, columns: partnersTableColumns, sorting, onSortingChange, getRowId });
  const year = formatYear(result.year);

  return (
    <div className="space-y-2">
      <p className="text-sm text-muted-foreground">
        {result.year === null ? (
          'No annual figures from this source are in the database yet.'
        ) : (
          <>
            {result.total} {result.total === 1 ? 'partner' : 'partners'}, calendar year {year}, USD million at current
            prices, as reported by Kazakhstan (exports FOB, imports CIF; turnover = exports + imports, only where both
            are published).
            {` Source: ${shortSourceName(result.worldSourceId ?? '')}.`}
            {result.worldTurnoverUsdMn !== null
              ? ` Shares are of Kazakhstan’s total turnover with the world in ${year}: ${formatUsdMillions(result.worldTurnoverUsdMn)} (${worldTotalOrigin({ sourceId: result.worldSourceId, derived: result.worldIsDerived })}).`
              : null}{' '}
            The EU row (a group) contains its members: never add the two.{' '}
            <span className="whitespace-nowrap">“e” = IMF estimate; “d” = derived.</span>
          </>
        )}
      </p>
      <DataTable
        table={table}
        testId="partners-table"
        isPending={isPending}
        caption={`Kazakhstan’s trade by partner, ${year}, USD million`}
      />
      <p className="text-xs text-muted-foreground">
        <SourceCredit sources={sources} />
      </p>
    </div>
  );
}
