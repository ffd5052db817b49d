import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { PresenceNetworkView } from '@/components/presence/presence-network';
import { languageMetadata } from '@/lib/i18n/paths';
import { getPresenceNetwork } from '@/lib/queries/presence';

export async function generateMetadata(): Promise<Metadata> {
  const [t, locale] = await Promise.all([getTranslations('Presence'), getLocale()]);
  return { title: t('title'), description: t('description'), ...languageMetadata(locale, '/presence') };
}

export const dynamic = 'force-dynamic';

export default async function PresencePage() {
  const [network, t] = await Promise.all([getPresenceNetwork(), getTranslations('Presence')]);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="max-w-3xl text-sm text-muted-foreground">{t('intro')}</p>
      </div>
      <PresenceNetworkView network={network} />
    </div>
  );
}
