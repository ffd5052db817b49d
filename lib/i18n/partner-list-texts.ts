// The partner list's words for code outside React (URL notices, break descriptions), in any
// language, from the catalogues' `partnerList` namespace.
import { createTranslator } from 'use-intl/core';
import { perLocale } from './per-locale';
// Only this namespace's files (lib/i18n/catalogue.ts). Every language's words are made here at
// load, so client code must not import this module (scripts/client-namespaces.test.ts).
import en from './messages/partner-list/en.json';
import kk from './messages/partner-list/kk.json';
import ru from './messages/partner-list/ru.json';

const MESSAGES = { en, ru, kk };

/** The partner list's words for pure code; English by default, as exports keep. */
export const partnerListTexts = perLocale((locale) =>
  createTranslator({ locale, messages: { partnerList: MESSAGES[locale] }, namespace: 'partnerList' }),
);

export type PartnerListTexts = ReturnType<typeof partnerListTexts>;
