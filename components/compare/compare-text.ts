// Titles and descriptions of the compare chart, from the view state and its shaped numbers, in the
// page's language (the Compare catalogue).
import type { useTranslations } from 'next-intl';
import type { CompareSeriesShape } from '@/lib/charts/compare-series';
import { formatValueByUnit } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import type { CompareSearchParams } from '@/lib/search-params/compare';

export type CompareTexts = ReturnType<typeof useTranslations<'Compare'>>;

export function compareTitle(params: CompareSearchParams, t: CompareTexts): string {
  const mode =
    params.mode === 'share'
      ? t('titleMode.share')
      : params.mode === 'index'
        ? t('titleMode.index', { year: String(params.from) })
        : params.mode === 'change'
          ? t('titleMode.change')
          : params.currency === 'EUR'
            ? t('titleMode.eur')
            : t('titleMode.usd');
  const range = params.from === params.to ? String(params.from) : `${params.from}–${params.to}`;
  return t('chartTitle', { flow: t(`flowTitle.${params.flow}`), mode, range });
}

/** "A, B and C" with the language's word for "and". */
export function listText(names: readonly string[], t: CompareTexts): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${t('and')} ${names.at(-1)}`;
}

/** A sentence a screen reader can use instead of the picture: what is drawn and where it ends. */
export function compareDescription(
  params: CompareSearchParams,
  shape: CompareSeriesShape,
  t: CompareTexts,
  locale: Locale,
): string {
  if (shape.categories.length === 0) return t('noneSelected');
  const list = listText(
    shape.categories.map((c) => c.label),
    t,
  );
  const ends = shape.categories
    .map((category) => {
      const last = [...shape.years].reverse().find((year) => shape.cells[category.key]?.[year]?.value != null);
      if (last === undefined) return t('endNone', { partner: category.label });
      const value = shape.cells[category.key]?.[last]?.value ?? null;
      return t('endValue', {
        partner: category.label,
        value: formatValueByUnit(value, shape.unit.kind, shape.unit.currency, locale),
        year: String(last),
      });
    })
    .join('; ');
  return t('chartDescription', { list, ends });
}
