'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useUrlState } from '@/components/layout/use-url-state';
import { formatNumber } from '@/lib/format';
import { MAP_MEASURES, mapParsers, type MapMeasure, type MapParams } from '@/lib/search-params/map';
import { COMPOSITION_EU_VIEWS } from '@/lib/search-params/overview';
import { CAGR_WINDOWS, GROWTH_MIN_SIZES } from '@/lib/search-params/partner-list';

// No wider than the phone: a measure's name in Kazakh ("Қазақстанның сыртқы сауда айналымындағы үлесі") is longer than 375 px.
const SELECT_CLASS = 'h-9 max-w-full rounded-md border border-border bg-card px-2';
const EU_LABELS = { block: 'controls.euBlock', members: 'controls.euMembers' } as const;

/** Measure, EU view and, for growth, the partner list's window and minimum size: all URL state. */
export function MapControls({ params }: { params: MapParams }) {
  const { navigate, isPending } = useUrlState(mapParsers, params);
  const t = useTranslations('map');
  const locale = useLocale();
  return (
    <div
      className="flex max-w-full min-w-0 flex-wrap items-end gap-3 text-sm"
      aria-busy={isPending}
      data-testid="map-controls"
    >
      <label className="flex max-w-full flex-col gap-1">
        <span className="font-medium">{t('controls.measure')}</span>
        <select
          key={params.measure}
          className={SELECT_CLASS}
          defaultValue={params.measure}
          data-testid="map-measure"
          onChange={(event) => navigate({ measure: event.target.value as MapMeasure })}
        >
          {MAP_MEASURES.map((measure) => (
            <option key={measure} value={measure}>
              {t(`measures.${measure}`)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 font-medium">{t('controls.eu')}</legend>
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
              {t(EU_LABELS[view])}
            </label>
          ))}
        </div>
      </fieldset>
      {params.measure === 'growth' ? (
        <>
          <label className="flex max-w-full flex-col gap-1">
            <span className="font-medium">{t('controls.over')}</span>
            <select
              key={params.window}
              className={SELECT_CLASS}
              defaultValue={params.window}
              onChange={(event) => navigate({ window: Number(event.target.value) })}
            >
              {CAGR_WINDOWS.map((window) => (
                <option key={window} value={window}>
                  {t('controls.windowYears', { count: window })}
                </option>
              ))}
            </select>
          </label>
          <label className="flex max-w-full flex-col gap-1">
            <span className="font-medium">{t('controls.atLeast')}</span>
            <select
              key={params.min}
              className={SELECT_CLASS}
              defaultValue={params.min}
              onChange={(event) => navigate({ min: Number(event.target.value) })}
            >
              {GROWTH_MIN_SIZES.map((min) => (
                <option key={min} value={min}>
                  {min === 0 ? t('controls.anySize') : t('controls.minSize', { amount: formatNumber(min, 0, locale) })}
                </option>
              ))}
            </select>
          </label>
        </>
      ) : null}
    </div>
  );
}
