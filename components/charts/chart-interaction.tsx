'use client';

// The only chart code that runs in the browser: the tooltip on hover or tap, the highlight of the
// hovered series, and arrow-key stepping through the years. The SVG under it comes drawn from the
// server; this reads positions the server computed (no scales here) and the pointer's.
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import type { ChartLayoutName } from '@/lib/charts/chart-layout';

export interface InteractionLayout {
  name: ChartLayoutName;
  width: number;
  height: number;
  plotLeft: number;
  plotRight: number;
  plotTop: number;
  plotBottom: number;
  /** x of each position (year), in viewBox units. */
  xs: readonly number[];
  /** Width of a bar's band, highlighted instead of a hairline. */
  band?: number;
}

export interface InteractionSeries {
  key: string;
  label: string;
  color: string;
  dash?: string;
  shape: 'line' | 'bar';
}

/** What the tooltip shows at one position, formatted on the server. */
export interface TooltipPoint {
  title: string;
  items: readonly { key: string; text: string; color?: string }[];
}

interface ChartInteractionProps {
  layouts: readonly InteractionLayout[];
  series: readonly InteractionSeries[];
  points: readonly TooltipPoint[];
  /** The chart's name, for the keyboard hint. */
  label: string;
  /** The layouts' SVGs. */
  children: ReactNode;
  legend: ReactNode;
}

const percent = (part: number, whole: number) => `${((part / whole) * 100).toFixed(2)}%`;

function nearest(xs: readonly number[], x: number): number {
  let best = 0;
  xs.forEach((candidate, i) => {
    if (Math.abs(candidate - x) < Math.abs((xs[best] ?? 0) - x)) best = i;
  });
  return best;
}

/**
 * The series under the pointer, or within a few pixels of it: a 2-pixel line is hard to hit,
 * and the browser's own hit test is cheaper than a second, wider invisible path per series.
 */
function seriesNear(root: HTMLElement, clientX: number, clientY: number): string | null {
  for (const dy of [0, -3, 3, -6, 6]) {
    for (const element of document.elementsFromPoint(clientX, clientY + dy)) {
      if (!root.contains(element)) continue;
      const key = element.closest('[data-series]')?.getAttribute('data-series');
      if (key) return key;
    }
  }
  return null;
}

export function ChartInteraction({ layouts, series, points, label, children, legend }: ChartInteractionProps) {
  const t = useTranslations('Charts');
  // Under `overview` for now (issue 16.4's catalogue blocks per branch); it belongs with Charts.
  const tooltip = useTranslations('overview');
  const rootRef = useRef<HTMLDivElement>(null);
  const [index, setIndex] = useState<number | null>(null);
  const [layoutName, setLayoutName] = useState<ChartLayoutName | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  // The server's SVG is not re-rendered by React: the highlight is an attribute that CSS fades by.
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    for (const element of root.querySelectorAll('[data-series]')) {
      if (active !== null && element.getAttribute('data-series') !== active) element.setAttribute('data-dimmed', '');
      else element.removeAttribute('data-dimmed');
    }
  }, [active]);

  const layout = layouts.find((l) => l.name === layoutName) ?? null;
  const point = index !== null ? points[index] : undefined;
  const byKey = new Map(series.map((s) => [s.key, s]));

  const visibleSvg = () =>
    [...(rootRef.current?.querySelectorAll<SVGSVGElement>('svg[data-chart-layout]') ?? [])].find(
      (svg) => svg.getBoundingClientRect().width > 0,
    ) ?? null;

  const track = (event: PointerEvent<HTMLDivElement>) => {
    const target = event.target instanceof Element ? event.target : null;
    const svg = target?.closest<SVGSVGElement>('svg[data-chart-layout]') ?? visibleSvg();
    const found = layouts.find((l) => l.name === svg?.getAttribute('data-chart-layout'));
    if (!svg || !found) return;
    const box = svg.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * found.width;
    const y = ((event.clientY - box.top) / box.height) * found.height;
    const inside =
      x >= found.plotLeft - 8 && x <= found.plotRight + 8 && y >= found.plotTop - 8 && y <= found.plotBottom;
    setLayoutName(found.name);
    setIndex(inside ? nearest(found.xs, x) : null);
    // A line, a bar or a name at a line's end highlights its series.
    setActive(rootRef.current ? seriesNear(rootRef.current, event.clientX, event.clientY) : null);
  };

  const step = (event: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, (i: number) => number> = {
      ArrowRight: (i) => Math.min(points.length - 1, i + 1),
      ArrowLeft: (i) => Math.max(0, i - 1),
      Home: () => 0,
      End: () => points.length - 1,
    };
    if (event.key === 'Escape') {
      setIndex(null);
      return;
    }
    const move = keys[event.key];
    if (!move || points.length === 0) return;
    event.preventDefault();
    const next = move(index ?? points.length);
    setLayoutName(visibleSvg()?.getAttribute('data-chart-layout') as ChartLayoutName | null);
    setIndex(next);
    const at = points[next];
    if (at)
      setAnnouncement(
        `${at.title}: ${at.items.map((item) => `${byKey.get(item.key)?.label ?? item.key} ${item.text}`).join('; ')}`,
      );
  };

  const x = layout && index !== null ? (layout.xs[index] ?? null) : null;
  // The tooltip opens towards the wider side and never past the chart's edge (no sideways scroll on a phone).
  const flip = layout !== null && x !== null && x > layout.width * 0.5;
  const room = layout && x !== null ? percent(flip ? x : layout.width - x, layout.width) : '100%';

  return (
    <div
      ref={rootRef}
      onPointerOver={(event) => {
        // The legend highlights its series too (hover, or a tap on a phone).
        const target = event.target instanceof Element ? event.target : null;
        if (target?.closest('[data-legend-item]'))
          setActive(target.closest('[data-series]')?.getAttribute('data-series') ?? null);
      }}
      onPointerLeave={() => {
        setIndex(null);
        setActive(null);
      }}
    >
      <div
        className="relative rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
        tabIndex={0}
        role="group"
        aria-label={t('arrowKeys', { label })}
        onPointerMove={track}
        onPointerDown={track}
        onPointerLeave={() => setIndex(null)}
        onKeyDown={step}
        onBlur={() => setIndex(null)}
      >
        {children}
        {layout && x !== null && point ? (
          <>
            <div
              aria-hidden="true"
              className="pointer-events-none absolute -translate-x-1/2 bg-[var(--chart-axis)]"
              style={{
                left: percent(x, layout.width),
                top: percent(layout.plotTop, layout.height),
                height: percent(layout.plotBottom - layout.plotTop, layout.height),
                width: layout.band ? percent(layout.band, layout.width) : '1px',
                opacity: layout.band ? 0.12 : 0.6,
              }}
            />
            <div
              aria-hidden="true"
              data-testid="chart-tooltip"
              className="pointer-events-none absolute z-10 w-max rounded-md border border-border bg-card px-3 py-2 text-xs shadow-md"
              style={{
                top: percent(layout.plotTop, layout.height),
                maxWidth: `min(24rem, calc(${room} - 14px))`,
                ...(flip
                  ? { right: `calc(${percent(layout.width - x, layout.width)} + 10px)` }
                  : { left: `calc(${percent(x, layout.width)} + 10px)` }),
              }}
            >
              <p className="mb-1 font-semibold">{point.title}</p>
              {point.items.length === 0 ? <p className="text-muted-foreground">{tooltip('tooltipNoValue')}</p> : null}
              <ul className="space-y-0.5">
                {point.items.map((item) => {
                  const s = byKey.get(item.key);
                  return (
                    <li
                      key={item.key}
                      className={`flex flex-wrap items-center justify-between gap-x-4 ${active !== null && item.key !== active ? 'opacity-50' : ''} ${item.key === active ? 'font-semibold' : ''}`}
                    >
                      <span className="flex items-center gap-1.5">
                        <svg aria-hidden="true" width="14" height="8" className="shrink-0">
                          {s?.shape === 'bar' ? (
                            <rect width="8" height="8" rx="1" fill={item.color ?? s.color} />
                          ) : (
                            <line
                              x1="0"
                              y1="4"
                              x2="14"
                              y2="4"
                              stroke={item.color ?? s?.color}
                              strokeWidth="2.5"
                              strokeDasharray={s?.dash}
                            />
                          )}
                        </svg>
                        {s?.label ?? item.key}
                      </span>
                      <span className="ml-auto whitespace-nowrap tabular-nums">{item.text}</span>
                    </li>
                  );
                })}
              </ul>
            </div>
          </>
        ) : null}
        <p className="sr-only" aria-live="polite">
          {announcement}
        </p>
      </div>
      {legend}
    </div>
  );
}
