'use client';

// A client component so that the fallback renders in one piece: why, in components/data-table/data-table-skeleton.tsx.
import { useTranslations } from 'next-intl';
import { HeadingSkeleton } from '@/components/layout/heading-skeleton';

/** Shaped like the source list: heading, then cards. */
export default function Loading() {
  const t = useTranslations('Sources');
  return (
    <div className="space-y-6" role="status" aria-label={t('loading')}>
      <HeadingSkeleton titleWidth="w-32" />
      {Array.from({ length: 4 }, (_, index) => (
        <div key={index} className="h-36 animate-pulse rounded-lg border border-border bg-card" />
      ))}
    </div>
  );
}
