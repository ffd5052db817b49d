'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useCallback, useTransition } from 'react';
import { serializeScorecardSearchParams, type ScorecardParams } from '@/lib/search-params/partners';

interface NavigateOptions {
  /** Free text is written with replace, so typing leaves no history entry per word. */
  replace?: boolean;
  /** Paging itself keeps the page; every other change starts again at page 1. */
  keepPage?: boolean;
}

/** Writes a change of the scorecard's state to the URL; the server then renders the new rows. */
export function useScorecardNavigation(params: ScorecardParams) {
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();

  const navigate = useCallback(
    (patch: Partial<ScorecardParams>, options: NavigateOptions = {}) => {
      const next: ScorecardParams = { ...params, ...patch };
      if (!options.keepPage) next.page = 1;
      const query = serializeScorecardSearchParams(next);
      const url = `${pathname}${query ? `?${query}` : ''}`;
      startTransition(() => (options.replace ? router.replace(url, { scroll: false }) : router.push(url, { scroll: false })));
    },
    [params, pathname, router],
  );

  return { navigate, isPending };
}
