'use client';

import { useTranslations } from 'next-intl';
import { createContext, useContext, useTransition, type ReactNode, type TransitionStartFunction } from 'react';

interface ViewPending {
  isPending: boolean;
  startTransition: TransitionStartFunction;
}

const ViewPendingContext = createContext<ViewPending | null>(null);

/**
 * One transition for every change of view on a page: the controls (useUrlState) start the server
 * render in it, and the content it will replace is dimmed, marked busy and announced until the new
 * view arrives, so a control never shows a state the content below does not.
 */
export function ViewPendingRegion({ children }: { children: ReactNode }) {
  const [isPending, startTransition] = useTransition();
  const t = useTranslations('Layout');
  return (
    <ViewPendingContext.Provider value={{ isPending, startTransition }}>
      <div
        aria-busy={isPending}
        data-view-pending={isPending ? 'true' : undefined}
        className="transition-opacity duration-150 data-[view-pending=true]:opacity-50 motion-reduce:transition-none"
      >
        {children}
      </div>
      <p
        role="status"
        aria-label={isPending ? t('loadingView') : undefined}
        className={
          isPending
            ? 'fixed inset-x-0 top-0 z-50 h-1 animate-pulse bg-primary text-[0px] motion-reduce:animate-none'
            : 'sr-only'
        }
      >
        {isPending ? `${t('loadingView')}…` : ''}
      </p>
    </ViewPendingContext.Provider>
  );
}

/** The page's shared transition, or null outside a ViewPendingRegion. */
export function useViewPending(): ViewPending | null {
  return useContext(ViewPendingContext);
}
