'use client';

import { useCallback } from 'react';
import { useUrlNavigation } from '@/components/layout/use-url-navigation';
import { serializeScorecardSearchParams, type ScorecardParams } from '@/lib/search-params/partners';

interface NavigateOptions {
  /** Free text is written with replace, so typing leaves no history entry per word. */
  replace?: boolean;
  /** Paging itself keeps the page; every other change starts again at page 1. */
  keepPage?: boolean;
}

/** Writes a change of the scorecard's state to the URL; the server then renders the new rows. */
export function useScorecardNavigation(params: ScorecardParams) {
  const { go, isPending } = useUrlNavigation();

  const navigate = useCallback(
    (patch: Partial<ScorecardParams>, options: NavigateOptions = {}) => {
      const next: ScorecardParams = { ...params, ...patch };
      if (!options.keepPage) next.page = 1;
      go(serializeScorecardSearchParams(next), { replace: options.replace });
    },
    [go, params],
  );

  return { navigate, isPending };
}
