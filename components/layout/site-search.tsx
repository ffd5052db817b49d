'use client';

import { useRouter } from 'next/navigation';
import { useCombobox } from 'downshift';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react';
import { localizedHref } from '@/lib/i18n/paths';
import { prepareSearchIndex, searchIndex, type SearchItem, type SearchItemType } from '@/lib/search/rank';

type Prepared = ReturnType<typeof prepareSearchIndex>;

/** The index is fetched once per page load, on first use, and shared by every render. */
let indexPromise: Promise<Prepared> | null = null;
function loadIndex(): Promise<Prepared> {
  indexPromise ??= fetch('/api/search-index')
    .then((response) => {
      if (!response.ok) throw new Error(`search index: ${response.status}`);
      return response.json() as Promise<{ items: SearchItem[] }>;
    })
    .then((body) => prepareSearchIndex(body.items))
    .catch((error: unknown) => {
      // Tried again on the next use rather than failing for the rest of the visit.
      indexPromise = null;
      throw error;
    });
  return indexPromise;
}

const noSubscription = () => () => {};

/**
 * The header's search box: partners (names in English, Russian and Kazakh, alternative names, ISO
 * codes), groups and screens. The WAI-ARIA combobox is downshift's useCombobox, as in the compare
 * page's partner picker: the first match is highlighted as one types, arrows move, Enter or a click
 * opens, Escape closes (then clears). Only Ctrl-K or Cmd-K, which focuses it from anywhere, is ours.
 * Without JavaScript (or with no match) the form searches the partners page by name.
 */
export function SiteSearch() {
  const router = useRouter();
  const t = useTranslations('Search');
  const locale = useLocale();
  // The box is found by its id: downshift holds the input's ref.
  const inputId = `${useId()}-search`;
  const [index, setIndex] = useState<Prepared | null>(null);
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  // Marks the box as working (shortcut listener attached), for tests that press Ctrl-K.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  const results = useMemo(() => (index ? searchIndex(index, query) : []), [index, query]);
  const expanded = open && query.trim() !== '' && index !== null;

  const ensureIndex = () => {
    if (index) return;
    loadIndex().then(
      (loaded) => {
        setIndex(loaded);
        setFailed(false);
      },
      () => setFailed(true),
    );
  };

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        const input = document.getElementById(inputId);
        if (input instanceof HTMLInputElement) {
          input.focus();
          input.select();
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [inputId]);

  const go = (item: SearchItem) => {
    document.getElementById(inputId)?.blur();
    // A translated screen opens in the page's language (/ru/partners/DEU), any other in English.
    router.push(localizedHref(locale, item.href));
  };

  const { isOpen, highlightedIndex, getLabelProps, getInputProps, getMenuProps, getItemProps } = useCombobox({
    inputId,
    items: results,
    // Open only with matches: with none (or before the index has come), Enter submits the form.
    isOpen: expanded && results.length > 0,
    onIsOpenChange: ({ isOpen: next }) => setOpen(next ?? false),
    defaultHighlightedIndex: 0,
    // A pick is an action, not a value the box keeps: no selection is ever held.
    selectedItem: null,
    itemToString: (result) => result?.item.label ?? '',
    itemToKey: (result) => (result ? `${result.item.type}-${result.item.id}` : null),
    // The input is downshift's own (a controlled one loses keystrokes typed quickly); `query` follows it.
    onInputValueChange: ({ inputValue }) => {
      setQuery(inputValue ?? '');
      ensureIndex();
    },
    stateReducer: (state, { type, changes }) => {
      const types = useCombobox.stateChangeTypes;
      // Leaving the box (Tab, a click elsewhere) must not open the highlighted page.
      if (type === types.InputBlur)
        return { ...changes, selectedItem: state.selectedItem, inputValue: state.inputValue };
      // Opening a page empties the box for the next search.
      if (type === types.InputKeyDownEnter || type === types.ItemClick) return { ...changes, inputValue: '' };
      return changes;
    },
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) go(selectedItem.item);
    },
  });

  const highlighted = isOpen ? results[highlightedIndex] : undefined;
  const status = !expanded
    ? ''
    : results.length === 0
      ? t('noMatch')
      : highlighted
        ? t('matchesOpen', { count: results.length, label: highlighted.item.label })
        : t('matches', { count: results.length });

  return (
    <form
      role="search"
      data-hydrated={hydrated ? 'true' : undefined}
      action={localizedHref(locale, '/partners')}
      method="get"
      className="relative w-full sm:w-64"
    >
      <label {...getLabelProps()} className="sr-only">
        {t('label')}
      </label>
      <input
        {...getInputProps({
          onFocus: () => {
            ensureIndex();
            setOpen(true);
          },
        })}
        name="q"
        type="text"
        autoComplete="off"
        spellCheck={false}
        aria-keyshortcuts="Control+K Meta+K"
        placeholder={t('placeholder')}
        maxLength={100}
        data-testid="site-search"
        className="h-9 w-full rounded-md border border-border bg-background px-3 text-sm placeholder:text-muted-foreground focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent"
      />
      <ul
        {...getMenuProps({ 'aria-label': t('results') })}
        hidden={!isOpen}
        data-testid="site-search-results"
        className="absolute right-0 z-20 mt-1 max-h-96 w-full min-w-72 overflow-auto rounded-md border border-border bg-card py-1 text-sm shadow-lg"
      >
        {isOpen
          ? results.map((result, i) => (
              <li
                key={`${result.item.type}-${result.item.id}`}
                {...getItemProps({ item: result, index: i })}
                data-href={result.item.href}
                className="flex cursor-pointer items-baseline justify-between gap-3 px-3 py-1.5 aria-selected:bg-muted"
              >
                <span className="min-w-0">
                  <span className="font-medium">{result.item.label}</span>
                  {result.matched ? <span className="text-muted-foreground"> · {result.matched}</span> : null}
                </span>
                <span className="shrink-0 text-xs text-muted-foreground">
                  {t(`type.${result.item.type satisfies SearchItemType}`)}
                  {result.item.type === 'screen' ? null : ` · ${result.item.id.replace(/^AGG_/, '')}`}
                </span>
              </li>
            ))
          : null}
      </ul>
      <p role="status" className="sr-only">
        {failed ? t('failed') : status}
      </p>
    </form>
  );
}
