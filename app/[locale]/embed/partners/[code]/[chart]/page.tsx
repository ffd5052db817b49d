import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { MirrorFigure } from '@/components/partner/mirror-section';
import { PartnerBalanceFigure, PartnerShareFigure, PartnerTradeFigure } from '@/components/partner/trade-section';
import { WORLD_PARTNER_CODE } from '@/lib/constants';
import { partnerName } from '@/lib/i18n/partner-names';
import { languageMetadata, localizedHref } from '@/lib/i18n/paths';
import { canonicalPartnerCode, findPartner, loadPartnerCharts } from '@/lib/loaders/partner-profile';
import { isPartnerEmbedChart } from '@/lib/search-params/embed';

interface PageProps {
  params: Promise<{ code: string; chart: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { code, chart } = await params;
  const [partner, locale, t] = await Promise.all([findPartner(code), getLocale(), getTranslations('PartnerEmbed')]);
  if (!partner || !isPartnerEmbedChart(chart)) return { title: t('notFoundTitle') };
  return {
    title: t('title', { partner: partnerName(locale, partner) }),
    ...languageMetadata(locale, `/embed/partners/${partner.code}/${chart}`),
  };
}

/**
 * One of a partner profile's charts alone, for other sites' frames: the profile's own queries and
 * components, in the page's language like the profile (/ru/embed/partners/DEU/trade).
 */
export default async function PartnerEmbedPage({ params }: PageProps) {
  const { code, chart } = await params;
  if (!isPartnerEmbedChart(chart)) notFound();
  const [found, locale] = await Promise.all([findPartner(code), getLocale()]);
  if (!found) {
    const canonical = await canonicalPartnerCode(code);
    if (canonical) permanentRedirect(localizedHref(locale, `/embed/partners/${canonical}/${chart}`));
    notFound();
  }
  // The charts name the partner in the page's language, as the profile does.
  const partner = { ...found, name: partnerName(locale, found) };
  const data = await loadPartnerCharts(found);
  const trade = { partner, chart: data.chart, shares: data.shares, breaks: data.breaks, sources: data.tradeSources };
  const figure =
    chart === 'trade' ? (
      <PartnerTradeFigure variant="embed" {...trade} />
    ) : chart === 'balance' ? (
      <PartnerBalanceFigure variant="embed" {...trade} />
    ) : chart === 'share' ? (
      <PartnerShareFigure variant="embed" {...trade} />
    ) : (
      <MirrorFigure
        variant="embed"
        side={chart === 'mirror-exports' ? 'exports' : 'imports'}
        partnerCode={partner.code}
        partnerName={partner.name}
        mirror={data.mirror}
        sources={data.mirrorSources}
      />
    );
  // A partner without this chart's figures (no trade rows, no share, no mirror data) says so.
  const hasMirror = data.mirror.years.some((y) => y.partnerImportUsdMn !== null || y.partnerExportUsdMn !== null);
  const hasShares = partner.code !== WORLD_PARTNER_CODE && data.shares.some((s) => s.share !== null);
  const empty = chart.startsWith('mirror')
    ? !hasMirror
    : data.chart.rows.length === 0 || (chart === 'share' && !hasShares);
  if (!empty) return figure;
  const t = await getTranslations('PartnerEmbed');
  return (
    <h1 className="rounded-lg border border-dashed border-border p-6 text-sm text-muted-foreground">
      {t('empty', { partner: partner.name })}
    </h1>
  );
}
