import { getLocale, getTranslations } from 'next-intl/server';
import { bodyColumns, DataTableBody } from '@/components/data-table/data-table-body';
import { pagerTexts } from '@/components/data-table/pager-texts';
import type { SeriesBreak } from '@/lib/charts/series-breaks';
import type { SourceAttribution } from '@/lib/queries/overview';
import type { PartnerList, PartnerListRow } from '@/lib/queries/partner-list';
import { SPARKLINE_YEARS, type PartnerListParams } from '@/lib/search-params/partner-list';
import { partnerListCells } from './partner-list-cells';
import { PARTNER_LIST_COLUMNS } from './partner-list-column-layout';
import { PartnerListTable } from './partner-list-table';
import { PartnerListNotes, PartnerListSummary } from './partner-list-texts';

export interface PartnerListTableData {
  partnerList: PartnerList;
  sources: SourceAttribution[];
  breaks: SeriesBreak[];
  /** How the world total was obtained, in the page's language (the loader's words). */
  worldOrigin: string;
}

const rowKey = (row: PartnerListRow) => row.code;
const rowData = (row: PartnerListRow) => ({ 'data-row-key': row.code });

/**
 * The partner list once its query has answered: the rows drawn here, on the server, in the
 * header's column order (the partner, the sorted columns, the rest), and handed to the client
 * table, which adds the sortable header, the pager and the download.
 */
export async function PartnerListSection({
  dataPromise,
  params,
}: {
  /** Started by the page and not awaited there, so the controls render first. */
  dataPromise: Promise<PartnerListTableData>;
  params: PartnerListParams;
}) {
  const [{ partnerList, sources, breaks, worldOrigin }, t, tKit, tTable, locale] = await Promise.all([
    dataPromise,
    getTranslations('partnerList'),
    getTranslations('partnerList.kit'),
    getTranslations('DataTable'),
    getLocale(),
  ]);
  const { rows, sparklines, ...rest } = partnerList;
  const year = partnerList.year ?? new Date().getUTCFullYear();
  const cells = partnerListCells({
    year,
    window: partnerList.window,
    sparklineFrom: year - SPARKLINE_YEARS + 1,
    ranked: params.view === 'countries',
    t,
    locale,
    sourceNames: Object.fromEntries(sources.map((s) => [s.id, s.publisher])),
    sparklines,
    breaks,
  });
  const columns = bodyColumns(PARTNER_LIST_COLUMNS, params.sort, cells);
  return (
    <PartnerListTable
      view={{
        partnerList: rest,
        texts: {
          pager: pagerTexts(tKit, locale, {
            page: partnerList.page,
            size: partnerList.size,
            total: partnerList.total,
            rows: t('rows', { view: params.view, count: partnerList.total }),
          }),
          exportRows: tTable('allNRows', { count: partnerList.total }),
        },
      }}
      params={params}
      summary={<PartnerListSummary partnerList={rest} params={params} />}
      notes={<PartnerListNotes partnerList={rest} params={params} sources={sources} worldOrigin={worldOrigin} />}
      body={
        <DataTableBody
          columns={columns}
          rows={rows}
          rowKey={rowKey}
          rowData={rowData}
          emptyMessage={partnerList.total > 0 ? t('pastLast') : t('noMatch')}
        />
      }
    />
  );
}
