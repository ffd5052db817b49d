import { useTranslations } from 'next-intl';
import { formatYear } from '@/lib/format';
import type { OverviewSearchParams } from '@/lib/search-params/overview';
import { PartnersTable, type PartnersTableData } from './partners-table';
import { PartnersTableToolbar } from './partners-table-toolbar';

interface PartnersSectionProps {
  data: PartnersTableData;
  params: OverviewSearchParams;
  availableYears: number[];
}

export function PartnersSection({ data, params, availableYears }: PartnersSectionProps) {
  const year = params.year ?? availableYears.at(-1);
  const t = useTranslations('overview.partners');
  return (
    <section id="partners-section" aria-labelledby="partners-heading" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="partners-heading" className="text-lg font-semibold">
          {year !== undefined ? t('headingYear', { year: formatYear(year) }) : t('heading')}
        </h2>
        <PartnersTableToolbar params={params} availableYears={availableYears} />
      </div>
      <PartnersTable data={data} params={params} />
    </section>
  );
}
