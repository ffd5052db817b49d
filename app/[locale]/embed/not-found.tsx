import { getLocale, getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { localizedHref } from '@/lib/i18n/paths';

export default async function EmbedNotFound() {
  // Rendered per request, not prerendered: the page's scripts need the request's CSP nonce.
  await connection();
  // In the address's language: /ru/embed/overview/<unknown> is a Russian page.
  const [locale, t] = await Promise.all([getLocale(), getTranslations()]);
  return (
    <div className="space-y-2 rounded-lg border border-border bg-card p-4">
      <h1 className="text-lg font-semibold">{t('overview.embedNotFound.heading')}</h1>
      <p className="text-sm text-muted-foreground">{t('overview.embedNotFound.text')}</p>
      {/* A new tab: the dashboard's own pages refuse to be shown in a frame. */}
      <a
        href={localizedHref(locale, '/')}
        target="_blank"
        rel="noopener"
        className="text-sm font-medium text-accent underline underline-offset-4"
      >
        {t('overview.embedNotFound.link')}
        <span className="sr-only">{t('Charts.newTab')}</span>
      </a>
    </div>
  );
}
