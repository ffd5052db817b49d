// next-intl's request configuration (wired in next.config.js): the language of this request and
// its catalogue, for server components (getTranslations) and, through the layout's
// NextIntlClientProvider, client components (useTranslations).
import { headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { loadCatalogue } from './catalogue';
import { DEFAULT_LOCALE, isLocale, LOCALE_HEADER, type Locale } from './locales';

// proxy.ts sets the header on every page request from the address (/ru/… -> ru), and overwrites
// any copy a client sent: a page can never be rendered, or cached, in a language its address does not name.
export default getRequestConfig(async () => {
  const requested = (await headers()).get(LOCALE_HEADER);
  const locale: Locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  return {
    locale,
    messages: await loadCatalogue(locale),
    // Dates are calendar dates (no time of day): read in UTC so server and browser agree.
    timeZone: 'UTC',
  };
});
