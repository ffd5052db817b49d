// The map's words for code outside React (lib/map/map-view.ts: units, notes, class labels), in any language, from the catalogues'
// `map` namespace. Only this namespace's files (lib/i18n/catalogue.ts): client code imports this
// module too, and a whole catalogue here would put all three languages into the browser's JavaScript.
import { createTranslator } from 'next-intl';
import type { Locale } from './locales';
import en from './messages/map/en.json';
import kk from './messages/map/kk.json';
import ru from './messages/map/ru.json';

type Messages = { map: typeof en };
const MESSAGES: Record<Locale, Messages> = { en: { map: en }, ru: { map: ru }, kk: { map: kk } };

export type MapTexts = ReturnType<typeof createTranslator<Messages, 'map'>>;

const cache = new Map<Locale, MapTexts>();

/** The map's words for pure shaping; English by default. */
export function mapTexts(locale: Locale = 'en'): MapTexts {
  let texts = cache.get(locale);
  if (!texts) {
    texts = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'map' });
    cache.set(locale, texts);
  }
  return texts;
}
