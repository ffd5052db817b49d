import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

interface DataTableToolbarProps {
  /** Search and filters, on the left; they wrap on narrow screens. */
  children: ReactNode;
  /** View options and export, on the right. */
  actions?: ReactNode;
  /** Shown when any filter is set; clears them all. */
  reset?: ReactNode;
  testId?: string;
}

/** The row of controls above a table. Layout only: each control writes its own URL state. */
export function DataTableToolbar({ children, actions, reset, testId }: DataTableToolbarProps) {
  const t = useTranslations('partnerList.kit');
  return (
    <div
      className="flex flex-wrap items-start justify-between gap-2"
      data-testid={testId}
      role="group"
      aria-label={t('tableControls')}
    >
      <div className="flex flex-1 flex-wrap items-center gap-2">
        {children}
        {reset}
      </div>
      {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  );
}
