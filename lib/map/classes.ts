// Classed colour scales for the world map: a value is put in one of a few classes whose limits the
// legend states, rather than shaded continuously, so that a reader can tell which class a country
// is in. Pure; the colours are CSS variables (app/globals.css) with light and dark values.

export type ClassScheme = 'sequential' | 'diverging';
export type ClassMethod = 'quantiles' | 'thresholds';

export interface MapClass {
  /** Inclusive lower limit; null for the lowest class. */
  lower: number | null;
  /** Exclusive upper limit; null for the highest class. */
  upper: number | null;
  color: string;
}

export interface Classing {
  scheme: ClassScheme;
  method: ClassMethod;
  /** Inner limits, ascending: n limits make n + 1 classes. */
  thresholds: number[];
  classes: MapClass[];
}

/** Sequential classes, light to dark in the light theme (dim to bright in the dark one). */
export const SEQUENTIAL_COLORS = [
  'var(--map-seq-1)',
  'var(--map-seq-2)',
  'var(--map-seq-3)',
  'var(--map-seq-4)',
  'var(--map-seq-5)',
] as const;
/** Below zero, strongest first (the most negative class). */
export const NEGATIVE_COLORS = ['var(--map-neg-3)', 'var(--map-neg-2)', 'var(--map-neg-1)'] as const;
/** From zero up, weakest first. */
export const POSITIVE_COLORS = ['var(--map-pos-1)', 'var(--map-pos-2)', 'var(--map-pos-3)'] as const;
export const NO_DATA_FILL = 'url(#map-no-data)';
/** The legend's swatch colour for "no data" (the map itself uses a hatched pattern). */
export const NO_DATA_COLOR = 'var(--map-no-data)';
export const REPORTER_COLOR = 'var(--map-reporter)';

/** Rounds to `digits` significant figures, so that a class limit reads as a stated number (1,234 → 1,200). */
export function roundSignificant(value: number, digits = 2): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const factor = 10 ** (digits - 1 - magnitude);
  // Rounded through the reciprocal for small magnitudes, so that 0.0012 stays 0.0012 rather than 0.0012000000000000001.
  return factor >= 1 ? Math.round(value * factor) / factor : Math.round(value * factor) * (1 / factor);
}

/** The p-quantile of sorted values, interpolated between neighbours (the common "R-7" definition). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const low = sorted[below] ?? Number.NaN;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] ?? low;
  return low + (high - low) * (position - below);
}

const strictlyIncreasing = (values: readonly number[]) =>
  values.filter((value, i) => i === 0 || value > (values[i - 1] ?? Number.NEGATIVE_INFINITY));

/**
 * Inner limits splitting `values` into `count` classes of about equal size, rounded to two
 * significant figures; limits that coincide after rounding are merged, so there may be fewer
 * classes than asked for (never an empty class between two equal limits).
 */
export function quantileThresholds(values: readonly number[], count: number): number[] {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length < 2 || count < 2) return [];
  const limits: number[] = [];
  for (let i = 1; i < count; i += 1) limits.push(roundSignificant(quantile(sorted, i / count)));
  const first = sorted[0] ?? 0;
  // A limit at or below the smallest value would leave the lowest class empty.
  return strictlyIncreasing(limits.filter((limit) => limit > first));
}

/**
 * Limits for values on both sides of zero: zero itself, and quantiles of the negative and of the
 * positive values separately (`perSide` classes each), so that the colour says first which side
 * a partner is on and then how far.
 */
export function divergingThresholds(values: readonly number[], perSide: number): number[] {
  const finite = values.filter(Number.isFinite);
  const negative = quantileThresholds(
    finite.filter((v) => v < 0).map((v) => -v),
    perSide,
  )
    .map((v) => -v)
    .reverse();
  const positive = quantileThresholds(
    finite.filter((v) => v > 0),
    perSide,
  );
  return [...negative, 0, ...positive];
}

/** Index of the class a value falls in: each class includes its lower limit. */
export function classIndex(value: number, thresholds: readonly number[]): number {
  let index = 0;
  while (index < thresholds.length && value >= (thresholds[index] ?? Number.POSITIVE_INFINITY)) index += 1;
  return index;
}

/** `count` colours spread over the palette (3 of 5 → the 1st, 3rd and 5th; one → the middle), keeping its ends. */
export function spreadColors(palette: readonly string[], count: number): string[] {
  if (count <= 0) return [];
  if (count >= palette.length) return [...palette];
  if (count === 1) return [palette[Math.floor(palette.length / 2)] ?? ''];
  return Array.from({ length: count }, (_, i) => palette[Math.round((i * (palette.length - 1)) / (count - 1))] ?? '');
}

function classesFor(thresholds: readonly number[], colors: readonly string[]): MapClass[] {
  return colors.map((color, i) => ({
    lower: i === 0 ? null : (thresholds[i - 1] ?? null),
    upper: i === thresholds.length ? null : (thresholds[i] ?? null),
    color,
  }));
}

/** Quantile classes (up to five) for values of one sign: trade flows and shares. */
export function sequentialClassing(values: readonly number[]): Classing {
  const thresholds = quantileThresholds(values, SEQUENTIAL_COLORS.length);
  const count = values.some(Number.isFinite) ? thresholds.length + 1 : 0;
  return {
    scheme: 'sequential',
    method: 'quantiles',
    thresholds,
    classes: classesFor(thresholds, spreadColors(SEQUENTIAL_COLORS, count)),
  };
}

/** Colours for diverging limits: as many classes below zero as limits below it, the rest above. */
function divergingColors(thresholds: readonly number[]): string[] {
  const zero = thresholds.indexOf(0);
  const below = zero < 0 ? 0 : zero + 1;
  const above = thresholds.length + 1 - below;
  return [...spreadColors(NEGATIVE_COLORS, below), ...spreadColors(POSITIVE_COLORS, above)];
}

/** Diverging quantile classes around zero (balance): deficits in one hue, surpluses in another. */
export function divergingClassing(values: readonly number[]): Classing {
  const thresholds = divergingThresholds(values, POSITIVE_COLORS.length);
  return {
    scheme: 'diverging',
    method: 'quantiles',
    thresholds,
    classes: classesFor(thresholds, divergingColors(thresholds)),
  };
}

/** Diverging classes at stated limits (growth rates: the same limits every year, so years compare). */
export function thresholdClassing(thresholds: readonly number[]): Classing {
  const sorted = strictlyIncreasing([...thresholds].sort((a, b) => a - b));
  return {
    scheme: 'diverging',
    method: 'thresholds',
    thresholds: sorted,
    classes: classesFor(sorted, divergingColors(sorted)),
  };
}
