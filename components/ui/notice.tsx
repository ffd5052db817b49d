import type { ReactNode } from 'react';

interface NoticeProps {
  title: string;
  children: ReactNode;
  testId?: string;
}

/** A visible, non-blocking message above the content, e.g. "this URL parameter was ignored". */
export function Notice({ title, children, testId }: NoticeProps) {
  return (
    <div
      role="status"
      data-testid={testId}
      className="rounded-lg border border-warning-border bg-warning px-4 py-3 text-sm text-warning-foreground"
    >
      <p className="font-semibold">{title}</p>
      <div className="mt-1">{children}</div>
    </div>
  );
}
