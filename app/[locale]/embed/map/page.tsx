import type { Metadata } from 'next';
import { IgnoredParamsNotice } from '@/components/layout/ignored-params-notice';
import { MapSection } from '@/components/map/map-section';
import { Notice } from '@/components/ui/notice';
import { loadMap } from '@/lib/loaders/map';
import type { RawSearchParams } from '@/lib/search-params/shared';

export const metadata: Metadata = { title: 'World map (embedded chart)' };

/** The world map alone, for other sites' frames: the same parameters and loader as /map. */
export default async function MapEmbedPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { params, ignored, year, map } = await loadMap(await searchParams);
  if (map === null || year === undefined)
    return (
      <h1 className="rounded-lg border border-dashed border-border p-6 text-sm text-muted-foreground">
        No annual trade figures are in the database yet.
      </h1>
    );
  return (
    <div className="space-y-3">
      <IgnoredParamsNotice ignored={ignored} />
      {map.incomplete.map((b) => (
        <Notice key={b.key} title={`${year} is an incomplete year: ${b.label}`} testId="incomplete-year-notice">
          <p>{b.description}</p>
        </Notice>
      ))}
      <MapSection variant="embed" data={map} params={params} year={year} />
    </div>
  );
}
