'use client';

import { useTranslations } from 'next-intl';
import { useCombobox } from 'downshift';
import { useId, useMemo, useState } from 'react';
import type { PartnerKind } from '@/lib/generated/prisma/enums';
import { MAX_COMPARE_PARTNERS } from '@/lib/search-params/compare';

export interface PickerOption {
  code: string;
  name: string;
  kind: PartnerKind;
  firstYear: number | null;
  lastYear: number | null;
}

interface PartnerPickerProps {
  options: readonly PickerOption[];
  selected: readonly string[];
  onChange: (codes: string[]) => void;
  disabled?: boolean;
}

const MAX_RESULTS = 8;

/** Folds accents and case so that "cote" finds "Côte d'Ivoire". */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/**
 * Selected partners as removable chips, and a combobox over every partner (name or code). Search
 * text is local, not URL state: it is a way to pick, not part of the view.
 */
export function PartnerPicker({ options, selected, onChange, disabled = false }: PartnerPickerProps) {
  const t = useTranslations('Compare.picker');
  const [query, setQuery] = useState('');
  const labelId = useId();
  const byCode = useMemo(() => new Map(options.map((o) => [o.code, o])), [options]);
  const full = selected.length >= MAX_COMPARE_PARTNERS;

  const results = useMemo(() => {
    const q = fold(query.trim());
    if (!q) return [];
    return (
      options
        .filter((o) => !selected.includes(o.code) && (fold(o.name).includes(q) || o.code.toLowerCase().startsWith(q)))
        // Partners with trade data first: choosing one without any draws nothing.
        .sort((a, b) => Number(b.lastYear !== null) - Number(a.lastYear !== null) || a.name.localeCompare(b.name))
        .slice(0, MAX_RESULTS)
    );
  }, [options, query, selected]);

  // The WAI-ARIA combobox pattern from downshift: arrow keys move through the matches, Enter adds
  // the highlighted one, Escape closes the list; the input keeps focus, cleared for the next pick.
  const { isOpen, highlightedIndex, getLabelProps, getInputProps, getMenuProps, getItemProps } = useCombobox({
    items: results,
    selectedItem: null,
    itemToString: (option) => option?.name ?? '',
    // The input is downshift's own (a controlled one loses keystrokes typed quickly); `query` only
    // follows it to filter. Picking a partner empties it, ready for the next.
    onInputValueChange: ({ inputValue }) => setQuery(inputValue),
    stateReducer: (_state, { type, changes }) =>
      type === useCombobox.stateChangeTypes.InputKeyDownEnter || type === useCombobox.stateChangeTypes.ItemClick
        ? { ...changes, inputValue: '' }
        : changes,
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) onChange([...selected, selectedItem.code]);
    },
  });

  return (
    <div className="space-y-2">
      <p className="text-sm font-medium" id={labelId}>
        {t('label')}{' '}
        <span className="font-normal text-muted-foreground">
          {t('count', { count: selected.length, max: MAX_COMPARE_PARTNERS })}
        </span>
      </p>
      <ul className="flex flex-wrap gap-2" aria-labelledby={labelId} data-testid="selected-partners">
        {selected.map((code) => {
          const option = byCode.get(code);
          return (
            <li key={code}>
              <span className="inline-flex items-center gap-1 rounded-full border border-border bg-muted py-0.5 pr-1 pl-3 text-sm">
                {option?.name ?? code}
                <button
                  type="button"
                  disabled={disabled || selected.length === 1}
                  onClick={() => onChange(selected.filter((c) => c !== code))}
                  className="rounded-full px-1.5 leading-5 hover:bg-card focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-40"
                  aria-label={t('remove', { name: option?.name ?? code })}
                  title={selected.length === 1 ? t('lastStays') : undefined}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      <div className="relative max-w-md">
        <label {...getLabelProps()} className="sr-only">
          {t('add')}
        </label>
        <input
          {...getInputProps({ disabled: disabled || full })}
          type="search"
          placeholder={full ? t('full', { max: MAX_COMPARE_PARTNERS }) : t('add')}
          className="w-full rounded-md border border-border bg-card px-3 py-1.5 text-sm placeholder:text-muted-foreground"
        />
        <ul
          {...getMenuProps({ 'aria-label': t('results') })}
          className={
            isOpen && results.length > 0
              ? 'mt-1 max-h-72 overflow-auto rounded-md border border-border bg-card shadow-md'
              : 'hidden'
          }
        >
          {isOpen
            ? results.map((option, index) => (
                <li
                  key={option.code}
                  {...getItemProps({ item: option, index })}
                  className={`flex cursor-pointer items-baseline justify-between gap-3 px-3 py-1.5 text-sm ${
                    highlightedIndex === index ? 'bg-muted outline-2 outline-accent' : ''
                  }`}
                >
                  <span>
                    {option.name} <span className="font-mono text-xs text-muted-foreground">{option.code}</span>
                  </span>
                  <span className="shrink-0 text-xs text-muted-foreground">
                    {option.firstYear !== null && option.lastYear !== null
                      ? `${option.firstYear}–${option.lastYear}`
                      : t('noTrade')}
                  </span>
                </li>
              ))
            : null}
        </ul>
        <p aria-live="polite" className="sr-only">
          {query.trim() ? t('matches', { count: results.length }) : ''}
        </p>
        {query.trim() && results.length === 0 ? (
          <p className="mt-1 text-sm text-muted-foreground">{t('noMatch', { query: query.trim() })}</p>
        ) : null}
      </div>
    </div>
  );
}
