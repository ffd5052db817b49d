import type { Metadata } from 'next';
import { IgnoredParamsNotice } from '@/components/layout/ignored-params-notice';
import { MapControls } from '@/components/map/map-controls';
import { MapSection } from '@/components/map/map-section';
import { MapYearSlider } from '@/components/map/map-year-slider';
import { Notice } from '@/components/ui/notice';
import { loadMap } from '@/lib/loaders/map';
import { mapPermalink } from '@/lib/search-params/map';
import type { RawSearchParams } from '@/lib/search-params/shared';

export const metadata: Metadata = {
  title: 'World map',
  description:
    'Kazakhstan’s trade partners on a world map: turnover, exports, imports, balance, share of the total or growth, by year.',
};

// No loading.tsx here: a loading boundary would stream the map into a hidden element that only a
// script reveals, and the map must paint without JavaScript. Between years the old map stays up
// (the controls navigate in a transition) until the new one arrives.
export default async function MapPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { params, ignored, availableYears, year, map } = await loadMap(await searchParams);
  return (
    <div className="space-y-5">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">
          Kazakhstan’s partners on the map{year !== undefined ? `, ${year}` : null}
        </h1>
        <p className="max-w-3xl text-sm text-muted-foreground">
          Every partner in Kazakhstan’s official trade statistics, coloured by the measure and year chosen: the same
          figures as the partners page. Move the slider or play the years; point at a country for its figure and click
          it for its profile. The table under the map lists the same numbers.
        </p>
      </div>
      <IgnoredParamsNotice ignored={ignored} />
      {map === null || year === undefined ? (
        <p
          className="rounded-lg border border-dashed border-border p-6 text-sm text-muted-foreground"
          data-testid="map-empty"
        >
          No annual trade figures are in the database yet.
        </p>
      ) : (
        <>
          <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
            <MapControls params={params} />
            <MapYearSlider params={params} year={year} years={availableYears} />
            <a
              href={mapPermalink(params, year)}
              className="inline-flex h-9 items-center rounded-md border border-border px-3 text-sm font-medium hover:bg-muted"
              data-testid="permalink"
            >
              Permalink
            </a>
          </div>
          {map.incomplete.map((b) => (
            <Notice key={b.key} title={`${year} is an incomplete year: ${b.label}`} testId="incomplete-year-notice">
              <p>{b.description}</p>
            </Notice>
          ))}
          <MapSection data={map} params={params} year={year} />
        </>
      )}
    </div>
  );
}
