// The words pure shaping code writes into sentences (units, notes, break markers, provenance), in
// any language, outside React: loaders and export routes call lib/charts with them. The words are
// the catalogues' (namespace ChartTexts), so a component's t() and a shaped note read alike.
import { createTranslator } from 'next-intl';
import type { Locale } from './locales';
import en from './messages/en.json';
import kk from './messages/kk.json';
import ru from './messages/ru.json';

const MESSAGES: Record<Locale, typeof en> = { en, ru, kk };

const cache = new Map<Locale, ChartTexts>();

/** The ChartTexts translator of a language; English by default (exports keep English). */
export function chartTexts(locale: Locale = 'en'): ChartTexts {
  let texts = cache.get(locale);
  if (!texts) {
    texts = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'ChartTexts' });
    cache.set(locale, texts);
  }
  return texts;
}

export type ChartTexts = ReturnType<typeof createTranslator<typeof en, 'ChartTexts'>>;
