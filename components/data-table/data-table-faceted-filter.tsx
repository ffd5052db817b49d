'use client';

import { useTranslations } from 'next-intl';
import { useId, useMemo, useState } from 'react';
import { Popover } from '@/components/ui/popover';

export interface FacetOption {
  value: string;
  label: string;
  /** Extra text shown after the label, e.g. a code. */
  hint?: string;
}

interface DataTableFacetedFilterProps {
  title: string;
  options: readonly FacetOption[];
  /** Values chosen now, from the URL. */
  selected: readonly string[];
  /** Called with the new selection after each change; the caller writes it to the URL. */
  onChange: (values: string[]) => void;
  testId?: string;
}

/** Long lists (partners) get a search box; short ones (groups, flags) do not need it. */
const SEARCH_FROM = 8;

/**
 * A multi-select filter: a button naming the filter and how many values are chosen, opening a list
 * of checkboxes. The selection is kept locally while the panel is open, so quick successive
 * clicks build on each other even before the URL (and the server's rows) catch up.
 */
export function DataTableFacetedFilter({ title, options, selected, onChange, testId }: DataTableFacetedFilterProps) {
  const t = useTranslations('partnerList.kit');
  const labels = useMemo(() => new Map(options.map((o) => [o.value, o.label])), [options]);
  const summary =
    selected.length === 0
      ? null
      : selected.length <= 2
        ? selected.map((v) => labels.get(v) ?? v).join(', ')
        : t('selected', { count: String(selected.length) });

  return (
    <Popover
      testId={testId}
      trigger={
        <>
          <svg
            aria-hidden="true"
            viewBox="0 0 16 16"
            className="h-3.5 w-3.5"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
          >
            <path d="M2 3h12L9.5 8.5V13l-3-1.5v-3z" />
          </svg>
          <span>{title}</span>
          {summary ? (
            <span className="max-w-40 truncate rounded bg-accent/15 px-1.5 py-0.5 text-xs font-medium text-foreground">
              {summary}
            </span>
          ) : null}
        </>
      }
      panelClassName="w-72"
    >
      <FacetPanel title={title} options={options} selected={selected} onChange={onChange} />
    </Popover>
  );
}

function FacetPanel({ title, options, selected, onChange }: Omit<DataTableFacetedFilterProps, 'testId'>) {
  const t = useTranslations('partnerList.kit');
  const [chosen, setChosen] = useState<string[]>(() => [...selected]);
  const [search, setSearch] = useState('');
  const searchId = useId();
  const needle = search.trim().toLowerCase();
  const visible = needle
    ? options.filter(
        (o) =>
          o.label.toLowerCase().includes(needle) ||
          o.value.toLowerCase().includes(needle) ||
          o.hint?.toLowerCase().includes(needle),
      )
    : options;

  const apply = (next: string[]) => {
    setChosen(next);
    onChange(next);
  };

  return (
    <div className="space-y-2">
      {options.length >= SEARCH_FROM ? (
        <div>
          <label htmlFor={searchId} className="sr-only">
            {t('search', { title })}
          </label>
          <input
            id={searchId}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder={t('searchPlaceholder', { lower: title.toLowerCase() })}
            className="h-8 w-full rounded-md border border-border bg-background px-2"
            autoFocus
          />
        </div>
      ) : null}
      <fieldset>
        <legend className="sr-only">{title}</legend>
        <ul className="max-h-64 space-y-0.5 overflow-y-auto">
          {visible.map((option) => {
            const checked = chosen.includes(option.value);
            return (
              <li key={option.value}>
                <label className="flex cursor-pointer items-start gap-2 rounded px-1.5 py-1 hover:bg-muted">
                  <input
                    type="checkbox"
                    // The label alone: the code beside it would run into the name ("Exportsexport").
                    aria-label={option.label}
                    className="mt-0.5 accent-accent"
                    checked={checked}
                    onChange={() =>
                      apply(checked ? chosen.filter((v) => v !== option.value) : [...chosen, option.value])
                    }
                  />
                  <span>
                    {option.label}
                    {option.hint ? (
                      <span className="ml-1 font-mono text-xs text-muted-foreground">{option.hint}</span>
                    ) : null}
                  </span>
                </label>
              </li>
            );
          })}
          {visible.length === 0 ? <li className="px-1.5 py-1 text-muted-foreground">{t('noMatch')}</li> : null}
        </ul>
      </fieldset>
      {chosen.length > 0 ? (
        <button
          type="button"
          onClick={() => apply([])}
          className="w-full rounded px-2 py-1 text-center text-sm hover:bg-muted"
        >
          {t('clear', { lower: title.toLowerCase() })}
        </button>
      ) : null}
    </div>
  );
}
