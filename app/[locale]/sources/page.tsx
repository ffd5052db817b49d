import type { Metadata } from 'next';
import { SourceList } from '@/components/sources/source-list';
import { getSources } from '@/lib/queries/sources';

export const metadata: Metadata = {
  title: 'Sources',
  description: 'Every source of the dashboard with its attribution, kind, vintage and number of figures.',
};

// Counts change with every import: render per request.
export const dynamic = 'force-dynamic';

export default async function SourcesPage() {
  const sources = await getSources();
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Sources</h1>
        <p className="max-w-3xl text-sm text-muted-foreground">
          Where every number comes from: official statistics (IMF Direction of Trade Statistics, Kazakhstan’s Bureau of
          National Statistics), research datasets (DESTA), and the news pages and articles quoted for recent figures.
          Credit a source as its “Cite as” line says. Each count links to that source’s figures on the data screen.
        </p>
      </div>
      <SourceList sources={sources} />
    </div>
  );
}
