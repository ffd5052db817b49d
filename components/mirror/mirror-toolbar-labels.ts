// The disagreement table's choices of minimum size, as the toolbar shows them: formatted where the
// page is drawn, so that hydrating the toolbar formats no number.
import type { useTranslations } from 'next-intl';
import { formatNumber } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { MIRROR_MIN_SIZES } from '@/lib/search-params/mirror';

/** Per MIRROR_MIN_SIZES entry, in its order: "any size", "USD 10 million". */
export function mirrorMinSizeLabels(
  t: ReturnType<typeof useTranslations<'MirrorScreen.toolbar'>>,
  locale: Locale,
): string[] {
  return MIRROR_MIN_SIZES.map((min) =>
    min === 0 ? t('anySize') : t('minSize', { amount: formatNumber(min, 0, locale) }),
  );
}
