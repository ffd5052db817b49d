// What the pager says, from the page's numbers: a pure function, so that a table drawn by the
// server hands the pager finished text and the browser formats no number while it hydrates (the
// first Intl.NumberFormat costs 100-250 ms of a phone's main thread, docs/performance.md).
import type { useTranslations } from 'next-intl';
import { formatNumber } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';

export type KitT = ReturnType<typeof useTranslations<'partnerList.kit'>>;

export interface PagerTexts {
  /** "1–50 of 235 partners", or "No partners". */
  summary: string;
  /** "Page 1 of 5". */
  page: string;
}

export function pagerTexts(
  t: KitT,
  locale: Locale,
  { page, size, total, rows }: { page: number; size: number; total: number; rows: string },
): PagerTexts {
  const count = (n: number) => formatNumber(n, 0, locale);
  const pageCount = Math.max(1, Math.ceil(total / size));
  const first = total === 0 ? 0 : (page - 1) * size + 1;
  const last = Math.min(total, page * size);
  return {
    summary:
      total === 0
        ? t('none', { rows })
        : t('range', { first: count(first), last: count(last), total: count(total), rows }),
    page: t('page', { page: count(page), count: count(pageCount) }),
  };
}
