'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useMemo } from 'react';
import type { SortingState } from '@tanstack/react-table';
import { DataTable } from '@/components/data-table/data-table';
import { useDataTable } from '@/components/data-table/use-data-table';
import { formatUsdMillions, formatYear } from '@/lib/format';
import type { FullPartnerList } from '@/lib/charts/overview-table';
import type { PartnerTable, PartnerTableRow, SourceAttribution } from '@/lib/queries/overview';
import { useUrlState } from '@/components/layout/use-url-state';
import { overviewParsers, PARTNER_SORT_KEYS, type OverviewSearchParams } from '@/lib/search-params/overview';
import { partnersTableColumns } from './partners-table-columns';
import { SourceCredit } from '@/components/provenance/source-credit';

export interface PartnersTableData {
  table: PartnerTable;
  sources: SourceAttribution[];
  /** The world total's source and how it was obtained, in the page's language (the loader's words). */
  worldSource: string;
  worldOrigin: string;
  /** Where the rest is when the table shows only its first rows (in the page's language). */
  fullList: FullPartnerList | null;
}

interface PartnersTableProps {
  data: PartnersTableData;
  params: OverviewSearchParams;
}

const getRowId = (row: PartnerTableRow) => row.code;
const isSortKey = (id: string) => PARTNER_SORT_KEYS.find((key) => key === id);

export function PartnersTable({ data, params }: PartnersTableProps) {
  const { table: result, sources, worldSource, worldOrigin, fullList } = data;
  const { navigate, isPending } = useUrlState(overviewParsers, params);
  const t = useTranslations('overview.partners');
  const locale = useLocale();
  const columns = useMemo(() => partnersTableColumns(t, locale), [t, locale]);

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

  // The kind column only says something when countries and groups are listed together.
  const columnVisibility = useMemo(
    () => ({ state: { kind: params.partners === 'all' }, onChange: () => {} }),
    [params.partners],
  );
  const table = useDataTable({
    data: result.rows,
    columns,
    sorting,
    onSortingChange,
    getRowId,
    columnVisibility,
  });
  const year = formatYear(result.year);

  return (
    <div className="space-y-2">
      <p className="text-sm text-muted-foreground">
        {result.year === null ? (
          t('none')
        ) : (
          <>
            {t('summary', { count: result.total, year })}
            {` ${t('source', { source: worldSource })}`}
            {result.worldTurnoverUsdMn !== null
              ? ` ${t('shares', {
                  year,
                  amount: formatUsdMillions(result.worldTurnoverUsdMn, locale),
                  origin: worldOrigin,
                })}`
              : null}{' '}
            {t('euRow')} <span className="whitespace-nowrap">{t('marks')}</span>
          </>
        )}
      </p>
      <DataTable table={table} testId="partners-table" isPending={isPending} caption={t('caption', { year })} />
      {fullList ? (
        <p className="text-sm" data-testid="partners-table-more">
          {t.rich('more', {
            shown: fullList.shown,
            total: fullList.total,
            link: (chunks) => (
              <Link href={fullList.href} className="font-medium underline underline-offset-2 hover:text-accent">
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : null}
      <p className="text-xs text-muted-foreground">
        <SourceCredit sources={sources} />
      </p>
    </div>
  );
}
