// The interface languages and which screens each is served in. Pure: the proxy, the layout, the
// language switcher and the metadata all read it, so a screen is translated in one place.
//
// English lives at the bare paths (/compare), so every permalink from before the translations
// keeps working; Russian and Kazakh under a prefix (/ru/compare, /kk/compare), next-intl's
// `localePrefix: 'as-needed'`. proxy.ts maps the prefix onto the app/[locale] segment itself
// rather than through next-intl's middleware: the page cache keys pages by their address alone,
// so nothing may choose the language from a cookie or Accept-Language (docs/i18n.md).
import { hasLocale } from 'use-intl/core';

export const LOCALES = ['en', 'ru', 'kk'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** The header by which proxy.ts tells the render the address's language; always set there, never trusted from outside. */
export const LOCALE_HEADER = 'x-dashboard-locale';

/** Each language's name in itself, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ru: 'Русский', kk: 'Қазақша' };

/**
 * Screens whose every word is in the catalogues of every language, by path. Only these are served
 * under /ru and /kk, with a language switcher and hreflang alternates; any other /ru/… or /kk/…
 * address is redirected to its English page (lib/i18n/paths.ts). A screen joins this list in the
 * commit that completes its translation, never before: no visitor sees a half-translated page.
 */
export const TRANSLATED_SCREENS: readonly RegExp[] = [
  // The overview (/ru, /kk) and its charts' embeds (/ru/embed/overview/turnover).
  /^\/$/,
  /^\/embed\/overview\/[^/]+$/,
  /^\/presence$/,
  /^\/compare$/,
  /^\/embed\/compare$/,
  // The partner list, a partner's profile (/partners/DEU, /partners/AGG_EU) and its charts' embeds.
  /^\/partners$/,
  /^\/partners\/[^/]+$/,
  /^\/embed\/partners\/[^/]+\/[^/]+$/,
  /^\/map$/,
  /^\/embed\/map$/,
  /^\/mirror$/,
  /^\/sources$/,
  // The data screen and each observation's page (/observations/123).
  /^\/data$/,
  /^\/observations\/[^/]+$/,
  /^\/consistency$/,
];

export function isLocale(value: unknown): value is Locale {
  return hasLocale(LOCALES, value);
}
