// The words pure shaping code writes into sentences (units, notes, break markers, provenance), in
// any language, outside React: loaders and export routes call lib/charts with them. The words are
// the catalogues' (namespace ChartTexts), so a component's t() and a shaped note read alike.
import { createTranslator } from 'use-intl/core';
import { perLocale } from './per-locale';
// Only this namespace's files (lib/i18n/catalogue.ts). Every language's words are made here at
// load, so client code must not import this module (scripts/client-namespaces.test.ts).
import en from './messages/chart-texts/en.json';
import kk from './messages/chart-texts/kk.json';
import ru from './messages/chart-texts/ru.json';

const MESSAGES = { en, ru, kk };

/** The ChartTexts translator of a language; English by default (exports keep English). */
export const chartTexts = perLocale((locale) =>
  createTranslator({ locale, messages: { ChartTexts: MESSAGES[locale] }, namespace: 'ChartTexts' }),
);

export type ChartTexts = ReturnType<typeof chartTexts>;
