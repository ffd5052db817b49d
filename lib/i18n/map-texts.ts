// The map's words for code outside React (lib/map/map-view.ts: units, notes, class labels), in any
// language, from the catalogues' `map` namespace.
import { createTranslator } from 'use-intl/core';
import { perLocale } from './per-locale';
// Only this namespace's files (lib/i18n/catalogue.ts). Every language's words are made here at
// load, so client code must not import this module (scripts/client-namespaces.test.ts).
import en from './messages/map/en.json';
import kk from './messages/map/kk.json';
import ru from './messages/map/ru.json';

const MESSAGES = { en, ru, kk };

/** The map's words for pure shaping; English by default. */
export const mapTexts = perLocale((locale) =>
  createTranslator({ locale, messages: { map: MESSAGES[locale] }, namespace: 'map' }),
);

export type MapTexts = ReturnType<typeof mapTexts>;
