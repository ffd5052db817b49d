import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { localizedHref } from '@/lib/i18n/paths';

/** On Kazakhstan's own profile: it is the reporter, and its totals are on the overview. */
export function ReporterNote() {
  const t = useTranslations('Profile');
  const locale = useLocale();
  return (
    <p className="rounded-md border border-border bg-card px-3 py-2 text-sm">
      {t.rich('kazNote', {
        link: (chunks) => (
          <Link className="underline" href={localizedHref(locale, '/')}>
            {chunks}
          </Link>
        ),
      })}
    </p>
  );
}
