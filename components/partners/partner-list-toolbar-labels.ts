// The partner list's choices of growth window and minimum size, as the toolbar shows them:
// formatted where the page is drawn, so that hydrating the toolbar formats no number.
import type { useTranslations } from 'next-intl';
import { formatNumber } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { CAGR_WINDOWS, GROWTH_MIN_SIZES } from '@/lib/search-params/partner-list';

export interface PartnerListToolbarLabels {
  /** Per CAGR_WINDOWS entry, in its order: "5 years". */
  windows: string[];
  /** Per GROWTH_MIN_SIZES entry, in its order: "any size", "USD 100 million". */
  minSizes: string[];
}

export function partnerListToolbarLabels(
  t: ReturnType<typeof useTranslations<'partnerList'>>,
  locale: Locale,
): PartnerListToolbarLabels {
  return {
    windows: CAGR_WINDOWS.map((w) => t('toolbar.windowYears', { count: w })),
    minSizes: GROWTH_MIN_SIZES.map((min) =>
      min === 0 ? t('toolbar.anySize') : t('toolbar.minSize', { amount: formatNumber(min, 0, locale) }),
    ),
  };
}
