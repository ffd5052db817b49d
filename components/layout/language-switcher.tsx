'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { LOCALE_NAMES } from '@/lib/i18n/locales';
import { languageAddresses, splitLocale } from '@/lib/i18n/paths';

/**
 * The same view in the other languages: this path and query under each prefix. Shown only on a
 * screen translated into every language (lib/i18n/locales.ts); elsewhere there is nothing to switch to.
 */
export function LanguageSwitcher() {
  // URLSearchParams writes a comma as %2C and a colon as %3A; the screens' own links keep lists and
  // sort keys readable (partners=DEU,CHN, sort=year:desc).
  const search = useSearchParams().toString().replace(/%2C/gi, ',').replace(/%3A/gi, ':');
  return <LanguageLinks search={search} />;
}

/**
 * The header's Suspense fallback while the query is not known yet (a prerendered shell): the same
 * links for this path alone, so the header has its final height on the first paint (no layout
 * shift when the query arrives) and works without JavaScript.
 */
export function LanguageSwitcherFallback() {
  return <LanguageLinks search="" />;
}

function LanguageLinks({ search }: { search: string }) {
  const t = useTranslations('Layout');
  const locale = useLocale();
  const { path } = splitLocale(usePathname());
  const addresses = languageAddresses(path, search);
  if (addresses.length === 0) return null;
  return (
    <nav aria-label={t('language')} data-testid="language-switcher">
      <ul className="flex gap-1 text-sm">
        {addresses.map((address) => (
          <li key={address.locale}>
            <Link
              href={address.href}
              hrefLang={address.locale}
              lang={address.locale}
              aria-current={address.locale === locale ? 'true' : undefined}
              className="inline-flex h-9 items-center rounded-md px-2 font-medium hover:bg-muted aria-[current=true]:bg-muted aria-[current=true]:text-accent"
            >
              {LOCALE_NAMES[address.locale]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
