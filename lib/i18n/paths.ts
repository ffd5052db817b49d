// Addresses in each language: /compare (English), /ru/compare, /kk/compare. Pure, unit-tested.
import { DEFAULT_LOCALE, isLocale, LOCALES, TRANSLATED_SCREENS, type Locale } from './locales';

/** The language an address is in and the page's path without the prefix: /ru/compare -> ru, /compare. */
export function splitLocale(pathname: string): { locale: Locale; path: string; prefixed: boolean } {
  const match = /^\/([^/]+)(\/.*)?$/.exec(pathname);
  const first = match?.[1];
  if (isLocale(first)) return { locale: first, path: match?.[2] ?? '/', prefixed: true };
  return { locale: DEFAULT_LOCALE, path: pathname, prefixed: false };
}

/** Whether the page at `path` (no prefix, no query) is translated into every language. */
export function isTranslated(path: string): boolean {
  return TRANSLATED_SCREENS.some((screen) => screen.test(path));
}

/**
 * What the proxy does with an address: render the page in its language, or redirect to the one
 * address of that page. /en/… goes to the bare path for good (English has no prefix, 308); a
 * screen not yet translated goes to its English page for now (307: the same address serves the
 * translation once it exists, so links into it may be shared already).
 */
export function routeLocale(
  pathname: string,
): { kind: 'page'; locale: Locale; path: string } | { kind: 'redirect'; path: string; status: 307 | 308 } {
  const { locale, path, prefixed } = splitLocale(pathname);
  if (!prefixed) return { kind: 'page', locale, path };
  if (locale === DEFAULT_LOCALE) return { kind: 'redirect', path, status: 308 };
  if (!isTranslated(path)) return { kind: 'redirect', path, status: 307 };
  return { kind: 'page', locale, path };
}

/** The address of `href` (a path, with or without a query) in `locale`: prefixed only where the screen is translated. */
export function localizedHref(locale: Locale, href: string): string {
  const cut = href.search(/[?#]/);
  const path = cut === -1 ? href : href.slice(0, cut);
  const rest = cut === -1 ? '' : href.slice(cut);
  if (locale === DEFAULT_LOCALE || !isTranslated(path)) return href;
  return `/${locale}${path === '/' ? '' : path}${rest}`;
}

/**
 * The page's address in every language, for the switcher and hreflang alternates; empty for a
 * screen that is not translated (it exists in English only).
 */
export function languageAddresses(path: string, search = ''): { locale: Locale; href: string }[] {
  if (!isTranslated(path)) return [];
  const query = search && !search.startsWith('?') ? `?${search}` : search;
  return LOCALES.map((locale) => ({ locale, href: `${localizedHref(locale, path)}${query}` }));
}

/**
 * A translated page's canonical address and hreflang alternates (Next.js metadata `alternates`),
 * x-default being English; nothing for a page that exists in English only.
 */
export function languageMetadata(
  locale: Locale,
  path: string,
): { alternates?: { canonical: string; languages: Record<string, string> } } {
  const addresses = languageAddresses(path);
  if (addresses.length === 0) return {};
  const languages: Record<string, string> = Object.fromEntries(addresses.map((a) => [a.locale, a.href]));
  languages['x-default'] = localizedHref(DEFAULT_LOCALE, path);
  return { alternates: { canonical: localizedHref(locale, path), languages } };
}

/** An embed's frame and full view in `locale`, each prefixed only where that screen is translated. */
export function localizedEmbed<T extends { src: string; fullView: string }>(locale: Locale, embed: T): T {
  return { ...embed, src: localizedHref(locale, embed.src), fullView: localizedHref(locale, embed.fullView) };
}
