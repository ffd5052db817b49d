import type { ReactNode } from 'react';

interface ScrollRegionProps {
  /** Names the region for screen readers ("Agreements table"). */
  label: string;
  className?: string;
  testId?: string;
  children: ReactNode;
}

/**
 * A box that scrolls when its table is wider (phones) or taller than the page allows. It takes
 * keyboard focus so that keyboard users can scroll it too (WCAG 2.1.1; axe scrollable-region-focusable).
 */
export function ScrollRegion({ label, className = '', testId, children }: ScrollRegionProps) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      data-testid={testId}
      className={`overflow-auto focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent ${className}`}
    >
      {children}
    </div>
  );
}
