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

export type PartnerListTexts = ReturnType<typeof createTranslator<typeof en, 'partnerList'>>;
export type MapTexts = ReturnType<typeof createTranslator<typeof en, 'map'>>;

const listCache = new Map<Locale, PartnerListTexts>();
const mapCache = new Map<Locale, MapTexts>();

/** The partner list's words for pure code (URL notices, break descriptions); English by default, as exports keep. */
export function partnerListTexts(locale: Locale = 'en'): PartnerListTexts {
  let texts = listCache.get(locale);
  if (!texts) {
    texts = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'partnerList' });
    listCache.set(locale, texts);
  }
  return texts;
}

/** The map's words for pure shaping (lib/map/map-view.ts: units, notes, class labels); English by default. */
export function mapTexts(locale: Locale = 'en'): MapTexts {
  let texts = mapCache.get(locale);
  if (!texts) {
    texts = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'map' });
    mapCache.set(locale, texts);
  }
  return texts;
}
