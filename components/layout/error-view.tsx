'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';

interface ErrorViewProps {
  error: unknown;
  retry: () => void;
}

/**
 * What a page shows when it fails (usually the database): the one error view of every segment's
 * error.tsx. Server errors arrive redacted in production, with a digest that matches the server
 * log; the message shown here stays generic on purpose.
 */
export function ErrorView({ error, retry }: ErrorViewProps) {
  const t = useTranslations('ErrorView');
  useEffect(() => {
    console.error(error);
  }, [error]);

  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;

  return (
    <div role="alert" className="mx-auto max-w-xl space-y-3 rounded-lg border border-border bg-card p-6">
      <h1 className="text-lg font-semibold">{t('title')}</h1>
      <p className="text-sm text-muted-foreground">{t('body')}</p>
      {digest ? <p className="font-mono text-xs text-muted-foreground">{t('reference', { digest })}</p> : null}
      <button
        type="button"
        onClick={() => retry()}
        className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-white hover:opacity-90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
      >
        {t('retry')}
      </button>
    </div>
  );
}
