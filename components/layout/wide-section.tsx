import type { ReactNode } from 'react';

/**
 * Lets a wide table use more than the page column on large screens (up to 96rem), centred on the
 * page; on small screens it is the page column. Layout only.
 */
export function WideSection({ children, className = '' }: { children: ReactNode; className?: string }) {
  return (
    <div className={`xl:relative xl:left-1/2 xl:w-[min(calc(100vw-4rem),96rem)] xl:-translate-x-1/2 ${className}`}>
      {children}
    </div>
  );
}
