'use client';

import { useEffect } from 'react';

interface GlobalErrorProps {
  error: unknown;
  retry: () => void;
}

/**
 * Replaces the root layout when it fails, so it brings its own <html> and cannot rely on
 * globals.css: the few styles it needs are inline and follow the system color scheme.
 */
export default function GlobalError({ error, retry }: GlobalErrorProps) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', margin: 0, padding: '3rem 1rem', colorScheme: 'light dark' }}>
        <title>Error · Kazakhstan Trade Dashboard</title>
        <div role="alert" style={{ maxWidth: '36rem', margin: '0 auto' }}>
          <h1 style={{ fontSize: '1.25rem' }}>Kazakhstan Trade Dashboard is unavailable</h1>
          <p>Something went wrong while loading the application. Please try again.</p>
          <button type="button" onClick={() => retry()} style={{ padding: '0.4rem 0.9rem', font: 'inherit' }}>
            Try again
          </button>
        </div>
      </body>
    </html>
  );
}
