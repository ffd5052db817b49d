import { getLocale, getTranslations } from 'next-intl/server';
import { bodyColumns, DataTableBody } from '@/components/data-table/data-table-body';
import { DataTableExport } from '@/components/data-table/data-table-export';
import { pagerTexts } from '@/components/data-table/pager-texts';
import { UNSPECIFIED_REPORTER } from '@/lib/constants';
import { formatNumber } from '@/lib/format';
import { qualifierText } from '@/lib/i18n/observation-display';
import type { LocalizedObservation } from '@/lib/i18n/observation-names';
import { localizedHref } from '@/lib/i18n/paths';
import type { DataPage } from '@/lib/loaders/data';
import { ESTIMATE_MARK, QUALIFIER_DISPLAY } from '@/lib/qualifiers';
import type { ObservationRecord } from '@/lib/queries/observations';
import { observationsExportHref, serializeData, type DataState } from '@/lib/search-params/data';
import { PAGE_QUERY_BUDGET_MS } from '@/lib/validations/observation-parameters';
import { observationCells } from './observations-cells';
import { shownObservationColumns } from './observations-column-layout';
import { ObservationsTable } from './observations-table';

/** The natural key of a row, as the exports can rebuild it: tests compare screen and files with it. */
const observationRowKey = (
  r: Pick<
    ObservationRecord,
    'source_id' | 'reporter_code' | 'partner_code' | 'flow' | 'year' | 'period' | 'series_key'
  >,
) =>
  [
    r.source_id,
    r.reporter_code === UNSPECIFIED_REPORTER ? '' : r.reporter_code,
    r.partner_code,
    r.flow,
    r.year ?? '',
    r.period,
    r.series_key,
  ].join('|');

const rowKey = (row: LocalizedObservation) => row.id;
const rowData = (row: LocalizedObservation) => ({ 'data-row-key': observationRowKey(row), 'data-value': row.value });

const LEGEND_QUALIFIERS = [
  'ABOUT',
  'MORE_THAN',
  'AT_LEAST',
  'NEARLY',
] as const satisfies readonly (keyof typeof QUALIFIER_DISPLAY)[];

/**
 * The data screen's rows once their query has answered: drawn here, on the server, in the
 * header's column order (the sorted columns, then the rest as shown), with the count above them and the legend below, and handed to the client
 * table, which adds the sortable header, the column menu, the pager and the downloads.
 */
export async function ObservationsSection({
  dataPromise,
  state,
}: {
  /** Started by the page and not awaited there, so the filters render first. */
  dataPromise: Promise<DataPage>;
  state: DataState;
}) {
  const [page, t, tKit, tTable, locale] = await Promise.all([
    dataPromise,
    getTranslations('Data'),
    getTranslations('partnerList.kit'),
    getTranslations('DataTable'),
    getLocale(),
  ]);
  const { query } = state;
  const hrefs = {
    csv: observationsExportHref(query, 'csv'),
    xlsx: observationsExportHref(query, 'xlsx'),
    json: observationsExportHref(query, 'json'),
  };

  if (page.overBudget) {
    return (
      <div className="space-y-3" data-testid="data-over-budget">
        <div role="status" className="max-w-3xl rounded-md border border-border bg-card p-4 text-sm">
          <p className="font-medium">{t('overBudget.title')}</p>
          <p className="mt-1 text-muted-foreground">
            {t('overBudget.body', { seconds: formatNumber(PAGE_QUERY_BUDGET_MS / 1000, 1, locale) })}
          </p>
          <p className="mt-2">
            <a
              className="underline underline-offset-2"
              href={localizedHref(locale, `/data${serializeData({ ...query, sort: null, page: null })}`)}
            >
              {t('overBudget.defaultOrder')}
            </a>
          </p>
        </div>
        <DataTableExport hrefs={hrefs} />
      </div>
    );
  }

  const cells = observationCells({ t, locale });
  // The header's order (useDataTable with sortedColumnsFirst): the sorted columns first, then the rest as shown.
  const columns = bodyColumns(shownObservationColumns(state.columns), query.sort ?? [], cells);
  const beyondLastPage = page.rows.length === 0 && page.total > 0;
  return (
    <ObservationsTable
      state={state}
      view={{
        page: page.page,
        size: page.size,
        total: page.total,
        hrefs,
        texts: {
          pager: pagerTexts(tKit, locale, {
            page: page.page,
            size: page.size,
            total: page.total,
            rows: t('rows', { count: page.total }),
          }),
          exportRows: tTable('allNRows', { count: page.total }),
        },
      }}
      summary={
        <p className="text-sm text-muted-foreground" data-testid="data-summary">
          {t.rich('summary', {
            num: (chunks) => <span className="font-medium text-foreground">{chunks}</span>,
            n: formatNumber(page.total, 0, locale),
            count: page.total,
          })}
          {(query.sort ?? []).length > 1 ? t('multiSort') : null}
        </p>
      }
      body={
        <DataTableBody
          columns={columns}
          rows={page.rows}
          rowKey={rowKey}
          rowData={rowData}
          emptyMessage={beyondLastPage ? t('pastLast') : t('noMatch')}
        />
      }
      legend={
        <p className="text-xs text-muted-foreground">
          {t('legend', {
            marks: LEGEND_QUALIFIERS.map((q) => {
              const { symbol, short } = qualifierText(q, t);
              return `${symbol} ${short}`;
            }).join(' · '),
            estimateMark: ESTIMATE_MARK,
          })}
        </p>
      }
    />
  );
}
