'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useCallback, useTransition } from 'react';

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
 * Writes a screen's new state to the URL, the single source of truth; the server then renders the
 * new view. In a transition, so `isPending` can dim what is about to be replaced; `scroll: false`
 * keeps the reader at the control they used. Each screen's hook builds the query string with its
 * own serializer and calls `go`.
 */
export function useUrlNavigation() {
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();

  const go = useCallback(
    /** `query` with or without its leading "?"; `replace` for free text, so typing leaves no history entry per word. */
    (query: string, options: { replace?: boolean } = {}) => {
      const url = `${pathname}${query === '' || query.startsWith('?') ? query : `?${query}`}`;
      whenDocumentLoaded(() =>
        startTransition(() =>
          options.replace ? router.replace(url, { scroll: false }) : router.push(url, { scroll: false }),
        ),
      );
    },
    [pathname, router],
  );

  return { go, isPending };
}
