// The words pure shaping code writes into sentences (units, notes, break markers, provenance), in
// any language, outside React: loaders and export routes call lib/charts with them. The words are
// the catalogues' (namespace ChartTexts), so a component's t() and a shaped note read alike.
import { createTranslator } from 'next-intl';
import type { Locale } from './locales';
// Only this namespace's files (lib/i18n/catalogue.ts): client code imports this module too.
import en from './messages/chart-texts/en.json';
import kk from './messages/chart-texts/kk.json';
import ru from './messages/chart-texts/ru.json';

type Messages = { ChartTexts: typeof en };
const MESSAGES: Record<Locale, Messages> = { en: { ChartTexts: en }, ru: { ChartTexts: ru }, kk: { ChartTexts: kk } };

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

export type ChartTexts = ReturnType<typeof createTranslator<Messages, 'ChartTexts'>>;
