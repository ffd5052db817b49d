import { describe, expect, it } from 'vitest';
import { formatValueByUnitCompact, formatYear } from '@/lib/format';
import {
  CHART_LAYOUTS,
  barGeometry,
  lineGeometry,
  placeMarkerLabels,
  spreadLabels,
  valueScale,
  yearTicks,
  type ChartLayout,
} from './chart-layout';

const linear = (values: number[], tickCount = 5) =>
  valueScale(values, { scale: 'linear', range: [300, 0], includeZero: true, tickCount });

/** A step is "nice" when it is 1, 2 or 5 times a power of ten. */
function isNiceStep(step: number): boolean {
  const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
  return [1, 2, 5, 10].some((m) => Math.abs(mantissa - m) < 1e-6);
}

function steps(ticks: readonly number[]): number[] {
  return ticks.slice(1).map((t, i) => t - (ticks[i] ?? 0));
}

const wide = CHART_LAYOUTS.find((l) => l.name === 'wide') as ChartLayout;
const narrow = CHART_LAYOUTS.find((l) => l.name === 'narrow') as ChartLayout;

describe('valueScale (linear)', () => {
  it('ticks on 1-2-5 steps, never $2.3 bn or 5.5 %', () => {
    // The overview's turnover range in USD million and the compare shares that gave 5.5 %/11 %/16.5 %.
    for (const values of [
      [0, 23_412],
      [0.012, 0.171],
      [-4_200, 9_800],
      [153, 98_000],
      [0.9, 1.1],
    ]) {
      const { ticks } = linear(values);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      for (const step of steps(ticks)) expect(isNiceStep(step), `${values} → ${ticks.join(', ')}`).toBe(true);
    }
    expect(linear([0, 23_412]).ticks).toEqual([0, 5_000, 10_000, 15_000, 20_000, 25_000]);
    expect(linear([0.012, 0.171]).ticks).toEqual([0, 0.05, 0.1, 0.15, 0.2]);
  });

  it('widens the domain to whole steps and keeps zero on the axis', () => {
    const scale = linear([1_234, 23_412]);
    expect(scale.domain).toEqual([0, 25_000]);
    expect(scale.position(0)).toBe(300);
    expect(scale.position(25_000)).toBe(0);
    // A deficit goes below zero, and zero stays a tick.
    expect(linear([-4_200, 9_800]).ticks).toContain(0);
  });

  it('keeps a fixed domain (shares that add up to 100%) and still ticks on nice steps', () => {
    const { ticks, domain } = valueScale([0.2, 0.9], {
      scale: 'linear',
      range: [300, 0],
      includeZero: true,
      domain: [0, 1],
      tickCount: 5,
    });
    expect(domain).toEqual([0, 1]);
    expect(ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('draws a single value or no value without dividing by zero', () => {
    expect(linear([5]).domain[0]).toBe(0);
    expect(Number.isFinite(linear([5]).position(5))).toBe(true);
    expect(linear([]).ticks.length).toBeGreaterThan(1);
  });
});

describe('valueScale (log)', () => {
  const log = (values: number[]) =>
    valueScale(values, { scale: 'log', range: [300, 0], includeZero: false, tickCount: 5 });

  it('keeps ticks at 1, 2 and 5 times a power of ten, and ends the axis on one', () => {
    const { ticks, domain } = log([120, 9_000]);
    expect(domain).toEqual([100, 10_000]);
    expect(ticks).toEqual([100, 200, 500, 1_000, 2_000, 5_000, 10_000]);
  });

  it('labels a range within one decade at both ends: shares from 5.3 % to 45 %', () => {
    const { ticks, domain } = log([0.053, 0.45]);
    expect(domain).toEqual([0.05, 0.5]);
    expect(ticks).toEqual([0.05, 0.1, 0.2, 0.5]);
  });

  it('keeps only the powers of ten when a range spans many decades', () => {
    expect(log([0.5, 90_000]).ticks).toEqual([1, 10, 100, 1_000, 10_000, 100_000]);
  });

  it('ignores values a log axis cannot show', () => {
    expect(log([0, -5, 10, 1_000]).domain).toEqual([10, 1_000]);
  });
});

describe('yearTicks', () => {
  it('labels every 5 or 10 years over decades, never every second year', () => {
    expect(yearTicks(2000, 2025, 8)).toEqual([2000, 2005, 2010, 2015, 2020, 2025]);
    expect(yearTicks(2000, 2025, 4)).toEqual([2000, 2010, 2020]);
    expect(yearTicks(2015, 2025, 8)).toEqual([2016, 2018, 2020, 2022, 2024]);
    expect(yearTicks(1992, 2025, 8)).toEqual([1995, 2000, 2005, 2010, 2015, 2020, 2025]);
    expect(yearTicks(1992, 2025, 3)).toEqual([2000, 2010, 2020]);
    expect(yearTicks(2023, 2025, 10)).toEqual([2023, 2024, 2025]);
    expect(yearTicks(2020, 2020, 5)).toEqual([2020]);
  });
});

describe('label placement', () => {
  it('spreads labels one row apart, in order, inside the plot', () => {
    const placed = spreadLabels([100, 102, 104, 290], 0, 295);
    expect(placed[0]).toBeLessThan(placed[1] ?? 0);
    expect((placed[1] ?? 0) - (placed[0] ?? 0)).toBeGreaterThanOrEqual(13);
    expect((placed[2] ?? 0) - (placed[1] ?? 0)).toBeGreaterThanOrEqual(13);
    expect(Math.max(...placed)).toBeLessThanOrEqual(295);
  });

  it('puts overlapping marker labels in separate rows and keeps them inside the plot', () => {
    const plot = { left: 40, right: 330 };
    const labels = placeMarkerLabels(
      [
        { x: 60, label: 'Incomplete coverage' },
        { x: 200, label: 'Customs union from July 2010' },
        { x: 280, label: 'Bureau data from 2020' },
      ],
      plot,
    );
    expect(new Set(labels.map((l) => l.row)).size).toBeGreaterThan(1);
    // The first would run past the left edge drawn to the left of its line, so it goes right.
    expect(labels[0]?.anchor).toBe('start');
    // No two labels of one row overlap (at the generous width estimate the layout uses).
    const spans = labels.map((l) => {
      const width = l.text.length * 11 * 0.6;
      return {
        row: l.row,
        from: l.anchor === 'start' ? l.x : l.x - width,
        to: l.anchor === 'start' ? l.x + width : l.x,
      };
    });
    for (const a of spans)
      for (const b of spans)
        if (a !== b && a.row === b.row) expect(a.to < b.from || b.to < a.from, JSON.stringify([a, b])).toBe(true);
    // Every label stays inside the plot, even one too long for either side of its line.
    const narrowPlot = { left: 54, right: 330 };
    const [long] = placeMarkerLabels([{ x: 165, label: 'Customs union from July 2010' }], narrowPlot);
    expect(long?.x).toBeGreaterThanOrEqual(narrowPlot.left);
    expect((long?.x ?? 0) + 28 * 11 * 0.6).toBeLessThanOrEqual(narrowPlot.right);
  });
});

describe('lineGeometry', () => {
  const input = {
    height: 360,
    xs: [2018, 2019, 2020, 2021, 2022],
    series: [
      { key: 'CHN', values: [10, 12, null, 15, 18], label: 'China' },
      { key: 'RUS', values: [20, null, null, 19, 21], label: 'Russian Federation' },
      { key: 'ITA', values: [null, null, 5, null, null], label: 'Italy' },
    ],
    scale: 'linear' as const,
    includeZero: true,
    formatTick: (v: number) => formatValueByUnitCompact(v, 'currency'),
    formatX: formatYear,
  };

  it('leaves gaps where a year has no value and shows an isolated year as a dot', () => {
    const g = lineGeometry({ ...input, layout: wide });
    const [chn, rus, ita] = g.series;
    // Two runs: 2018–2019 and 2021–2022.
    expect(chn?.d.match(/M/g)).toHaveLength(2);
    expect(rus?.d.match(/M/g)).toHaveLength(2);
    // A single point is a path with no length, invisible: it is drawn as a dot instead.
    expect(ita?.d).toMatch(/^M[\d.]+,[\d.]+Z$/);
    // Five years: few enough to dot every point.
    expect(ita?.dots).toHaveLength(1);
  });

  it('names the lines at their ends where there is room, and not on a phone', () => {
    const g = lineGeometry({ ...input, layout: wide });
    // Italy's line ends before the last year: the legend names it.
    expect(g.endLabels.map((l) => l.text)).toEqual(['China', 'Russian Federation']);
    expect(g.plot.right).toBeLessThan(g.width - 40);
    expect(lineGeometry({ ...input, layout: narrow }).endLabels).toEqual([]);
  });

  it('writes no end labels at all rather than cut names', () => {
    const long = {
      ...input,
      series: input.series.map((s) => ({ ...s, label: `${s.label} as reported by its partners (CIF)` })),
    };
    expect(lineGeometry({ ...long, layout: wide }).endLabels).toEqual([]);
  });

  it('labels source changes above the plot, which starts under the last row of labels', () => {
    const plain = lineGeometry({ ...input, layout: narrow });
    const marked = lineGeometry({
      ...input,
      layout: narrow,
      references: [
        { x: 2020, label: 'Bureau data from 2020' },
        { x: 2021, label: 'Customs union from July 2010' },
      ],
    });
    expect(marked.references.map((r) => r.label.text)).toEqual([
      'Bureau data from 2020',
      'Customs union from July 2010',
    ]);
    // On a phone the two labels cannot share a row: two rows, then the plot.
    expect(new Set(marked.references.map((r) => r.label.row))).toEqual(new Set([0, 1]));
    for (const r of marked.references) {
      expect(r.label.y).toBeLessThan(marked.plot.top);
      expect(r.x).toBe(marked.xOf(r.label.text.includes('2020') ? 2020 : 2021));
    }
    expect(marked.plot.top).toBeGreaterThan(plain.plot.top);
    // The rows make the picture taller, not the plot shorter.
    expect(marked.plot.bottom - marked.plot.top).toBe(plain.plot.bottom - plain.plot.top);
    expect(marked.height - plain.height).toBe(marked.plot.top - plain.plot.top);
    // A marker outside the years drawn is left out.
    expect(lineGeometry({ ...input, layout: wide, references: [{ x: 1995, label: 'Old' }] }).references).toEqual([]);
  });

  it('fits the viewBox of each layout', () => {
    for (const layout of CHART_LAYOUTS) {
      const g = lineGeometry({ ...input, layout });
      expect(g.width).toBe(layout.width);
      expect(g.plot.left).toBeGreaterThan(0);
      expect(g.plot.right).toBeLessThanOrEqual(g.width);
      expect(g.plot.bottom).toBeLessThan(g.height);
      for (const x of g.xs) expect(x).toBeGreaterThanOrEqual(g.plot.left);
    }
  });
});

describe('barGeometry', () => {
  it('stacks positive parts up and negative parts down from zero', () => {
    const g = barGeometry({
      layout: wide,
      height: 300,
      xs: [2020, 2021],
      series: [
        { key: 'a', values: [3, -2] },
        { key: 'b', values: [1, 4] },
      ],
      stacked: true,
      formatTick: String,
      formatX: formatYear,
    });
    const rect = (key: string, index: number) => g.rects.find((r) => r.key === key && r.index === index);
    // 2020: b sits on top of a.
    expect(Math.round((rect('b', 0)?.y ?? 0) + (rect('b', 0)?.height ?? 0))).toBe(Math.round(rect('a', 0)?.y ?? 0));
    // 2021: a's deficit hangs below the zero line.
    expect(rect('a', 1)?.y).toBeCloseTo(g.zeroY, 0);
  });

  it('marks a change from a year on between that year’s bar and the one before, labelled above the plot', () => {
    const g = barGeometry({
      layout: wide,
      height: 300,
      xs: [2019, 2020, 2021],
      series: [{ key: 'a', values: [1, 2, 3] }],
      stacked: false,
      formatTick: String,
      formatX: formatYear,
      references: [{ x: 2020, label: 'Bureau data from 2020' }],
    });
    const [marker] = g.references;
    const bar = (index: number) => g.rects.find((r) => r.index === index);
    expect(marker?.x).toBeGreaterThan((bar(0)?.x ?? 0) + (bar(0)?.width ?? 0));
    expect(marker?.x).toBeLessThan(bar(1)?.x ?? 0);
    expect(marker?.label.y).toBeLessThan(g.plot.top);
    // No bar reaches into the labels' rows.
    for (const r of g.rects) expect(r.y).toBeGreaterThanOrEqual(g.plot.top);
  });
});
