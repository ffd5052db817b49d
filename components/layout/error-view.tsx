'use client';

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
  useEffect(() => {
    console.error(error);
  }, [error]);

  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;

  return (
    <div role="alert" className="mx-auto max-w-xl space-y-3 rounded-lg border border-border bg-card p-6">
      <h1 className="text-lg font-semibold">The data could not be loaded</h1>
      <p className="text-sm text-muted-foreground">
        Something went wrong while loading this page. It may be a temporary problem with the database; please try again.
      </p>
      {digest ? <p className="font-mono text-xs text-muted-foreground">Reference: {digest}</p> : null}
      <button
        type="button"
        onClick={() => retry()}
        className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-white hover:opacity-90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
      >
        Try again
      </button>
    </div>
  );
}
