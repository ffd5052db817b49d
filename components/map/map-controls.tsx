'use client';

import { useUrlState } from '@/components/layout/use-url-state';
import { MEASURE_LABELS } from '@/lib/map/map-view';
import { MAP_MEASURES, mapParsers, type MapMeasure, type MapParams } from '@/lib/search-params/map';
import { COMPOSITION_EU_VIEWS } from '@/lib/search-params/overview';
import { CAGR_WINDOWS, GROWTH_MIN_SIZES } from '@/lib/search-params/partner-list';

const SELECT_CLASS = 'h-9 rounded-md border border-border bg-card px-2';
const EU_LABELS = { block: 'EU as one block', members: 'EU by member' } as const;

/** Measure, EU view and, for growth, the partner list's window and minimum size: all URL state. */
export function MapControls({ params }: { params: MapParams }) {
  const { navigate, isPending } = useUrlState(mapParsers, params);
  return (
    <div className="flex flex-wrap items-end gap-3 text-sm" aria-busy={isPending} data-testid="map-controls">
      <label className="flex flex-col gap-1">
        <span className="font-medium">Measure</span>
        <select
          key={params.measure}
          className={SELECT_CLASS}
          defaultValue={params.measure}
          data-testid="map-measure"
          onChange={(event) => navigate({ measure: event.target.value as MapMeasure })}
        >
          {MAP_MEASURES.map((measure) => (
            <option key={measure} value={measure}>
              {MEASURE_LABELS[measure]}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 font-medium">European Union</legend>
        <div className="flex gap-1 rounded-md border border-border bg-card p-1">
          {COMPOSITION_EU_VIEWS.map((view) => (
            <label
              key={view}
              className="cursor-pointer rounded px-2.5 py-1 hover:bg-muted has-[:checked]:bg-accent has-[:checked]:text-background has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent"
            >
              <input
                type="radio"
                name="map-eu-view"
                value={view}
                checked={params.eu === view}
                onChange={() => navigate({ eu: view })}
                className="sr-only"
              />
              {EU_LABELS[view]}
            </label>
          ))}
        </div>
      </fieldset>
      {params.measure === 'growth' ? (
        <>
          <label className="flex flex-col gap-1">
            <span className="font-medium">Over</span>
            <select
              key={params.window}
              className={SELECT_CLASS}
              defaultValue={params.window}
              onChange={(event) => navigate({ window: Number(event.target.value) })}
            >
              {CAGR_WINDOWS.map((window) => (
                <option key={window} value={window}>
                  {window} years
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            <span className="font-medium">Turnover at least</span>
            <select
              key={params.min}
              className={SELECT_CLASS}
              defaultValue={params.min}
              onChange={(event) => navigate({ min: Number(event.target.value) })}
            >
              {GROWTH_MIN_SIZES.map((min) => (
                <option key={min} value={min}>
                  {min === 0 ? 'any size' : `USD ${min.toLocaleString('en-US')} million`}
                </option>
              ))}
            </select>
          </label>
        </>
      ) : null}
    </div>
  );
}
