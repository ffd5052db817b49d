'use client';

import { useCallback, useMemo } from 'react';
import { useTranslations } from 'next-intl';
import { useUrlState } from '@/components/layout/use-url-state';
import { DataTableFacetedFilter, type FacetOption } from '@/components/data-table/data-table-faceted-filter';
import { DataTableSearch, SEARCH_DEBOUNCE_MS } from '@/components/data-table/data-table-search';
import { DataTableToolbar } from '@/components/data-table/data-table-toolbar';
import { MEMBERSHIP_GROUP_CODES, type MembershipGroupCode } from '@/lib/membership-groups';
import type { ObservationFacets } from '@/lib/queries/observations';
import { dataParsers, hasDataFilters, type DataState } from '@/lib/search-params/data';
import { OBSERVATION_FLAGS, SOURCE_KINDS, type ObservationFlag } from '@/lib/validations/observation-parameters';

const withCodes = (options: readonly { value: string; label: string }[]): FacetOption[] =>
  options.map((o) => ({ value: o.value, label: o.label, hint: o.value }));

/** Only values the schema accepts leave the picker; the rest would be refused by the server anyway. */
const narrow = <T extends string>(values: string[], allowed: readonly T[]): T[] | undefined => {
  const kept = values.filter((v): v is T => (allowed as readonly string[]).includes(v));
  return kept.length > 0 ? kept : undefined;
};
const nonEmpty = (values: string[]) => (values.length > 0 ? values : undefined);

interface ObservationsToolbarProps {
  state: DataState;
  facets: ObservationFacets;
}

/** Search and filters of the data screen. Each writes to the URL and starts again at page 1. */
export function ObservationsToolbar({ state, facets }: ObservationsToolbarProps) {
  const t = useTranslations('Data.toolbar');
  const tData = useTranslations('Data');
  const tGroups = useTranslations('partnerList');
  // A kind the catalogue does not know yet is shown by its code.
  const kindLabel = (kind: string) =>
    (SOURCE_KINDS as readonly string[]).includes(kind) ? tData(`kinds.${kind as (typeof SOURCE_KINDS)[number]}`) : kind;
  const flagOptions: FacetOption[] = OBSERVATION_FLAGS.map((flag) => ({
    value: flag,
    label: tData(`flagOptions.${flag}`),
  }));
  const groupOptions: FacetOption[] = MEMBERSHIP_GROUP_CODES.map((code) => ({
    value: code,
    label: t('groupMembers', { group: tGroups(`groups.${code}`) }),
  }));
  const kindOptions: FacetOption[] = SOURCE_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }));
  const { query } = state;
  const base = useMemo(() => ({ ...query, cols: [...state.columns] }), [query, state.columns]);
  const { values, navigate, isPending } = useUrlState(dataParsers, base, { pageKey: 'page' });
  // Free text: no history entry per word, and one URL (one server render) once typing pauses.
  const onSearch = useCallback(
    (q: string) => navigate({ q: q || null }, { history: 'replace', debounceMs: SEARCH_DEBOUNCE_MS }),
    [navigate],
  );

  const years: number[] = [];
  if (facets.minYear !== null && facets.maxYear !== null)
    for (let y = facets.maxYear; y >= facets.minYear; y -= 1) years.push(y);
  const yearSelect = (name: 'from' | 'to', label: string) => (
    <label className="flex items-center gap-1.5 text-sm">
      <span>{label}</span>
      <select
        key={query[name] ?? 'none'}
        className="h-9 rounded-md border border-border bg-card px-2"
        defaultValue={query[name] ?? ''}
        data-testid={`filter-${name}`}
        onChange={(event) => navigate({ [name]: event.target.value === '' ? undefined : Number(event.target.value) })}
      >
        <option value="">{name === 'from' ? t('first') : t('latest')}</option>
        {years.map((y) => (
          <option
            key={y}
            value={y}
            disabled={
              name === 'from' ? query.to !== undefined && y > query.to : query.from !== undefined && y < query.from
            }
          >
            {y}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="space-y-1" aria-busy={isPending}>
      <DataTableToolbar
        testId="data-toolbar"
        reset={
          hasDataFilters(query) ? (
            <button
              type="button"
              onClick={() =>
                navigate({
                  q: undefined,
                  reporter: undefined,
                  partner: undefined,
                  group: undefined,
                  flow: undefined,
                  source: undefined,
                  kind: undefined,
                  flags: undefined,
                  from: undefined,
                  to: undefined,
                })
              }
              className="h-9 rounded-md px-3 text-sm font-medium text-accent hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
            >
              {t('reset')}
            </button>
          ) : null
        }
      >
        <DataTableSearch
          value={values.q ?? ''}
          onSearch={onSearch}
          label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
          testId="data-search"
        />
        <DataTableFacetedFilter
          title={t('partner')}
          testId="filter-partner"
          options={withCodes(facets.partners)}
          selected={query.partner ?? []}
          onChange={(v) => navigate({ partner: nonEmpty(v) })}
        />
        <DataTableFacetedFilter
          title={t('group')}
          testId="filter-group"
          options={groupOptions}
          selected={query.group ?? []}
          onChange={(v) => navigate({ group: narrow<MembershipGroupCode>(v, MEMBERSHIP_GROUP_CODES) })}
        />
        <DataTableFacetedFilter
          title={t('reporter')}
          testId="filter-reporter"
          options={withCodes(facets.reporters)}
          selected={query.reporter ?? []}
          onChange={(v) => navigate({ reporter: nonEmpty(v) })}
        />
        <DataTableFacetedFilter
          title={t('indicator')}
          testId="filter-flow"
          options={withCodes(facets.indicators)}
          selected={query.flow ?? []}
          onChange={(v) => navigate({ flow: nonEmpty(v) })}
        />
        <DataTableFacetedFilter
          title={t('source')}
          testId="filter-source"
          options={facets.sources.map((s) => ({
            value: s.value,
            label: s.label,
            hint: kindLabel(s.kind),
          }))}
          selected={query.source ?? []}
          onChange={(v) => navigate({ source: nonEmpty(v) })}
        />
        <DataTableFacetedFilter
          title={t('kind')}
          testId="filter-kind"
          options={kindOptions}
          selected={query.kind ?? []}
          onChange={(v) => navigate({ kind: narrow(v, SOURCE_KINDS) })}
        />
        <DataTableFacetedFilter
          title={t('flags')}
          testId="filter-flags"
          options={flagOptions}
          selected={query.flags ?? []}
          onChange={(v) => navigate({ flags: narrow<ObservationFlag>(v, OBSERVATION_FLAGS) })}
        />
        <div className="flex items-center gap-2" role="group" aria-label={t('years')}>
          {yearSelect('from', t('from'))}
          {yearSelect('to', t('to'))}
        </div>
      </DataTableToolbar>
      {query.group ? (
        <p className="text-xs text-muted-foreground">{t('groupRule', { rule: tGroups('membershipRule') })}</p>
      ) : null}
    </div>
  );
}
