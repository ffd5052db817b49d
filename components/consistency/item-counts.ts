import type { useTranslations } from 'next-intl';
import type { ItemCountTexts } from '@/lib/consistency/labels';

/** The catalogue's words for a check's item counts ("1 fail · 2 pass"). */
export function itemCountTexts(t: ReturnType<typeof useTranslations<'Consistency'>>): ItemCountTexts {
  return { count: (outcome, count) => t(`outcomeCounts.${outcome}`, { count }), none: t('noItems') };
}
