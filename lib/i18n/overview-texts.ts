// The overview's words outside React (loaders, pure shaping: URL notices, peak caveats), in any
// language, from the catalogues' `overview` namespace, as chart-texts.ts does for ChartTexts: a
// component's t() and a shaped sentence read alike.
import { createTranslator } from 'use-intl/core';
import { perLocale } from './per-locale';
// Only this namespace's files (lib/i18n/catalogue.ts). Every language's words are made here at
// load, so client code must not import this module (scripts/client-namespaces.test.ts).
import en from './messages/overview/en.json';
import kk from './messages/overview/kk.json';
import ru from './messages/overview/ru.json';

const MESSAGES = { en, ru, kk };

/** The overview translator of a language; English by default. */
export const overviewTexts = perLocale((locale) =>
  createTranslator({ locale, messages: { overview: MESSAGES[locale] }, namespace: 'overview' }),
);

export type OverviewTexts = ReturnType<typeof overviewTexts>;
