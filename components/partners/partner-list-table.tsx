'use client';

import { useLocale, useTranslations } from 'next-intl';
import { use, useCallback, useMemo } from 'react';
import type { PaginationState, SortingState } from '@tanstack/react-table';
import { DataTable } from '@/components/data-table/data-table';
import { DataTableExport } from '@/components/data-table/data-table-export';
import { DataTablePagination } from '@/components/data-table/data-table-pagination';
import { useDataTable } from '@/components/data-table/use-data-table';
import { useUrlState } from '@/components/layout/use-url-state';
import { SourceCredit } from '@/components/provenance/source-credit';
import type { SeriesBreak } from '@/lib/charts/series-breaks';
import { formatNumber, formatUsdMillions } from '@/lib/format';
import type { SourceAttribution } from '@/lib/queries/overview';
import type { PartnerList, PartnerListRow } from '@/lib/queries/partner-list';
import {
  MAX_PARTNER_LIST_SORT_KEYS,
  PARTNER_LIST_PAGE_SIZES,
  PARTNER_LIST_SORT_KEYS,
  SPARKLINE_YEARS,
  partnerListExportHref,
  partnerListParsers,
  type PartnerListParams,
  type PartnerListSort,
  type PartnerListSortKey,
} from '@/lib/search-params/partner-list';
import { partnerListColumns } from './partner-list-table-columns';

export interface PartnerListTableData {
  partnerList: PartnerList;
  sources: SourceAttribution[];
  breaks: SeriesBreak[];
  /** How the world total was obtained, in the page's language (the loader's words). */
  worldOrigin: string;
}

interface PartnerListTableProps {
  /** Started by the page and not awaited there, so the controls render first. */
  dataPromise: Promise<PartnerListTableData>;
  params: PartnerListParams;
}

const getRowId = (row: PartnerListRow) => row.code;
const rowData = (row: PartnerListRow) => ({ 'data-row-key': row.code });
const isSortKey = (id: string): id is PartnerListSortKey => (PARTNER_LIST_SORT_KEYS as readonly string[]).includes(id);

function WorldNote({ partnerList, origin }: { partnerList: PartnerList; origin: string }) {
  const t = useTranslations('partnerList');
  const locale = useLocale();
  const { world, year } = partnerList;
  if (year === null) return null;
  if (world.turnoverUsdMn === null) return <>{t('notes.noWorld', { year: String(year) })}</>;
  return <>{t('notes.world', { year: String(year), total: formatUsdMillions(world.turnoverUsdMn, locale), origin })}</>;
}

export function PartnerListTable({ dataPromise, params }: PartnerListTableProps) {
  const { partnerList, sources, breaks, worldOrigin } = use(dataPromise);
  const { navigate, isPending } = useUrlState(partnerListParsers, params, { pageKey: 'page' });
  const t = useTranslations('partnerList');
  const locale = useLocale();
  const year = partnerList.year ?? new Date().getUTCFullYear();

  const sourceNames = useMemo(() => Object.fromEntries(sources.map((s) => [s.id, s.publisher])), [sources]);
  const columns = useMemo(
    () =>
      partnerListColumns({
        year,
        window: partnerList.window,
        sourceNames,
        sparklines: partnerList.sparklines,
        sparklineFrom: year - SPARKLINE_YEARS + 1,
        ranked: params.view === 'countries',
        breaks,
        t,
        locale,
      }),
    [year, partnerList.window, partnerList.sparklines, sourceNames, params.view, breaks, t, locale],
  );

  const sorting = useMemo<SortingState>(() => params.sort, [params.sort]);
  const onSortingChange = useCallback(
    (next: SortingState) => {
      const sort: PartnerListSort[] = next
        .filter((s) => isSortKey(s.id))
        .map((s) => ({ id: s.id as PartnerListSortKey, desc: s.desc }));
      if (sort.length > 0) navigate({ sort });
    },
    [navigate],
  );
  const pagination = useMemo(
    () => ({
      state: { pageIndex: partnerList.page - 1, pageSize: partnerList.size },
      rowCount: partnerList.total,
      onChange: (next: PaginationState) => {
        if (next.pageSize !== partnerList.size) navigate({ size: next.pageSize });
        else navigate({ page: next.pageIndex + 1 });
      },
    }),
    [navigate, partnerList.page, partnerList.size, partnerList.total],
  );

  const table = useDataTable({
    data: partnerList.rows,
    columns,
    sorting,
    onSortingChange,
    getRowId,
    enableMultiSort: true,
    maxSortKeys: MAX_PARTNER_LIST_SORT_KEYS,
    pagination,
  });

  // Exports get the view as shown, with the year made explicit so that a file made later says the same.
  const hrefs = {
    csv: partnerListExportHref(params, year, 'csv'),
    xlsx: partnerListExportHref(params, year, 'xlsx'),
    json: partnerListExportHref(params, year, 'json'),
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground" data-testid="partner-list-summary">
          {t.rich('summary', {
            num: (chunks) => <span className="font-medium text-foreground">{chunks}</span>,
            n: formatNumber(partnerList.total, 0, locale),
            count: partnerList.total,
            view: params.view,
            year: String(year),
          })}
        </p>
        <DataTableExport hrefs={hrefs} rowCount={partnerList.total} />
      </div>
      <DataTable
        table={table}
        testId="partner-list-table"
        isPending={isPending}
        rowData={rowData}
        caption={t('caption', { year: String(year) })}
        emptyMessage={partnerList.total > 0 ? t('pastLast') : t('noMatch')}
      />
      <DataTablePagination
        table={table}
        pageSizes={PARTNER_LIST_PAGE_SIZES}
        rowLabel={(total) => t('rows', { view: params.view, count: total })}
        isPending={isPending}
      />
      <div className="space-y-1 text-xs text-muted-foreground" data-testid="partner-list-notes">
        <p>
          {t('notes.official', { year: String(year) })} <WorldNote partnerList={partnerList} origin={worldOrigin} />
        </p>
        <p>
          {t('notes.marks', {
            window: partnerList.window,
            min: params.min > 0 ? t('notes.minRule', { amount: formatNumber(params.min, 0, locale) }) : '',
          })}{' '}
          {t('membershipRule')}
        </p>
        <p>
          <SourceCredit sources={sources} />
        </p>
      </div>
    </div>
  );
}
