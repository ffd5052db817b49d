'use client';

import {
  debounce,
  useQueryStates,
  type HistoryOptions,
  type inferParserType,
  type Nullable,
  type ParserMap,
} from 'nuqs';
import { useCallback, useTransition } from 'react';
import { useViewPending } from './view-pending';

/** A screen's state as its loader parsed it: absent parameters may be undefined as well as null. */
export type UrlState<P extends ParserMap> = { [K in keyof P]?: inferParserType<P>[K] | null };

interface NavigateOptions {
  /** 'push' (the default) gives each change a history entry; free text and column choices replace. */
  history?: HistoryOptions;
  /** Free text is written once typing pauses (house style rule 10). */
  debounceMs?: number;
  /** Paging and column choices keep the page; any other change starts again at page 1. */
  keepPage?: boolean;
}

/**
 * Runs `navigate` once the document has finished loading. While the server is still streaming the
 * page, React's inline scripts fill Suspense boundaries by element id ($RS/$RC); a client
 * navigation before then replaces those boundaries, and the scripts that arrive later fail
 * ("Cannot read properties of null (reading 'parentNode')") and leave the page half-drawn. Seen
 * under load when a sort header was clicked while the table was still streaming.
 */
function whenDocumentLoaded(navigate: () => void) {
  if (document.readyState === 'complete') navigate();
  else window.addEventListener('load', navigate, { once: true });
}

/**
 * A screen's URL state through nuqs's useQueryStates, with the screen's parsers from
 * lib/search-params. nuqs does the parsing, serializing, dropping of defaults, history and debounce;
 * this thin layer adds what it lacks here:
 * - every write starts from `base`, the state the server validated (against the years and codes in
 *   the database), so a value the page refused and named in its notice is not carried into the next
 *   URL, and the URL stays canonical;
 * - the page-1 rule: a change that does not set `pageKey` resets it;
 * - no navigation while the document is still streaming (see whenDocumentLoaded).
 * Updates are not shallow, so the server renders the new view; `isPending` covers that render, and
 * the page's ViewPendingRegion dims the content meanwhile.
 */
export function useUrlState<P extends ParserMap>(
  parsers: P,
  base: UrlState<P>,
  { pageKey }: { pageKey?: keyof P & string } = {},
) {
  // The page's shared transition when there is one (the content dims while it runs), else our own.
  const shared = useViewPending();
  const [ownPending, ownStartTransition] = useTransition();
  const isPending = shared?.isPending ?? ownPending;
  const startTransition = shared?.startTransition ?? ownStartTransition;
  const [values, setValues] = useQueryStates(parsers, {
    shallow: false,
    history: 'push',
    scroll: false,
    startTransition,
  });

  const navigate = useCallback(
    (patch: UrlState<P>, { history, debounceMs, keepPage = false }: NavigateOptions = {}) => {
      const next: Record<string, unknown> = { ...base, ...patch };
      if (pageKey !== undefined && !keepPage && !(pageKey in patch)) next[pageKey] = null;
      // nuqs reads undefined as "leave this key as it is"; here it means absent, so it becomes null.
      const update = Object.fromEntries(Object.keys(parsers).map((key) => [key, next[key] ?? null])) as Partial<
        Nullable<inferParserType<P>>
      >;
      whenDocumentLoaded(
        () =>
          void setValues(update, {
            history,
            limitUrlUpdates: debounceMs === undefined ? undefined : debounce(debounceMs),
          }),
      );
    },
    [base, pageKey, parsers, setValues],
  );

  return { values, navigate, isPending };
}
