import { useLocale, useTranslations } from 'next-intl';
import { bodyColumns, DataTableBody } from '@/components/data-table/data-table-body';
import { formatYear } from '@/lib/format';
import type { PartnerTableRow } from '@/lib/queries/overview';
import type { OverviewSearchParams } from '@/lib/search-params/overview';
import { PartnersTable } from './partners-table';
import { partnersTableCells } from './partners-table-cells';
import { PARTNERS_TABLE_COLUMNS, showsKind } from './partners-table-layout';
import { PartnersTableFooter, PartnersTableSummary, type PartnersTableData } from './partners-table-texts';
import { PartnersTableToolbar } from './partners-table-toolbar';

interface PartnersSectionProps {
  data: PartnersTableData;
  params: OverviewSearchParams;
  availableYears: number[];
}

const rowKey = (row: PartnerTableRow) => row.code;

/** The partner table with its controls; the rows and sentences drawn here, the header by the client. */
export function PartnersSection({ data, params, availableYears }: PartnersSectionProps) {
  const year = params.year ?? availableYears.at(-1);
  const t = useTranslations('overview.partners');
  const tTable = useTranslations('DataTable');
  const locale = useLocale();
  const cells = partnersTableCells(t, locale);
  // In the header's order on every width: the partner, the sorted column, the rest (column-order.ts).
  const columns = bodyColumns(
    PARTNERS_TABLE_COLUMNS.filter((c) => c.id !== 'kind' || showsKind(params)),
    [params.sort],
    cells,
  );
  return (
    <section id="partners-section" aria-labelledby="partners-heading" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="partners-heading" className="text-lg font-semibold">
          {year !== undefined ? t('headingYear', { year: formatYear(year) }) : t('heading')}
        </h2>
        <PartnersTableToolbar params={params} availableYears={availableYears} />
      </div>
      <PartnersTable
        year={data.table.year}
        params={params}
        summary={<PartnersTableSummary data={data} />}
        footer={<PartnersTableFooter data={data} />}
        body={
          <DataTableBody columns={columns} rows={data.table.rows} rowKey={rowKey} emptyMessage={tTable('noResults')} />
        }
      />
    </section>
  );
}
