import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { localizedHref } from '@/lib/i18n/paths';

/** What an address without a page shows, in the request's language. */
export async function NotFoundView() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('NotFound')]);
  return (
    <div className="mx-auto max-w-xl space-y-3 rounded-lg border border-border bg-card p-6">
      <h1 className="text-lg font-semibold">{t('title')}</h1>
      <p className="text-sm text-muted-foreground">{t('body')}</p>
      <Link href={localizedHref(locale, '/')} className="text-sm font-medium text-accent underline underline-offset-4">
        {t('back')}
      </Link>
    </div>
  );
}
