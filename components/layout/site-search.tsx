'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
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

const TYPE_LABELS: Record<SearchItemType, string> = { partner: 'Partner', group: 'Group', screen: 'Page' };

/**
 * The header's search box: partners (names in English, Russian and Kazakh, alternative names, ISO
 * codes), groups and screens. The WAI-ARIA combobox pattern with a list popup and automatic
 * selection: the first match is active, arrows move, Enter opens, Escape closes (then clears).
 * Ctrl-K or Cmd-K focuses it from anywhere. Without JavaScript the form searches the partners page.
 */
export function SiteSearch() {
  const router = useRouter();
  const id = useId();
  const listId = `${id}-list`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [index, setIndex] = useState<Prepared | null>(null);
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // Marks the box as working (shortcut listener attached), for tests that press Ctrl-K.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  const results = useMemo(() => (index ? searchIndex(index, query) : []), [index, query]);
  const expanded = open && query.trim() !== '' && index !== null;
  const activeResult = expanded ? results[active] : undefined;

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
        inputRef.current?.focus();
        inputRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const go = (item: SearchItem) => {
    setOpen(false);
    setQuery('');
    inputRef.current?.blur();
    router.push(item.href);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!expanded) {
        setOpen(true);
        return;
      }
      if (results.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + results.length) % results.length);
    } else if (event.key === 'Enter') {
      // With no match (or before the index has arrived) the form goes to the partners page's name filter.
      if (activeResult) {
        event.preventDefault();
        go(activeResult.item);
      }
    } else if (event.key === 'Escape') {
      if (expanded) setOpen(false);
      else setQuery('');
    }
  };

  const status = !expanded
    ? ''
    : results.length === 0
      ? 'No partner, group or page matches.'
      : `${results.length} ${results.length === 1 ? 'match' : 'matches'}; Enter opens ${results[active]?.item.label ?? ''}.`;

  return (
    <form
      role="search"
      data-hydrated={hydrated ? 'true' : undefined}
      action="/partners"
      method="get"
      className="relative w-full sm:w-64"
      onSubmit={(event) => {
        if (activeResult) {
          event.preventDefault();
          go(activeResult.item);
        }
      }}
    >
      <label htmlFor={`${id}-input`} className="sr-only">
        Search partners, groups and pages
      </label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        name="q"
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={activeResult ? `${id}-option-${active}` : undefined}
        aria-keyshortcuts="Control+K Meta+K"
        placeholder="Search partners…  Ctrl K"
        value={query}
        maxLength={100}
        data-testid="site-search"
        className="h-9 w-full rounded-md border border-border bg-background px-3 text-sm placeholder:text-muted-foreground focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent"
        onFocus={() => {
          ensureIndex();
          setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
          ensureIndex();
        }}
        onKeyDown={onKeyDown}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Search results"
        hidden={!expanded || results.length === 0}
        data-testid="site-search-results"
        className="absolute right-0 z-20 mt-1 max-h-96 w-full min-w-72 overflow-auto rounded-md border border-border bg-card py-1 text-sm shadow-lg"
      >
        {expanded
          ? results.map((result, i) => (
              <li
                key={`${result.item.type}-${result.item.id}`}
                id={`${id}-option-${i}`}
                role="option"
                aria-selected={i === active}
                data-href={result.item.href}
                className="flex cursor-pointer items-baseline justify-between gap-3 px-3 py-1.5 aria-selected:bg-muted"
                // Keeps the focus in the box, so the click is not lost to its blur.
                onMouseDown={(event) => event.preventDefault()}
                onMouseMove={() => setActive(i)}
                onClick={() => go(result.item)}
              >
                <span className="min-w-0">
                  <span className="font-medium">{result.item.label}</span>
                  {result.matched ? <span className="text-muted-foreground"> · {result.matched}</span> : null}
                </span>
                <span className="shrink-0 text-xs text-muted-foreground">
                  {TYPE_LABELS[result.item.type]}
                  {result.item.type === 'screen' ? null : ` · ${result.item.id.replace(/^AGG_/, '')}`}
                </span>
              </li>
            ))
          : null}
      </ul>
      <p role="status" className="sr-only">
        {failed ? 'The search could not be loaded; Enter searches the partners page.' : status}
      </p>
    </form>
  );
}
