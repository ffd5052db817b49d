import { describe, expect, it } from 'vitest';
import { growthChartSvg, growthPanels, shortNumber, type GrowthStep } from './growth-chart';

const steps: GrowthStep[] = [
  {
    syntheticRows: 100_000,
    import: {
      importerRowsPerSecond: 40_000,
      copyRowsPerSecond: 20_000,
      indexedCopyRowsPerSecond: 90_000,
      bareCopyRowsPerSecond: 400_000,
    },
    export: { apiRowsPerSecond: 50_000, copyRowsPerSecond: 70_000, bareCopyRowsPerSecond: 300_000 },
    pages: [{ name: 'overview', sqlMs: 80, cached16: { p95: 120 } }],
  },
  {
    syntheticRows: 1_000_000,
    import: { importerRowsPerSecond: 30_000, copyRowsPerSecond: 15_000 },
    export: { apiRowsPerSecond: 45_000, copyRowsPerSecond: 65_000, bareCopyRowsPerSecond: 250_000 },
    pages: [{ name: 'overview', sqlMs: 400, cached16: { p95: 140 } }],
  },
];

describe('growthPanels', () => {
  it('has import, export, page p95 and SQL panels, each series with one value per step', () => {
    const panels = growthPanels(steps);
    expect(panels.map((p) => p.title)).toEqual([
      'Import',
      'CSV export',
      'Page p95, 16 connections',
      'SQL per uncached render',
    ]);
    expect(panels[0]?.series.map((s) => s.values)).toEqual([
      [40_000, 30_000],
      [20_000, 15_000],
      // The first step alone measured the COPY without foreign keys and the bare COPY.
      [90_000, null],
      [400_000, null],
    ]);
    expect(panels[3]?.series).toEqual([{ name: 'overview', values: [80, 400] }]);
  });

  it('leaves out what a run did not measure (an import-and-export-only run has no page panels)', () => {
    const panels = growthPanels(steps.map(({ pages: _pages, ...s }) => s));
    expect(panels.map((p) => p.title)).toEqual(['Import', 'CSV export']);
  });
});

describe('growthChartSvg', () => {
  it('draws a line and a legend entry with the last value for every series', () => {
    const svg = growthChartSvg(steps, 'npm run bench, 2 steps');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    // Seven series with two points (two import, three export, one per page panel), and two import
    // baselines with one (a path of one point is "M…Z").
    expect(svg.match(/<path /g)?.length).toBe(9);
    expect(svg).toContain('npm run import — 30k');
    expect(svg).toContain('bare COPY TO, same rows — 250k');
    expect(svg).toContain('overview — 400');
    // Baselines are dashed, the app's own lines solid.
    expect(svg.match(/stroke-dasharray/g)?.length).toBeGreaterThanOrEqual(4);
  });

  it('escapes text', () => {
    expect(growthChartSvg(steps, 'a < b & "c"')).toContain('a &lt; b &amp; &quot;c&quot;');
  });
});

describe('shortNumber', () => {
  it.each([
    [1_000_000, '1M'],
    [10_000_000, '10M'],
    [123_456, '123k'],
    [1_500, '1.5k'],
    [12.25, '12.3'],
  ])('%d → %s', (n, text) => expect(shortNumber(n)).toBe(text));
});
