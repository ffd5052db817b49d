import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PartnerContextSections } from '@/components/partner/context-sections';
import { KeyFigures } from '@/components/partner/key-figures';
import { MembersSection } from '@/components/partner/members-section';
import { MirrorSection } from '@/components/partner/mirror-section';
import { PageSources } from '@/components/partner/page-sources';
import { PartnerNewsSection } from '@/components/partner/partner-news-section';
import { ProfileContents } from '@/components/partner/profile-contents';
import { ProfileHeader } from '@/components/partner/profile-header';
import { ReporterNote } from '@/components/partner/reporter-note';
import { TradeSection } from '@/components/partner/trade-section';
import { REPORTER_KAZ, WORLD_PARTNER_CODE } from '@/lib/constants';
import { languageMetadata, localizedHref } from '@/lib/i18n/paths';
import { partnerName } from '@/lib/i18n/partner-names';
import { canonicalPartnerCode, findPartner, loadPartnerProfile } from '@/lib/loaders/partner-profile';
import type { PartnerSummary } from '@/lib/queries/partner-profile';

interface PageProps {
  params: Promise<{ code: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const [partner, locale, t] = await Promise.all([
    findPartner((await params).code),
    getLocale(),
    getTranslations('Profile'),
  ]);
  if (!partner) return { title: t('notFoundTitle') };
  return {
    title: `${partnerName(locale, partner)} (${partner.code})`,
    ...languageMetadata(locale, `/partners/${partner.code}`),
  };
}

/**
 * The existence check runs before anything streams, so an unknown code answers a real 404 with
 * not-found.tsx. No loading.tsx here or above and no Suspense around the profile: a loading
 * boundary starts the response as 200 before notFound() could run, and a boundary around the body
 * would stream it, charts included, into hidden elements that only a script reveals, while the
 * profile must read without JavaScript (docs/charts.md).
 */
export default async function PartnerPage({ params }: PageProps) {
  const { code } = await params;
  const partner = await findPartner(code);
  if (!partner) {
    // /partners/deu and /partners/germany are /partners/DEU.
    const canonical = await canonicalPartnerCode(code);
    if (canonical) permanentRedirect(localizedHref(await getLocale(), `/partners/${canonical}`));
    notFound();
  }
  // The profile names the partner in the page's language throughout.
  return <ProfileBody partner={{ ...partner, name: partnerName(await getLocale(), partner) }} />;
}

async function ProfileBody({ partner }: { partner: PartnerSummary }) {
  const data = await loadPartnerProfile(partner);
  const code = partner.code;
  return (
    <div className="space-y-10">
      <ProfileHeader partner={partner} groups={data.memberships.groups} />
      <ProfileContents
        hasTrade={data.chart.rows.length > 0}
        hasMembers={partner.kind === 'GROUP' && (data.memberships.members.length > 0 || Boolean(data.memberTrade))}
        hasMirror={code !== WORLD_PARTNER_CODE && code !== REPORTER_KAZ}
      />
      {code === REPORTER_KAZ ? <ReporterNote /> : null}
      <KeyFigures
        partner={partner}
        latest={data.latest}
        latestShare={data.latestShare}
        rank={data.trade.rank}
        sources={data.tradeSources}
      />
      <TradeSection
        partner={partner}
        chart={data.chart}
        shares={data.shares}
        breaks={data.breaks}
        sources={data.tradeSources}
      />
      {partner.kind === 'GROUP' ? (
        <MembersSection isEu={data.isEu} memberships={data.memberships} memberTrade={data.memberTrade} />
      ) : null}
      {code !== WORLD_PARTNER_CODE && code !== REPORTER_KAZ ? (
        <MirrorSection
          partnerCode={partner.code}
          partnerName={partner.name}
          mirror={data.mirror}
          sources={data.mirrorSources}
        />
      ) : null}
      <PartnerNewsSection partnerName={partner.name} figures={data.tradeNews} rates={data.rates.rates} />
      <PartnerContextSections partnerName={partner.name} context={data.context} rates={data.rates.rates} />
      <PageSources sources={data.allSources} hasMirror={code !== WORLD_PARTNER_CODE && code !== REPORTER_KAZ} />
    </div>
  );
}
