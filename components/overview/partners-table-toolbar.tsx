'use client';

import { useTranslations } from 'next-intl';
import { formatYear } from '@/lib/format';
import { useUrlState } from '@/components/layout/use-url-state';
import { overviewParsers, PARTNER_VIEWS, type OverviewSearchParams } from '@/lib/search-params/overview';

interface PartnersTableToolbarProps {
  params: OverviewSearchParams;
  /** Years with data, ascending. */
  availableYears: readonly number[];
}

/** Year and partner-kind pickers. Both write to the URL; the latest year is the default, so it is left out. */
export function PartnersTableToolbar({ params, availableYears }: PartnersTableToolbarProps) {
  const { navigate, isPending } = useUrlState(overviewParsers, params);
  const t = useTranslations('overview.partners');
  const latest = availableYears.at(-1);
  const selectedYear = params.year ?? latest;

  return (
    <div className="flex flex-wrap items-end gap-3" aria-busy={isPending}>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">{t('year')}</span>
        <select
          className="rounded-md border border-border bg-card px-2 py-1.5"
          value={selectedYear ?? ''}
          disabled={availableYears.length === 0}
          onChange={(event) => {
            const year = Number(event.target.value);
            navigate({ year: year === latest ? undefined : year });
          }}
        >
          {[...availableYears].reverse().map((year) => (
            <option key={year} value={year}>
              {formatYear(year)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">{t('partners')}</span>
        <select
          className="rounded-md border border-border bg-card px-2 py-1.5"
          value={params.partners}
          onChange={(event) => {
            const view = PARTNER_VIEWS.find((v) => v === event.target.value);
            if (view) navigate({ partners: view });
          }}
        >
          {PARTNER_VIEWS.map((view) => (
            <option key={view} value={view}>
              {t(`view.${view}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
