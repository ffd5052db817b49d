'use client';

// A client component so that the fallback renders in one piece: why, in components/data-table/data-table-skeleton.tsx.
import { useTranslations } from 'next-intl';
import { HeadingSkeleton } from '@/components/layout/heading-skeleton';

/** Shaped like the consistency page: heading, summary cards, then check sections with tables. */
export default function Loading() {
  // A namespace of its own: the client gets only the namespaces its components read (lib/i18n/client-namespaces.ts).
  const t = useTranslations('ConsistencyLoading');
  return (
    <div className="space-y-10" role="status" aria-label={t('label')}>
      <HeadingSkeleton titleWidth="w-64" lineWidths={['w-[36rem]', 'w-[30rem]']} />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {Array.from({ length: 5 }, (_, index) => (
          <div key={index} className="h-24 animate-pulse rounded-lg border border-border bg-card" />
        ))}
      </div>
      {Array.from({ length: 3 }, (_, index) => (
        <div key={index} className="space-y-3">
          <div className="h-6 w-80 max-w-full animate-pulse rounded bg-muted" />
          <div className="h-4 w-[40rem] max-w-full animate-pulse rounded bg-muted/70" />
          <div className="h-48 animate-pulse rounded-lg border border-border bg-card" />
        </div>
      ))}
    </div>
  );
}
