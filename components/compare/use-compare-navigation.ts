'use client';

import { useCallback } from 'react';
import { useUrlNavigation } from '@/components/layout/use-url-navigation';
import { serializeCompareSearchParams, type CompareSearchParams } from '@/lib/search-params/compare';

/** Writes a change of the compare view to the URL; the server renders the new view. */
export function useCompareNavigation(params: CompareSearchParams, range: { minYear: number; maxYear: number }) {
  const { go, isPending } = useUrlNavigation();

  const navigate = useCallback(
    (patch: Partial<CompareSearchParams>) => {
      const next = { ...params, ...patch };
      // Keep the state valid by construction: controls never produce a range that runs backwards.
      if (next.from > next.to) next.to = next.from;
      go(serializeCompareSearchParams(next, range));
    },
    [go, params, range],
  );

  return { navigate, isPending };
}
