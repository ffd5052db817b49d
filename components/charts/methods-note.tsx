import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

/** The anchor of a page's one "Methods and sources" section; every chart links to it. */
export const METHODS_ID = 'methods';

/**
 * What a page's charts have in common, said once: the series they come from, its breaks and
 * derivations, and the sources. Each chart keeps only what is its own (unit, period, the breaks it
 * crosses) and links here ("How these figures are made"); its downloads still carry everything.
 */
export function MethodsNote({ children }: { children: ReactNode }) {
  const t = useTranslations('Charts');
  return (
    <section
      id={METHODS_ID}
      aria-labelledby={`${METHODS_ID}-heading`}
      data-testid="methods"
      className="max-w-3xl scroll-mt-4 space-y-2 text-sm text-muted-foreground"
    >
      <h2 id={`${METHODS_ID}-heading`} className="text-lg font-semibold text-foreground">
        {t('methodsHeading')}
      </h2>
      {children}
    </section>
  );
}
