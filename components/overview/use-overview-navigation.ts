'use client';

import { useCallback } from 'react';
import { useUrlNavigation } from '@/components/layout/use-url-navigation';
import { serializeOverviewSearchParams, type OverviewSearchParams } from '@/lib/search-params/overview';

/** Writes a change of the overview's state to the URL; the server then renders the new rows. */
export function useOverviewNavigation(params: OverviewSearchParams) {
  const { go, isPending } = useUrlNavigation();

  const navigate = useCallback(
    (patch: Partial<OverviewSearchParams>) => go(serializeOverviewSearchParams({ ...params, ...patch })),
    [go, params],
  );

  return { navigate, isPending };
}
