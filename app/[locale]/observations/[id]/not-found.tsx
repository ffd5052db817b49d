import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { localizedHref } from '@/lib/i18n/paths';

export default function ObservationNotFound() {
  const t = useTranslations('Observation.notFound');
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-xl space-y-3 rounded-lg border border-border bg-card p-6">
      <h1 className="text-lg font-semibold">{t('title')}</h1>
      <p className="text-sm text-muted-foreground">{t('body')}</p>
      <Link
        href={localizedHref(locale, '/data')}
        className="text-sm font-medium text-accent underline underline-offset-4"
      >
        {t('link')}
      </Link>
    </div>
  );
}
