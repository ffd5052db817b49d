'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useCallback, useTransition } from 'react';
import { serializeOverviewSearchParams, type OverviewSearchParams } from '@/lib/search-params/overview';

/**
 * Writes a change of the overview's state to the URL, the single source of truth; the server
 * then renders the new rows. `scroll: false` keeps the reader where they clicked.
 */
export function useOverviewNavigation(params: OverviewSearchParams) {
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();

  const navigate = useCallback(
    (patch: Partial<OverviewSearchParams>) => {
      const query = serializeOverviewSearchParams({ ...params, ...patch });
      startTransition(() => router.push(`${pathname}${query}`, { scroll: false }));
    },
    [params, pathname, router],
  );

  return { navigate, isPending };
}
