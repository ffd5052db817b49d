// Typed message keys and locales: a key missing from the English catalogue is a type error, and
// messages.test.ts keeps the other catalogues in step with it.
import type { Catalogue } from './catalogue';
import type { Locale } from './locales';

declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Catalogue;
  }
}
