'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useCallback, useTransition } from 'react';
import { serializeCompareSearchParams, type CompareSearchParams } from '@/lib/search-params/compare';

/**
 * Writes a change of the compare view to the URL, the single source of truth; the server renders
 * the new view. `scroll: false` keeps the reader at the control they used.
 */
export function useCompareNavigation(params: CompareSearchParams, range: { minYear: number; maxYear: number }) {
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();

  const navigate = useCallback(
    (patch: Partial<CompareSearchParams>) => {
      const next = { ...params, ...patch };
      // Keep the state valid by construction: controls never produce a range that runs backwards.
      if (next.from > next.to) next.to = next.from;
      const query = serializeCompareSearchParams(next, range);
      startTransition(() => router.push(`${pathname}${query}`, { scroll: false }));
    },
    [params, pathname, range, router],
  );

  return { navigate, isPending };
}
