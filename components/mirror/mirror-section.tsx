import { getLocale, getTranslations } from 'next-intl/server';
import { bodyColumns, DataTableBody } from '@/components/data-table/data-table-body';
import { pagerTexts } from '@/components/data-table/pager-texts';
import { formatNumber } from '@/lib/format';
import type { MirrorGapRow, MirrorGaps } from '@/lib/queries/mirror';
import type { MirrorParams } from '@/lib/search-params/mirror';
import { mirrorCells } from './mirror-cells';
import { MIRROR_COLUMNS, mirrorRowKey } from './mirror-column-layout';
import { MirrorTable } from './mirror-table';

const rowData = (row: MirrorGapRow) => ({ 'data-row-key': mirrorRowKey(row) });

/**
 * The disagreement table: its rows (in the header's order: the partner, the sorted columns, the
 * rest), the count above them and the pager's words drawn here, on the server, and handed to the client table, which adds the sortable header and the pager.
 */
export async function MirrorSection({ gaps, params }: { gaps: MirrorGaps; params: MirrorParams }) {
  const [t, tKit, locale] = await Promise.all([
    getTranslations('MirrorScreen'),
    getTranslations('partnerList.kit'),
    getLocale(),
  ]);
  const cells = mirrorCells(t, locale);
  return (
    <MirrorTable
      params={params}
      total={gaps.total}
      pager={pagerTexts(tKit, locale, {
        page: params.page,
        size: params.size,
        total: gaps.total,
        rows: t('rows', { count: gaps.total }),
      })}
      summary={
        <p className="text-sm text-muted-foreground" data-testid="mirror-summary">
          {t.rich('summary', {
            total: formatNumber(gaps.total, 0, locale),
            count: gaps.total,
            num: (chunks) => <span className="font-medium text-foreground">{chunks}</span>,
          })}
        </p>
      }
      body={
        <DataTableBody
          columns={bodyColumns(MIRROR_COLUMNS, params.sort, cells)}
          rows={gaps.rows}
          rowKey={mirrorRowKey}
          rowData={rowData}
          emptyMessage={gaps.total > 0 ? t('pastLast') : t('noMatch')}
        />
      }
    />
  );
}
