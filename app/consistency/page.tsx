import type { Metadata } from 'next';
import { connection } from 'next/server';
import { CheckSection } from '@/components/consistency/check-section';
import { ConsistencySummary } from '@/components/consistency/consistency-summary';
import { getConsistencyReport } from '@/lib/queries/consistency';
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
          The stored figures checked against each other: growth rates as stated against growth recomputed from stored
          values, parts against stated totals, the same figure from different sources side by side with the one the
          dashboard shows, and partial periods compared only with the same months. Values are converted to absolute
          amounts in their own currency or unit, with the digits as published beside them. A failing check is shown as
          failing: no figure is adjusted to agree.
        </p>
      </div>
      <ConsistencySummary report={report} />
      {report.checks.map((check) => (
        <CheckSection key={check.id} check={check} showAllItems={showAllItems} />
      ))}
    </div>
  );
}
