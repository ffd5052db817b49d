// Typed message keys and locales: a key missing from the English catalogue is a type error, and
// messages.test.ts keeps the other catalogues in step with it.
import type { Locale } from './locales';
import type messages from './messages/en.json';

declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}
