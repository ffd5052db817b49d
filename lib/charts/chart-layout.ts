// Geometry of the charts the server draws: scales and "nice" ticks from d3-scale, line paths and
// stacks from d3-shape, computed once per fixed layout (narrow, medium, wide). CSS shows one
// layout by the width of the chart's container, so nothing is measured in the browser and the
// SVG is complete in the HTML. Pure; components/charts/* turns the result into SVG elements.
import { pathRound } from 'd3-path';
import { scaleBand, scaleLinear, scaleLog, type ScaleBand } from 'd3-scale';
import { line, stack, stackOffsetDiverging } from 'd3-shape';

export type ChartLayoutName = 'narrow' | 'medium' | 'wide';

export interface ChartLayout {
  name: ChartLayoutName;
  /** viewBox width; the drawn size follows the container (width 100%, height auto). */
  width: number;
  /** viewBox height as a share of the chart's nominal height: phones get a taller picture. */
  heightFactor: number;
  /** Room for series names at the line ends. */
  endLabels: boolean;
}

/**
 * The viewBox widths are close to the container widths each layout is shown at
 * (components/charts/chart-frame.tsx: below 30rem, 30–52rem, above 52rem), so 12 units of text
 * read as 10–16 px on any screen.
 */
export const CHART_LAYOUTS: readonly ChartLayout[] = [
  { name: 'narrow', width: 340, heightFactor: 0.9, endLabels: false },
  { name: 'medium', width: 620, heightFactor: 1, endLabels: true },
  { name: 'wide', width: 960, heightFactor: 1, endLabels: true },
];

export const CHART_FONT_SIZE = 12;
export const CHART_SMALL_FONT_SIZE = 11;
/** Line height of stacked labels (end labels, marker labels). */
const LABEL_ROW = 13;
/**
 * A generous average glyph width of a system sans-serif, in em. Text is laid out on the server,
 * where no font can be measured; erring wide keeps labels from overlapping.
 */
const GLYPH_EM = 0.6;

export function estimateTextWidth(text: string, fontSize = CHART_FONT_SIZE): number {
  return text.length * fontSize * GLYPH_EM;
}

export interface PlotBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface AxisTick {
  /** Position along the axis, in viewBox units. */
  at: number;
  value: number;
  label: string;
}

/** Horizontal grid lines at the ticks, as one path (one element instead of one per tick). */
export function gridPath(ticks: readonly AxisTick[], plot: PlotBox): string {
  const path = pathRound(1);
  for (const tick of ticks) {
    path.moveTo(plot.left, tick.at);
    path.lineTo(plot.right, tick.at);
  }
  return path.toString();
}

/** Bars as one path per series and color: a chart of 34 years × 7 parts is a handful of elements, not 238. */
export function rectsPath(rects: readonly { x: number; y: number; width: number; height: number }[]): string {
  const path = pathRound(1);
  for (const r of rects) if (r.height > 0 && r.width > 0) path.rect(r.x, r.y, r.width, r.height);
  return path.toString();
}

export interface ValueScaleOptions {
  scale: 'linear' | 'log';
  /** Bottom and top of the plot. */
  range: [number, number];
  /** Amounts are read against zero: a linear axis includes it. */
  includeZero: boolean;
  /** A fixed domain (shares that add up to 100%); otherwise the data's, made "nice". */
  domain?: [number, number];
  tickCount: number;
}

export interface ValueScale {
  position: (value: number) => number;
  ticks: number[];
  domain: [number, number];
}

/** Mantissas of the ticks a reader expects on a logarithmic axis: 1, 2, 5 × 10ⁿ. */
const LOG_MANTISSAS = new Set([1, 2, 5]);

/** The nearest 1, 2 or 5 × 10ⁿ at or below (down) or at or above (up) a positive value. */
function logStep(value: number, direction: 'down' | 'up'): number {
  const decade = 10 ** Math.floor(Math.log10(value) + 1e-9);
  const steps = [1, 2, 5, 10].map((m) => m * decade);
  // A relative tolerance, so that 0.3 (0.30000000000000004) counts as on a step.
  const on = (step: number) => Math.abs(step - value) <= step * 1e-9;
  return direction === 'down'
    ? ([...steps].reverse().find((step) => step <= value || on(step)) ?? decade)
    : (steps.find((step) => step >= value || on(step)) ?? decade * 10);
}

function mantissa(value: number): number {
  return Math.round(value / 10 ** Math.floor(Math.log10(value) + 1e-9));
}

/**
 * The value axis. Linear: d3's nice() widens the domain to a whole tick step and ticks() picks
 * 1-2-5 steps (0, 5,000, 10,000; 0%, 5%, 10%), never 2,300 or 5.5%. Log: d3's decade ticks,
 * kept to 1-2-5 mantissas (and to powers of ten alone when those are too many).
 */
export function valueScale(values: readonly number[], options: ValueScaleOptions): ValueScale {
  const finite = values.filter((v) => Number.isFinite(v));
  if (options.scale === 'log') {
    const positive = finite.filter((v) => v > 0);
    let lo = positive.length > 0 ? Math.min(...positive) : 1;
    let hi = positive.length > 0 ? Math.max(...positive) : 10;
    if (lo === hi) [lo, hi] = [lo / 2, hi * 2];
    // Both ends out to the next 1, 2 or 5 × 10ⁿ, so the axis is labelled at its ends and a range
    // within one decade (5.3 % to 45 %) still gets three or four labels (5, 10, 20, 50 %).
    [lo, hi] = [logStep(lo, 'down'), logStep(hi, 'up')];
    const scale = scaleLog().domain([lo, hi]).range(options.range);
    const all = scale.ticks(options.tickCount);
    const preferred = all.filter((v) => LOG_MANTISSAS.has(mantissa(v)));
    const decades = all.filter((v) => mantissa(v) === 1);
    const ticks =
      preferred.length > options.tickCount + 2 && decades.length >= 2
        ? decades
        : preferred.length >= 2
          ? preferred
          : all;
    return { position: (v) => scale(v), ticks, domain: [lo, hi] };
  }
  let [lo, hi] = options.domain ?? [
    Math.min(...finite, ...(options.includeZero ? [0] : [])),
    Math.max(...finite, ...(options.includeZero ? [0] : [])),
  ];
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = [0, 1];
  if (lo === hi) [lo, hi] = lo === 0 ? [0, 1] : [Math.min(0, lo * 2), Math.max(0, hi * 2)];
  const scale = scaleLinear().domain([lo, hi]).range(options.range);
  if (!options.domain) scale.nice(options.tickCount);
  const [d0, d1] = scale.domain() as [number, number];
  return { position: (v) => scale(v), ticks: scale.ticks(options.tickCount), domain: [d0, d1] };
}

const YEAR_STEPS = [1, 2, 5, 10, 20, 50];

/**
 * Year labels on the smallest 1-2-5 step (1, 2, 5, 10, … years) that gives at most `maxLabels`,
 * at whole multiples of the step: 1995, 2000, … 2025 over 1992–2025 on a desk, 2000, 2010, 2020
 * on a phone; never every second year over decades.
 */
export function yearTicks(first: number, last: number, maxLabels: number): number[] {
  if (first === last) return [first];
  const at = (step: number) => {
    const years: number[] = [];
    for (let year = Math.ceil(first / step) * step; year <= last; year += step) years.push(year);
    return years;
  };
  for (const step of YEAR_STEPS) {
    const years = at(step);
    if (years.length <= maxLabels) return years;
  }
  return at(YEAR_STEPS.at(-1) ?? 50);
}

/** A vertical marker (a source change) in data units, with the reader's name for it. */
export interface ReferenceInput {
  x: number;
  label: string;
}

/** A marker as drawn: its line from under its label to the bottom of the plot, and the label. */
export interface PlacedReference {
  x: number;
  /** Top of the dotted line: just under the label's row. */
  y1: number;
  label: PlacedMarkerLabel;
}

/** Labels of vertical markers (source changes), in rows above the plot so none overlaps another or the data. */
export interface PlacedMarkerLabel {
  x: number;
  /** Baseline. */
  y: number;
  anchor: 'start' | 'end';
  text: string;
  row: number;
}

/** Baseline of the first row of marker labels; also the plot's top when there are none. */
const PLOT_TOP = 12;

/** Where the plot starts below `rows` rows of marker labels. */
function plotTopBelow(rows: number): number {
  return rows === 0 ? PLOT_TOP : PLOT_TOP + (rows - 1) * LABEL_ROW + 8;
}

/**
 * Places marker labels in rows above the plot: each beside its line (neighbours on opposite
 * sides), inside the plot's width, and a label that would overlap one already placed goes down a
 * row. The plot then starts under the last row (plotTopBelow).
 */
export function placeMarkerLabels(
  markers: readonly { x: number; label: string }[],
  plot: Pick<PlotBox, 'left' | 'right'>,
  fontSize = CHART_SMALL_FONT_SIZE,
): PlacedMarkerLabel[] {
  const rows: [number, number][][] = [];
  return markers.map((marker, i) => {
    const width = estimateTextWidth(marker.label, fontSize) + 4;
    // Neighbouring markers (2020, 2021) put their labels on opposite sides of their lines.
    const fitsLeft = marker.x - width >= plot.left;
    const fitsRight = marker.x + width <= plot.right;
    let anchor: 'start' | 'end' = markers.length > 1 && i % 2 === 0 ? 'end' : 'start';
    if (anchor === 'end' && !fitsLeft && fitsRight) anchor = 'start';
    if (anchor === 'start' && !fitsRight && fitsLeft) anchor = 'end';
    let x = anchor === 'end' ? marker.x - 4 : marker.x + 4;
    // Too long for either side (a phone): the label crosses its line but stays inside the plot.
    if (!fitsLeft && !fitsRight) {
      anchor = 'start';
      x = Math.max(plot.left + 2, Math.min(marker.x - width / 2, plot.right - width));
    }
    const span: [number, number] = anchor === 'end' ? [x - width, x] : [x, x + width];
    let row = rows.findIndex((taken) => taken.every(([a, b]) => span[1] < a || span[0] > b));
    if (row === -1) row = rows.push([]) - 1;
    rows[row]?.push(span);
    return { x: round1(x), y: PLOT_TOP + row * LABEL_ROW, anchor, text: marker.label, row };
  });
}

/**
 * The markers inside the plot's width, their labels placed (placeMarkerLabels) and how many rows
 * the labels take.
 */
function placeReferences(
  references: readonly ReferenceInput[],
  xOf: (x: number) => number | null,
  plot: Pick<PlotBox, 'left' | 'right'>,
): { placed: { x: number; label: PlacedMarkerLabel }[]; rows: number } {
  const inside = references.flatMap((r) => {
    const x = xOf(r.x);
    return x === null || !Number.isFinite(x) || x < plot.left - 1 || x > plot.right + 1
      ? []
      : [{ x: round1(x), label: r.label }];
  });
  const labels = placeMarkerLabels(inside, plot);
  const placed = inside.flatMap((r, i) => {
    const label = labels[i];
    return label ? [{ x: r.x, label }] : [];
  });
  return { placed, rows: Math.max(0, ...labels.map((l) => l.row + 1)) };
}

/**
 * Lays a chart out with the room its marker labels need above the plot. The labels' positions
 * depend on the x scale, which depends on the value axis's labels, which depend on the plot's
 * height: so lay out, count the rows, and lay out again with that room (twice is enough: a row
 * more or less changes the tick labels' width by a few units at most).
 */
function withMarkerRoom<T extends { plot: PlotBox }>(
  references: readonly ReferenceInput[],
  draw: (top: number) => T,
  xOf: (drawn: T) => (x: number) => number | null,
): { drawn: T; references: PlacedReference[] } {
  let drawn = draw(PLOT_TOP);
  let placed = placeReferences(references, xOf(drawn), drawn.plot);
  for (let pass = 0; pass < 2 && plotTopBelow(placed.rows) !== drawn.plot.top; pass += 1) {
    drawn = draw(plotTopBelow(placed.rows));
    placed = placeReferences(references, xOf(drawn), drawn.plot);
  }
  return {
    drawn,
    references: placed.placed.map((r) => ({ x: r.x, y1: r.label.y + 4, label: r.label })),
  };
}

/** Positions of labels stacked along y (e.g. series names at the line ends): ordered, at least one row apart, inside the plot. */
export function spreadLabels(wanted: readonly number[], top: number, bottom: number, gap = LABEL_ROW): number[] {
  const order = wanted.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const placed = order.map((o) => o.y);
  for (let k = 0; k < placed.length; k += 1)
    placed[k] = Math.max(placed[k] ?? 0, k === 0 ? top : (placed[k - 1] ?? 0) + gap);
  for (let k = placed.length - 1; k >= 0; k -= 1)
    placed[k] = Math.min(placed[k] ?? 0, k === placed.length - 1 ? bottom : (placed[k + 1] ?? 0) - gap);
  const result = new Array<number>(wanted.length);
  order.forEach((o, k) => (result[o.i] = placed[k] ?? o.y));
  return result;
}

// ---------------------------------------------------------------------------------------------
// Line charts

export interface LineSeriesInput {
  key: string;
  /** One value per x position; null is a gap, never a zero. */
  values: readonly (number | null)[];
  /** The name written at the line's end, where it fits. */
  label?: string;
}

export interface LineGeometryInput {
  layout: ChartLayout;
  /** Nominal height of the chart, before the layout's factor. */
  height: number;
  /** The x positions: years, ascending. */
  xs: readonly number[];
  series: readonly LineSeriesInput[];
  /** Values drawn apart from the lines (news figures) that the axis must still show. */
  extraValues?: readonly number[];
  scale: 'linear' | 'log';
  includeZero: boolean;
  formatTick: (value: number) => string;
  formatX: (x: number) => string;
  /** Vertical markers (source changes), labelled in rows above the plot. */
  references?: readonly ReferenceInput[];
}

export interface LineSeriesGeometry {
  key: string;
  /** SVG path; empty when the series has no value. */
  d: string;
  /** Points drawn as dots: every point when there are few, otherwise the isolated ones a path cannot show. */
  dots: { x: number; y: number }[];
}

export interface EndLabel {
  key: string;
  text: string;
  /** Where the line ends, and where its label sits. */
  from: { x: number; y: number };
  x: number;
  y: number;
}

export interface LineGeometry {
  layout: ChartLayoutName;
  width: number;
  height: number;
  plot: PlotBox;
  /** x of each position of `xs`. */
  xs: number[];
  xTicks: AxisTick[];
  yTicks: AxisTick[];
  /** y of the zero line, when the axis crosses zero. */
  zeroY: number | null;
  series: LineSeriesGeometry[];
  endLabels: EndLabel[];
  references: PlacedReference[];
  xOf: (x: number) => number;
  yOf: (value: number) => number;
}

const DOTS_UP_TO = 12;

export function lineGeometry(input: LineGeometryInput): LineGeometry {
  const { layout } = input;
  const width = layout.width;
  const plotHeight = Math.round(input.height * layout.heightFactor) - 24 - PLOT_TOP;
  const values = [...input.series.flatMap((s) => s.values), ...(input.extraValues ?? [])].filter(
    (v): v is number => v !== null && (input.scale === 'linear' || v > 0),
  );
  const first = input.xs[0] ?? 0;
  const last = input.xs.at(-1) ?? first;
  const labelled = layout.endLabels
    ? input.series.filter((s) => s.label !== undefined && s.values.at(-1) !== null && s.values.at(-1) !== undefined)
    : [];
  const labelRoom = Math.max(0, ...labelled.map((s) => estimateTextWidth(s.label ?? '') + 14));

  // Rows of marker labels make the picture taller, never the plot shorter.
  const frame = (top: number) => {
    const bottom = top + plotHeight;
    const tickCount = Math.max(3, Math.round((bottom - top) / 60));
    const y = valueScale(values, {
      scale: input.scale,
      range: [bottom, top],
      includeZero: input.includeZero,
      tickCount,
    });
    const yTickLabels = y.ticks.map((v) => input.formatTick(v));
    const left = Math.ceil(Math.max(0, ...yTickLabels.map((t) => estimateTextWidth(t)))) + 10;
    // End labels only where they fit, whole: one row each within the plot, in a margin of at most
    // 28% of the width. Otherwise none (the legend names every line), never cut names.
    const fits = labelled.length > 0 && labelled.length * LABEL_ROW <= bottom - top && labelRoom <= width * 0.28;
    const right = width - (fits ? labelRoom : 14);
    const xScale = scaleLinear()
      .domain(first === last ? [first - 0.5, last + 0.5] : [first, last])
      .range([left + 6, right]);
    const plot: PlotBox = { left, right, top, bottom };
    return { y, yTickLabels, fits, xScale, plot };
  };
  const {
    drawn: { y, yTickLabels, fits, xScale, plot },
    references,
  } = withMarkerRoom(input.references ?? [], frame, (f) => (x) => f.xScale(x));
  const { left, right, top, bottom } = plot;
  const height = bottom + 24;
  const xs = input.xs.map((x) => xScale(x));
  const xTicks = yearTicks(first, last, maxYearLabels(right - left)).map((x) => ({
    at: round1(xScale(x)),
    value: x,
    label: input.formatX(x),
  }));
  const yTicks = y.ticks.map((v, i) => ({ at: round1(y.position(v)), value: v, label: yTickLabels[i] ?? '' }));
  const zeroY = input.scale === 'linear' && y.domain[0] <= 0 && y.domain[1] >= 0 ? round1(y.position(0)) : null;

  const path = line<[number, number | null]>()
    .defined(([, v]) => v !== null && Number.isFinite(v) && (input.scale === 'linear' || v > 0))
    .x(([x]) => x)
    .y(([, v]) => y.position(v ?? 0))
    .digits(1);
  const series = input.series.map((s) => {
    const points = s.values.map((v, i): [number, number | null] => [xs[i] ?? 0, v]);
    const defined = (i: number) => {
      const v = s.values[i];
      return v !== null && v !== undefined && (input.scale === 'linear' || v > 0);
    };
    const dots = points
      .filter((_, i) => defined(i) && (input.xs.length <= DOTS_UP_TO || (!defined(i - 1) && !defined(i + 1))))
      .map(([x, v]) => ({ x: round1(x), y: round1(y.position(v ?? 0)) }));
    return { key: s.key, d: path(points) ?? '', dots };
  });

  const endLabels: EndLabel[] = [];
  if (fits) {
    const ends = labelled.map((s) => ({ s, y: y.position(s.values.at(-1) ?? 0) }));
    const placed = spreadLabels(
      ends.map((e) => e.y),
      top + 4,
      bottom,
    );
    ends.forEach((e, i) =>
      endLabels.push({
        key: e.s.key,
        text: e.s.label ?? '',
        from: { x: round1(xs.at(-1) ?? right), y: round1(e.y) },
        x: round1(right + 10),
        y: round1(placed[i] ?? e.y),
      }),
    );
  }

  return {
    layout: layout.name,
    width,
    height,
    plot,
    xs: xs.map(round1),
    xTicks,
    yTicks,
    zeroY,
    series,
    endLabels,
    references,
    xOf: (x) => round1(xScale(x)),
    yOf: (v) => round1(y.position(v)),
  };
}

// ---------------------------------------------------------------------------------------------
// Bar charts

export interface BarSeriesInput {
  key: string;
  values: readonly (number | null)[];
}

export interface BarGeometryInput {
  layout: ChartLayout;
  height: number;
  xs: readonly number[];
  series: readonly BarSeriesInput[];
  /** Stack the series (parts of a whole); positive parts go up from zero, negative ones down. */
  stacked: boolean;
  domain?: [number, number];
  formatTick: (value: number) => string;
  formatX: (x: number) => string;
  /** Vertical markers (source changes) at the boundary before their year, labelled above the plot. */
  references?: readonly ReferenceInput[];
}

export interface BarRect {
  key: string;
  index: number;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BarGeometry {
  layout: ChartLayoutName;
  width: number;
  height: number;
  plot: PlotBox;
  /** Centre of each band. */
  xs: number[];
  /** Width of one band, its padding included (the hover highlight). */
  step: number;
  xTicks: AxisTick[];
  yTicks: AxisTick[];
  zeroY: number;
  rects: BarRect[];
  references: PlacedReference[];
}

type BarRow = Record<string, number>;

export function barGeometry(input: BarGeometryInput): BarGeometry {
  const { layout } = input;
  const width = layout.width;
  const plotHeight = Math.round(input.height * layout.heightFactor) - 24 - PLOT_TOP;
  const keys = input.series.map((s) => s.key);
  const rows: BarRow[] = input.xs.map((_, i) => Object.fromEntries(input.series.map((s) => [s.key, s.values[i] ?? 0])));
  const stacked = input.stacked
    ? stack<BarRow, string>()
        .keys(keys)
        .value((row, key) => row[key] ?? 0)
        .offset(stackOffsetDiverging)(rows)
    : null;
  const extents = stacked
    ? stacked.flatMap((layer) => layer.flatMap(([a, b]) => [a, b]))
    : input.series.flatMap((s) => s.values.filter((v): v is number => v !== null));

  // Rows of marker labels make the picture taller, never the plot shorter.
  const frame = (top: number) => {
    const bottom = top + plotHeight;
    const tickCount = Math.max(3, Math.round((bottom - top) / 60));
    const y = valueScale(extents, {
      scale: 'linear',
      range: [bottom, top],
      includeZero: true,
      domain: input.domain,
      tickCount,
    });
    const yTickLabels = y.ticks.map((v) => input.formatTick(v));
    const left = Math.ceil(Math.max(0, ...yTickLabels.map((t) => estimateTextWidth(t)))) + 10;
    const right = width - 10;
    const band = scaleBand<number>()
      .domain([...input.xs])
      .range([left, right])
      .paddingInner(0.2)
      .paddingOuter(0.1);
    const plot: PlotBox = { left, right, top, bottom };
    return { y, yTickLabels, band, plot };
  };
  // A change from a year on is marked at the boundary before that year's bar.
  const boundaryOf = (band: ScaleBand<number>) => (x: number) => {
    const start = band(x);
    return start === undefined ? null : start - (band.step() - band.bandwidth()) / 2;
  };
  const {
    drawn: { y, yTickLabels, band, plot },
    references,
  } = withMarkerRoom(input.references ?? [], frame, (f) => boundaryOf(f.band));
  const { left, right } = plot;
  const height = plot.bottom + 24;
  const bandwidth = band.bandwidth();
  const inner = scaleBand<string>().domain(keys).range([0, bandwidth]).paddingInner(0.08);

  const rects: BarRect[] = [];
  input.series.forEach((s, k) => {
    s.values.forEach((value, i) => {
      const x0 = band(input.xs[i] ?? 0);
      if (value === null || x0 === undefined) return;
      const [a, b] = stacked ? (stacked[k]?.[i] ?? [0, 0]) : [0, value];
      const y0 = y.position(Math.max(a, b));
      const y1 = y.position(Math.min(a, b));
      rects.push({
        key: s.key,
        index: i,
        value,
        x: round1(stacked ? x0 : x0 + (inner(s.key) ?? 0)),
        y: round1(y0),
        width: round1(stacked ? bandwidth : inner.bandwidth()),
        height: round1(Math.max(0, y1 - y0)),
      });
    });
  });
  const first = input.xs[0] ?? 0;
  const last = input.xs.at(-1) ?? first;
  const shown = new Set(yearTicks(first, last, maxYearLabels(right - left)));
  const centre = (x: number) => (band(x) ?? 0) + bandwidth / 2;
  return {
    layout: layout.name,
    width,
    height,
    plot,
    xs: input.xs.map((x) => round1(centre(x))),
    step: round1(band.step()),
    xTicks: input.xs
      .filter((x) => shown.has(x))
      .map((x) => ({ at: round1(centre(x)), value: x, label: input.formatX(x) })),
    yTicks: y.ticks.map((v, i) => ({ at: round1(y.position(v)), value: v, label: yTickLabels[i] ?? '' })),
    zeroY: round1(y.position(0)),
    rects,
    references,
  };
}

/**
 * How many year labels a plot takes: one per 65 units (a label, "2020", is about 30 units wide),
 * at most eight.
 */
function maxYearLabels(plotWidth: number): number {
  return Math.max(2, Math.min(8, Math.floor(plotWidth / 65)));
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
