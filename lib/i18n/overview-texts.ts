// The overview's words outside React (loaders, pure shaping: URL notices, source names, peak
// caveats), in any language, from the catalogues' `overview` namespace, as chart-texts.ts does
// for ChartTexts: a component's t() and a shaped sentence read alike.
import { createTranslator } from 'next-intl';
import type { Locale } from './locales';
// Only this namespace's files (lib/i18n/catalogue.ts): client code imports this module too.
import en from './messages/overview/en.json';
import kk from './messages/overview/kk.json';
import ru from './messages/overview/ru.json';

type Messages = { overview: typeof en };
const MESSAGES: Record<Locale, Messages> = { en: { overview: en }, ru: { overview: ru }, kk: { overview: kk } };

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

export type OverviewTexts = ReturnType<typeof createTranslator<Messages, 'overview'>>;
