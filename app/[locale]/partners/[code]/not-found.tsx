import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { localizedHref } from '@/lib/i18n/paths';

export default function PartnerNotFound() {
  const t = useTranslations('Profile');
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-xl space-y-3 rounded-lg border border-border bg-card p-6">
      <h1 className="text-lg font-semibold">{t('notFoundTitle')}</h1>
      <p className="text-sm text-muted-foreground">{t('notFound.text')}</p>
      <p className="flex gap-4 text-sm">
        <Link href={localizedHref(locale, '/')} className="font-medium text-accent underline underline-offset-4">
          {t('notFound.back')}
        </Link>
        <Link href={localizedHref(locale, '/compare')} className="font-medium text-accent underline underline-offset-4">
          {t('notFound.compare')}
        </Link>
      </p>
    </div>
  );
}
