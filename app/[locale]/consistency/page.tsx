import type { Metadata } from 'next';
import { connection } from 'next/server';
import { CheckSection } from '@/components/consistency/check-section';
import { ConsistencySummary } from '@/components/consistency/consistency-summary';
import { getConsistencyReport } from '@/lib/consistency/checks';
import type { RawSearchParams } from '@/lib/search-params/shared';
import { parseConsistencySearchParams } from '@/lib/search-params/consistency';

export const metadata: Metadata = {
  title: 'Consistency checks',
  description: 'Checks of the stored figures against each other, run on every page load.',
};

export default async function ConsistencyPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  // Rendered per request: the checks must run against the data as it is now, never a build-time copy.
  await connection();
  const { showAllItems } = parseConsistencySearchParams(await searchParams);
  const report = await getConsistencyReport();

  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Consistency checks</h1>
        <p className="max-w-3xl text-sm text-muted-foreground">
          The stored figures checked against each other and against the official series every screen reads: its world
          total, its breaks, the same figure from other sources, derived rows, and what news and official pages state
          (growth rates, shares, part-year figures, totals and their parts). Each check says what it compares, why, and
          the tolerance it grades by. A failure means figures that must agree do not; a review item is a difference or a
          possible break for a person to judge. No figure is adjusted to agree.
        </p>
      </div>
      <ConsistencySummary report={report} />
      {report.checks.map((check) => (
        <CheckSection key={check.id} check={check} showAllItems={showAllItems} />
      ))}
    </div>
  );
}
