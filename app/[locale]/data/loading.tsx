'use client';

// A client component so that the fallback renders in one piece: why, in components/data-table/data-table-skeleton.tsx.
import { useTranslations } from 'next-intl';
import { HeadingSkeleton } from '@/components/layout/heading-skeleton';
import { DataTableSkeleton } from '@/components/data-table/data-table-skeleton';

/** Shaped like the data screen: heading, filters, table, pager. */
export default function Loading() {
  const t = useTranslations('Data');
  return (
    <div className="space-y-5" role="status" aria-label={t('loading')}>
      <HeadingSkeleton titleWidth="w-48" />
      <DataTableSkeleton columnCount={10} rowCount={14} filterCount={8} withPagination />
    </div>
  );
}
