'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useMemo } from 'react';
import { useUrlState } from '@/components/layout/use-url-state';
import { DataTableFacetedFilter, type FacetOption } from '@/components/data-table/data-table-faceted-filter';
import { DataTableSearch, SEARCH_DEBOUNCE_MS } from '@/components/data-table/data-table-search';
import { DataTableToolbar } from '@/components/data-table/data-table-toolbar';
import type { PartnerListToolbarLabels } from './partner-list-toolbar-labels';
import { MEMBERSHIP_GROUP_CODES, type MembershipGroupCode } from '@/lib/membership-groups';
import {
  CAGR_WINDOWS,
  GROWTH_MIN_SIZES,
  PARTNER_LIST_VIEWS,
  partnerListParsers,
  type PartnerListParams,
  type PartnerListView,
} from '@/lib/search-params/partner-list';

const SELECT_CLASS = 'h-9 rounded-md border border-border bg-card px-2';

interface PartnerListToolbarProps {
  params: PartnerListParams;
  /** Years with data, ascending. */
  availableYears: readonly number[];
  /** The window and size choices as text (partnerListToolbarLabels, on the server). */
  labels: PartnerListToolbarLabels;
}

/** Name search, group filter, and the year, growth window and partner kind of the partner list. */
export function PartnerListToolbar({ params, availableYears, labels }: PartnerListToolbarProps) {
  const { values, navigate, isPending } = useUrlState(partnerListParsers, params, { pageKey: 'page' });
  const t = useTranslations('partnerList');
  const groupOptions: FacetOption[] = useMemo(
    () =>
      MEMBERSHIP_GROUP_CODES.map((code) => ({
        value: code,
        label: t('toolbar.groupMembers', { group: t(`groups.${code}`) }),
      })),
    [t],
  );
  // Free text: no history entry per word, and one URL (one server render) once typing pauses.
  const onSearch = useCallback(
    (q: string) => navigate({ q: q || null }, { history: 'replace', debounceMs: SEARCH_DEBOUNCE_MS }),
    [navigate],
  );
  const latest = availableYears.at(-1);
  const filtered = Boolean(params.q || params.group);

  const onView = (view: PartnerListView) => {
    // Groups are not ranked, so a rank sort falls back to turnover; the group filter is for countries.
    const sort =
      view === 'countries' ? params.sort : params.sort.filter((s) => s.id !== 'rank' && s.id !== 'rank_change');
    navigate({
      view,
      sort: sort.length > 0 ? sort : [{ id: 'turnover', desc: true }],
      group: view === 'groups' ? undefined : params.group,
    });
  };

  return (
    <div aria-busy={isPending}>
      <DataTableToolbar
        testId="partner-list-toolbar"
        reset={
          filtered ? (
            <button
              type="button"
              onClick={() => navigate({ q: undefined, group: undefined })}
              className="h-9 rounded-md px-3 text-sm font-medium text-accent hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
            >
              {t('toolbar.reset')}
            </button>
          ) : null
        }
        actions={
          <>
            <label className="flex items-center gap-1.5 text-sm">
              <span>{t('toolbar.year')}</span>
              {/* Uncontrolled, keyed by the URL's value: the choice stays visible while the new rows load. */}
              <select
                key={params.year ?? 'latest'}
                className={SELECT_CLASS}
                data-testid="partner-list-year"
                defaultValue={params.year ?? latest ?? ''}
                onChange={(event) => {
                  const year = Number(event.target.value);
                  navigate({ year: year === latest ? undefined : year });
                }}
              >
                {[...availableYears].reverse().map((year) => (
                  <option key={year} value={year}>
                    {year}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex items-center gap-1.5 text-sm">
              <span>{t('toolbar.growthOver')}</span>
              <select
                key={params.window}
                className={SELECT_CLASS}
                defaultValue={params.window}
                onChange={(event) => navigate({ window: Number(event.target.value) })}
              >
                {CAGR_WINDOWS.map((w, i) => (
                  <option key={w} value={w}>
                    {labels.windows[i]}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex items-center gap-1.5 text-sm">
              <span>{t('toolbar.atLeast')}</span>
              <select
                key={params.min}
                className={SELECT_CLASS}
                data-testid="partner-list-min"
                defaultValue={params.min}
                onChange={(event) => navigate({ min: Number(event.target.value) })}
              >
                {GROWTH_MIN_SIZES.map((min, i) => (
                  <option key={min} value={min}>
                    {labels.minSizes[i]}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex items-center gap-1.5 text-sm">
              <span className="sr-only">{t('toolbar.view')}</span>
              <select
                key={params.view}
                className={SELECT_CLASS}
                data-testid="partner-list-view"
                defaultValue={params.view}
                onChange={(event) => {
                  const view = PARTNER_LIST_VIEWS.find((v) => v === event.target.value);
                  if (view) onView(view);
                }}
              >
                {PARTNER_LIST_VIEWS.map((view) => (
                  <option key={view} value={view}>
                    {t(view === 'countries' ? 'toolbar.countries' : 'toolbar.groups')}
                  </option>
                ))}
              </select>
            </label>
          </>
        }
      >
        <DataTableSearch
          value={values.q ?? ''}
          onSearch={onSearch}
          label={t('toolbar.searchLabel')}
          placeholder={t('toolbar.searchPlaceholder')}
          testId="partner-list-search"
        />
        {params.view === 'countries' ? (
          <DataTableFacetedFilter
            title={t('toolbar.group')}
            testId="filter-group"
            options={groupOptions}
            selected={params.group ?? []}
            onChange={(values) => {
              const group = MEMBERSHIP_GROUP_CODES.filter((g): g is MembershipGroupCode => values.includes(g));
              navigate({ group: group.length > 0 ? group : undefined });
            }}
          />
        ) : null}
      </DataTableToolbar>
    </div>
  );
}
