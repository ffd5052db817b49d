'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { useUrlState } from '@/components/layout/use-url-state';
import { mapParsers, type MapParams } from '@/lib/search-params/map';

/** Time each year stays on screen while playing, counted from when its map has arrived. */
const PLAY_STEP_MS = 1_200;

interface MapYearSliderProps {
  params: MapParams;
  /** The year shown. */
  year: number;
  /** Years with data, ascending. */
  years: readonly number[];
}

/**
 * The year as a slider (arrow keys, Home, End, Page Up/Down) with play and pause. Each year is
 * URL state, so the server draws each map; playing waits for one map to arrive before the next.
 */
export function MapYearSlider({ params, year, years }: MapYearSliderProps) {
  const { navigate, isPending } = useUrlState(mapParsers, params);
  const t = useTranslations('map.slider');
  const [shown, setShown] = useState(year);
  const [serverYear, setServerYear] = useState(year);
  const [playing, setPlaying] = useState(false);
  // Play pressed on the last year: it starts again from the first once that map has arrived.
  const restarting = useRef(false);
  const first = years[0] ?? year;
  const last = years.at(-1) ?? year;

  // The slider follows the year the server drew (after a step of play, or back/forward).
  if (serverYear !== year) {
    setServerYear(year);
    setShown(year);
  }

  useEffect(() => {
    if (!playing || isPending) return;
    const timer = setTimeout(() => {
      const next = years.find((y) => y > year);
      if (next === undefined) {
        if (!restarting.current) setPlaying(false);
        return;
      }
      restarting.current = false;
      navigate({ year: next }, { history: 'replace' });
    }, PLAY_STEP_MS);
    return () => clearTimeout(timer);
  }, [playing, isPending, year, years, navigate]);

  const choose = (value: number) => {
    // Years with data are contiguous today; a gap would snap to the nearest year that has data.
    const snapped = years.reduce((best, y) => (Math.abs(y - value) < Math.abs(best - value) ? y : best), first);
    setShown(snapped);
    navigate({ year: snapped }, { history: 'replace', debounceMs: 250 });
  };

  const togglePlay = () => {
    if (playing) {
      setPlaying(false);
      return;
    }
    // From the last year, play starts again at the first.
    if (year >= last) {
      restarting.current = true;
      navigate({ year: first }, { history: 'replace' });
    }
    setPlaying(true);
  };

  return (
    <div
      className="flex w-full flex-wrap items-end gap-3 text-sm sm:w-auto sm:min-w-80 sm:flex-1"
      data-testid="map-year"
    >
      <div className="flex min-w-48 flex-1 flex-col gap-1">
        <label htmlFor="map-year-slider" className="flex justify-between font-medium">
          <span>{t('year')}</span>
          <output htmlFor="map-year-slider" className="tabular-nums" data-testid="map-year-value">
            {shown}
          </output>
        </label>
        <input
          id="map-year-slider"
          type="range"
          min={first}
          max={last}
          step={1}
          value={shown}
          onChange={(event) => choose(Number(event.target.value))}
          className="h-9 w-full accent-[var(--accent)]"
          data-testid="map-year-slider"
        />
        <span className="flex justify-between text-xs text-muted-foreground" aria-hidden="true">
          <span>{first}</span>
          <span>{last}</span>
        </span>
      </div>
      <button
        type="button"
        onClick={togglePlay}
        className="h-9 rounded-md border border-border bg-card px-3 font-medium hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
        data-testid="map-play"
      >
        {playing ? t('pause') : t('play')}
      </button>
    </div>
  );
}
