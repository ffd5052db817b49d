// One value per language, made on first use and kept: the translators that code outside React
// uses (lib/i18n/*-texts.ts), so each language's messages are compiled once per process.
import { DEFAULT_LOCALE, type Locale } from './locales';

export function perLocale<T>(make: (locale: Locale) => T): (locale?: Locale) => T {
  const made = new Map<Locale, T>();
  return (locale = DEFAULT_LOCALE) => {
    let value = made.get(locale);
    if (value === undefined) {
      value = make(locale);
      made.set(locale, value);
    }
    return value;
  };
}
