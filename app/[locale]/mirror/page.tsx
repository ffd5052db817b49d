import type { Metadata } from 'next';
import Link from 'next/link';
import { IgnoredParamsNotice } from '@/components/layout/ignored-params-notice';
import { WideSection } from '@/components/layout/wide-section';
import { MirrorTable } from '@/components/mirror/mirror-table';
import { MirrorToolbar } from '@/components/mirror/mirror-toolbar';
import { SourceCredit } from '@/components/provenance/source-credit';
import { loadMirror } from '@/lib/loaders/mirror';
import type { RawSearchParams } from '@/lib/search-params/shared';

export const metadata: Metadata = {
  title: 'Where the statistics disagree',
  description:
    'Kazakhstan-reported against partner-reported trade for every partner and year: the gap in US dollars and how many times one record is the other.',
};

export default async function MirrorPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { params, ignored, years, gaps, sources } = await loadMirror(await searchParams);
  return (
    <WideSection className="space-y-5">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">
          Where Kazakhstan’s and its partners’ statistics disagree
        </h1>
        <p className="max-w-3xl text-sm text-muted-foreground">
          Every flow is recorded twice: Kazakhstan’s exports are its partners’ imports from Kazakhstan. Here are both
          records, for every partner and year, from one database (the IMF’s Direction of Trade Statistics), so the gap
          is between the two countries’ statistics, not between two databases. The usual causes are crude oil recorded
          by destination on one side and by origin on the other, FOB against CIF valuation, and timing. Each partner’s
          profile explains them.
        </p>
        <p className="max-w-3xl text-sm" data-testid="mirror-coverage">
          Partner-reported figures end in {gaps.lastYear ?? '—'}: the bundled IMF release covers {gaps.firstYear ?? '—'}
          –{gaps.lastYear ?? '—'}. A newer release of the IMF’s partner workbooks can be added with{' '}
          <code className="text-xs">npm run import -- DOTS_&lt;country&gt;.xlsx --source-id &lt;id&gt;</code> (see{' '}
          <Link className="underline" href="/sources">
            sources
          </Link>
          ).
        </p>
      </div>
      <IgnoredParamsNotice ignored={ignored} />
      <MirrorToolbar params={params} years={years} />
      <MirrorTable gaps={gaps} params={params} />
      <p className="text-xs text-muted-foreground">
        USD million at current prices; calendar years. Kazakhstan’s exports are valued FOB and partners’ imports CIF
        (and the other way round for Kazakhstan’s imports), so a few percent of difference is expected. “e” = an IMF
        estimate on one side or both. <SourceCredit sources={sources} />
      </p>
    </WideSection>
  );
}
