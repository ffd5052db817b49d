'use client';

// A client component so that the fallback renders in one piece: why, in components/data-table/data-table-skeleton.tsx.
import { useTranslations } from 'next-intl';
import { HeadingSkeleton } from '@/components/layout/heading-skeleton';
import { DataTableSkeleton } from '@/components/data-table/data-table-skeleton';

/** Shaped like the partner list: heading, controls, table, pager. */
export default function Loading() {
  const t = useTranslations('partnerList');
  return (
    <div className="space-y-5" role="status" aria-label={t('loading')}>
      <HeadingSkeleton titleWidth="w-48" />
      <DataTableSkeleton columnCount={12} rowCount={14} filterCount={4} withPagination />
    </div>
  );
}
