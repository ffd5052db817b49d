// The data screen's words for its URL notices (lib/search-params/data.ts), in any language, from
// the catalogues' `dataParams` namespace.
import { createTranslator } from 'use-intl/core';
import { perLocale } from './per-locale';
// Only this namespace's files (lib/i18n/catalogue.ts). Every language's words are made here at
// load, so client code must not import this module (scripts/client-namespaces.test.ts).
import en from './messages/data-params/en.json';
import kk from './messages/data-params/kk.json';
import ru from './messages/data-params/ru.json';

const MESSAGES = { en, ru, kk };

/** What each of the data screen's parameters accepts, as its notices say it; English by default. */
export const dataParamsTexts = perLocale((locale) =>
  createTranslator({ locale, messages: { dataParams: MESSAGES[locale] }, namespace: 'dataParams' }),
);

export type DataParamsTexts = ReturnType<typeof dataParamsTexts>;
