'use client';

import { useCallback } from 'react';
import { useUrlNavigation } from '@/components/layout/use-url-navigation';
import {
  serializeExplorerSearchParams,
  type ExplorerColumnId,
  type ExplorerQuery,
  type ExplorerState,
} from '@/lib/search-params/explorer';

interface NavigateOptions {
  /** Free text is written with replace, so typing leaves no history entry per word. */
  replace?: boolean;
  /** Paging itself keeps the page; every other change starts again at page 1. */
  keepPage?: boolean;
}

/**
 * Writes a change of the explorer's state to the URL, the single source of truth; the server then
 * renders the new rows. `scroll: false` keeps the reader where they clicked.
 */
export function useExplorerNavigation(state: ExplorerState) {
  const { go: goTo, isPending } = useUrlNavigation();
  const go = useCallback(
    (next: ExplorerState, replace: boolean) => goTo(serializeExplorerSearchParams(next), { replace }),
    [goTo],
  );

  const navigate = useCallback(
    (patch: Partial<ExplorerQuery>, options: NavigateOptions = {}) => {
      const query = { ...state.query, ...patch };
      if (!options.keepPage) query.page = undefined;
      go({ ...state, query }, options.replace ?? false);
    },
    [go, state],
  );

  const setColumns = useCallback(
    (columns: readonly ExplorerColumnId[]) => go({ ...state, columns }, true),
    [go, state],
  );

  return { navigate, setColumns, isPending };
}
