// The benchmark's results as one SVG picture: how each cost grows from the smallest step to the
// largest, so that a reader sees growth at a glance (docs/performance.md shows the latest). Four
// panels share the x axis (synthetic rows, log scale): import and export rows/s each against
// their PostgreSQL baselines, page p95 at 16 connections, and SQL time per uncached render.
// Scales, ticks and paths come from d3-scale and d3-shape, as the app's own server charts do
// (lib/charts/chart-layout.ts); the SVG is written as text because this runs outside React.
import { scaleLog } from 'd3-scale';
import { line } from 'd3-shape';

export interface GrowthSeries {
  name: string;
  /** One value per step; null where the step did not measure it. */
  values: (number | null)[];
  /** Drawn dashed: a baseline rather than the app. */
  baseline?: boolean;
}

export interface GrowthPanel {
  title: string;
  unit: string;
  series: GrowthSeries[];
}

/** The parts of a bench/results/*.json step that the picture reads. */
export interface GrowthStep {
  syntheticRows: number;
  import?: {
    importerRowsPerSecond: number;
    copyRowsPerSecond: number;
    indexedCopyRowsPerSecond?: number;
    bareCopyRowsPerSecond?: number;
    /** False: the run measured no baselines (their figures are 0). */
    baselines?: boolean;
  };
  export?: { apiRowsPerSecond: number; copyRowsPerSecond: number; bareCopyRowsPerSecond?: number };
  pages?: { name: string; sqlMs: number; cached16: { p95: number } }[];
}

/** The four panels of a run's steps; a panel with nothing measured is left out. */
export function growthPanels(steps: readonly GrowthStep[]): GrowthPanel[] {
  const pick = (f: (s: GrowthStep) => number | undefined) => steps.map((s) => f(s) ?? null);
  const pageNames = [...new Set(steps.flatMap((s) => (s.pages ?? []).map((p) => p.name)))];
  const page = (name: string, f: (p: { sqlMs: number; cached16: { p95: number } }) => number) =>
    pick((s) => {
      const p = s.pages?.find((x) => x.name === name);
      return p ? f(p) : undefined;
    });
  const panels: GrowthPanel[] = [
    {
      title: 'Import',
      unit: 'rows/s',
      series: [
        { name: 'npm run import', values: pick((s) => s.import?.importerRowsPerSecond) },
        {
          name: 'COPY FROM, same indexes and keys',
          values: pick((s) => (s.import?.baselines === false ? undefined : s.import?.copyRowsPerSecond)),
          baseline: true,
        },
        {
          name: 'COPY FROM, same indexes, no foreign keys',
          values: pick((s) => (s.import?.baselines === false ? undefined : s.import?.indexedCopyRowsPerSecond)),
          baseline: true,
        },
        {
          name: 'bare COPY FROM, no indexes',
          values: pick((s) => (s.import?.baselines === false ? undefined : s.import?.bareCopyRowsPerSecond)),
          baseline: true,
        },
      ],
    },
    {
      title: 'CSV export',
      unit: 'rows/s',
      series: [
        { name: 'GET /api/observations', values: pick((s) => s.export?.apiRowsPerSecond) },
        { name: "COPY TO, the route's statement", values: pick((s) => s.export?.copyRowsPerSecond), baseline: true },
        { name: 'bare COPY TO, same rows', values: pick((s) => s.export?.bareCopyRowsPerSecond), baseline: true },
      ],
    },
    {
      title: 'Page p95, 16 connections',
      unit: 'ms',
      series: pageNames.map((name) => ({ name, values: page(name, (p) => p.cached16.p95) })),
    },
    {
      title: 'SQL per uncached render',
      unit: 'ms',
      series: pageNames.map((name) => ({ name, values: page(name, (p) => p.sqlMs) })),
    },
  ];
  return panels
    .map((p) => ({ ...p, series: p.series.filter((s) => s.values.some((v) => v !== null && v > 0)) }))
    .filter((p) => p.series.length > 0);
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** 1,000,000 → "1M", 100,000 → "100k", 12.5 → "12.5". */
export function shortNumber(n: number): string {
  const scaled = (v: number, suffix: string) => `${Number(v.toPrecision(3))}${suffix}`;
  if (Math.abs(n) >= 1e6) return scaled(n / 1e6, 'M');
  if (Math.abs(n) >= 1e3) return scaled(n / 1e3, 'k');
  return String(Number(n.toPrecision(3)));
}

/** Colours that read on white and are told apart by most colour-blind readers (Okabe–Ito). */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];

const PANEL_WIDTH = 460;
const PANEL_HEIGHT = 300;
const MARGIN = { top: 34, right: 16, bottom: 40, left: 58 };
const LEGEND_ROW = 15;

/**
 * The panels as one SVG document, two panels a row. Both axes are logarithmic: growth by a factor
 * reads as the same slope wherever it happens, and rows/s and milliseconds span decades.
 */
export function growthChartSvg(steps: readonly GrowthStep[], caption: string): string {
  const panels = growthPanels(steps);
  const xs = steps.map((s) => s.syntheticRows);
  const columns = 2;
  const legendRows = Math.max(0, ...panels.map((p) => p.series.length));
  const cellHeight = PANEL_HEIGHT + 14 + legendRows * LEGEND_ROW + 8;
  const width = PANEL_WIDTH * columns;
  const height = 28 + Math.ceil(panels.length / columns) * cellHeight;
  const xDomain: [number, number] =
    xs.length > 1 ? [Math.min(...xs) / 1.4, Math.max(...xs) * 1.4] : [(xs[0] ?? 1) / 2, (xs[0] ?? 1) * 2];
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="8" y="18" font-size="13" font-weight="600">${escapeXml(caption)}</text>`,
  ];
  panels.forEach((panel, i) => {
    const ox = (i % columns) * PANEL_WIDTH;
    const oy = 28 + Math.floor(i / columns) * cellHeight;
    const x = scaleLog()
      .domain(xDomain)
      .range([ox + MARGIN.left, ox + PANEL_WIDTH - MARGIN.right]);
    const values = panel.series.flatMap((s) => s.values.filter((v): v is number => v !== null && v > 0));
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const y = scaleLog()
      .domain(lo === hi ? [lo / 2, hi * 2] : [lo / 1.3, hi * 1.3])
      .range([oy + PANEL_HEIGHT - MARGIN.bottom, oy + MARGIN.top])
      .nice();
    parts.push(
      `<text x="${ox + MARGIN.left}" y="${oy + 20}" font-weight="600">${escapeXml(panel.title)} (${escapeXml(panel.unit)}, log scale)</text>`,
    );
    for (const tick of y.ticks(4)) {
      if (!/^[125]/.test(String(tick))) continue;
      const ty = y(tick);
      parts.push(
        `<line x1="${ox + MARGIN.left}" x2="${ox + PANEL_WIDTH - MARGIN.right}" y1="${ty}" y2="${ty}" stroke="#ddd"/>`,
        `<text x="${ox + MARGIN.left - 6}" y="${ty + 4}" text-anchor="end" fill="#444">${shortNumber(tick)}</text>`,
      );
    }
    for (const step of xs) {
      const tx = x(step);
      parts.push(
        `<line x1="${tx}" x2="${tx}" y1="${oy + MARGIN.top}" y2="${oy + PANEL_HEIGHT - MARGIN.bottom}" stroke="#eee"/>`,
        `<text x="${tx}" y="${oy + PANEL_HEIGHT - MARGIN.bottom + 16}" text-anchor="middle" fill="#444">${shortNumber(step)}</text>`,
      );
    }
    parts.push(
      `<text x="${ox + (MARGIN.left + PANEL_WIDTH - MARGIN.right) / 2}" y="${oy + PANEL_HEIGHT - 6}" text-anchor="middle" fill="#444">synthetic rows loaded</text>`,
    );
    panel.series.forEach((series, j) => {
      const colour = COLOURS[j % COLOURS.length] ?? '#000';
      const points = series.values
        .map((v, k) => [xs[k] ?? 0, v] as const)
        .filter((p): p is readonly [number, number] => p[1] !== null && p[1] > 0);
      const d = line<readonly [number, number]>()
        .x((p) => x(p[0]))
        .y((p) => y(p[1]))(points);
      const dash = series.baseline ? ' stroke-dasharray="6 4"' : '';
      if (d) parts.push(`<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"${dash}/>`);
      for (const [px, py] of points) {
        parts.push(
          `<circle cx="${x(px)}" cy="${y(py)}" r="3" fill="${colour}"><title>${escapeXml(`${series.name}: ${shortNumber(py)} ${panel.unit} at ${shortNumber(px)} rows`)}</title></circle>`,
        );
      }
      const last = points.at(-1);
      const ly = oy + PANEL_HEIGHT + 14 + j * LEGEND_ROW;
      parts.push(
        `<line x1="${ox + MARGIN.left}" x2="${ox + MARGIN.left + 22}" y1="${ly - 4}" y2="${ly - 4}" stroke="${colour}" stroke-width="2"${dash}/>`,
        `<text x="${ox + MARGIN.left + 28}" y="${ly}">${escapeXml(series.name)}${last ? ` — ${shortNumber(last[1])}` : ''}</text>`,
      );
    });
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
