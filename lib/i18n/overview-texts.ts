// The overview's words outside React (loaders, pure shaping: URL notices, source names, peak
// caveats), in any language, from the catalogues' `overview` namespace, as chart-texts.ts does
// for ChartTexts: a component's t() and a shaped sentence read alike.
import { createTranslator } from 'next-intl';
import type { Locale } from './locales';
import en from './messages/en.json';
import kk from './messages/kk.json';
import ru from './messages/ru.json';

const MESSAGES: Record<Locale, typeof en> = { en, ru, kk };

const cache = new Map<Locale, OverviewTexts>();

/** The overview translator of a language; English by default. */
export function overviewTexts(locale: Locale = 'en'): OverviewTexts {
  let texts = cache.get(locale);
  if (!texts) {
    texts = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'overview' });
    cache.set(locale, texts);
  }
  return texts;
}

export type OverviewTexts = ReturnType<typeof createTranslator<typeof en, 'overview'>>;
