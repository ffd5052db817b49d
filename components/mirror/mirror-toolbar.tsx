'use client';

import { useTranslations } from 'next-intl';
import { DataTableToolbar } from '@/components/data-table/data-table-toolbar';
import { useUrlState } from '@/components/layout/use-url-state';
import {
  MIRROR_FLOWS,
  MIRROR_MIN_SIZES,
  mirrorParsers,
  type MirrorFlow,
  type MirrorParams,
} from '@/lib/search-params/mirror';

const SELECT_CLASS = 'h-9 rounded-md border border-border bg-card px-2';

interface MirrorToolbarProps {
  params: MirrorParams;
  years: readonly number[];
  /** Per MIRROR_MIN_SIZES entry, in its order (mirrorMinSizeLabels, formatted by the page). */
  minSizeLabels: readonly string[];
}

/** The flow, the year and the smallest pair the disagreement table lists. */
export function MirrorToolbar({ params, years, minSizeLabels }: MirrorToolbarProps) {
  const { navigate, isPending } = useUrlState(mirrorParsers, params, { pageKey: 'page' });
  const t = useTranslations('MirrorScreen.toolbar');
  return (
    <div aria-busy={isPending}>
      <DataTableToolbar testId="mirror-toolbar">
        <>
          <label className="flex items-center gap-1.5 text-sm">
            <span>{t('flow')}</span>
            <select
              key={params.flow}
              className={SELECT_CLASS}
              defaultValue={params.flow}
              onChange={(event) => navigate({ flow: event.target.value as MirrorFlow })}
            >
              {MIRROR_FLOWS.map((flow) => (
                <option key={flow} value={flow}>
                  {t(`flows.${flow}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-1.5 text-sm">
            <span>{t('year')}</span>
            <select
              key={params.year ?? 'all'}
              className={SELECT_CLASS}
              data-testid="mirror-year"
              defaultValue={params.year ?? ''}
              onChange={(event) => navigate({ year: event.target.value ? Number(event.target.value) : undefined })}
            >
              <option value="">{t('allYears')}</option>
              {[...years].reverse().map((year) => (
                <option key={year} value={year}>
                  {year}
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-1.5 text-sm">
            <span>{t('atLeast')}</span>
            <select
              key={params.min}
              className={SELECT_CLASS}
              defaultValue={params.min}
              onChange={(event) => navigate({ min: Number(event.target.value) })}
            >
              {MIRROR_MIN_SIZES.map((min, i) => (
                <option key={min} value={min}>
                  {minSizeLabels[i]}
                </option>
              ))}
            </select>
          </label>
        </>
      </DataTableToolbar>
    </div>
  );
}
