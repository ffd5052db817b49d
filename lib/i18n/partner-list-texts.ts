// The partner list's words for code outside React (URL notices, break descriptions), in any language, from the catalogues'
// `partnerList` namespace. Only this namespace's files (lib/i18n/catalogue.ts): client code imports this
// module too, and a whole catalogue here would put all three languages into the browser's JavaScript.
import { createTranslator } from 'next-intl';
import type { Locale } from './locales';
import en from './messages/partner-list/en.json';
import kk from './messages/partner-list/kk.json';
import ru from './messages/partner-list/ru.json';

type Messages = { partnerList: typeof en };
const MESSAGES: Record<Locale, Messages> = {
  en: { partnerList: en },
  ru: { partnerList: ru },
  kk: { partnerList: kk },
};

export type PartnerListTexts = ReturnType<typeof createTranslator<Messages, 'partnerList'>>;

const cache = new Map<Locale, PartnerListTexts>();

/** The partner list's words for pure code; English by default, as exports keep. */
export function partnerListTexts(locale: Locale = 'en'): PartnerListTexts {
  let texts = cache.get(locale);
  if (!texts) {
    texts = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'partnerList' });
    cache.set(locale, texts);
  }
  return texts;
}
