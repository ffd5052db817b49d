import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { MirrorFigure } from '@/components/partner/mirror-section';
import { PartnerBalanceFigure, PartnerShareFigure, PartnerTradeFigure } from '@/components/partner/trade-section';
import { WORLD_PARTNER_CODE } from '@/lib/constants';
import { canonicalPartnerCode, findPartner, loadPartnerCharts } from '@/lib/loaders/partner-profile';
import { isPartnerEmbedChart } from '@/lib/search-params/embed';

interface PageProps {
  params: Promise<{ code: string; chart: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const partner = await findPartner((await params).code);
  return { title: partner ? `${partner.name} (embedded chart)` : 'Chart not found' };
}

/** One of a partner profile's charts alone, for other sites' frames: the profile's own queries and components. */
export default async function PartnerEmbedPage({ params }: PageProps) {
  const { code, chart } = await params;
  if (!isPartnerEmbedChart(chart)) notFound();
  const partner = await findPartner(code);
  if (!partner) {
    const canonical = await canonicalPartnerCode(code);
    if (canonical) permanentRedirect(`/embed/partners/${canonical}/${chart}`);
    notFound();
  }
  const data = await loadPartnerCharts(partner);
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
  return (
    <h1 className="rounded-lg border border-dashed border-border p-6 text-sm text-muted-foreground">
      The dashboard has no figures for this chart of {partner.name}.
    </h1>
  );
}
