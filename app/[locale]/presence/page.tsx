import type { Metadata } from 'next';
import { PresenceNetworkView } from '@/components/presence/presence-network';
import { getPresenceNetwork } from '@/lib/queries/presence';

export const metadata: Metadata = {
  title: 'Diplomatic presence',
  description:
    'Kazakhstan’s establishments abroad by type and its 2012–2014 plan for new embassies, from the source articles.',
};

export const dynamic = 'force-dynamic';

export default async function PresencePage() {
  const network = await getPresenceNetwork();
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Diplomatic presence</h1>
        <p className="max-w-3xl text-sm text-muted-foreground">
          Kazakhstan’s network of embassies, missions and consulates as a Kazinform article reported it in 2011, with
          the plan for new embassies in 2012–2014. Each partner’s profile shows what is recorded for that partner.
        </p>
      </div>
      <PresenceNetworkView network={network} />
    </div>
  );
}
