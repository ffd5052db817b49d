// The one chart palette. Colors are CSS variables defined in app/globals.css (with dark-mode
// values), so every chart follows the color scheme without re-rendering; chart-theme.test.ts
// reads them from there and checks contrast and color-blind distinctness.

/** How a series is drawn: its color and, for the second six, a dash pattern. */
export interface SeriesStyle {
  color: string;
  /** SVG stroke-dasharray; undefined for a solid line. */
  dash?: string;
}

/**
 * Six hues that stay apart for protan, deutan and tritan readers (and in light and dark), first
 * solid, then dashed: twelve distinct series, the most /compare takes. The colors repeat only
 * with a different line, so no two partners ever look the same.
 */
export const SERIES_COLOR_COUNT = 6;
export const SERIES_DASH = '7 4';

export const CHART_SERIES_STYLES: readonly SeriesStyle[] = Array.from({ length: SERIES_COLOR_COUNT * 2 }, (_, i) => ({
  color: `var(--chart-${(i % SERIES_COLOR_COUNT) + 1})`,
  ...(i >= SERIES_COLOR_COUNT ? { dash: SERIES_DASH } : {}),
}));

export function seriesStyle(index: number): SeriesStyle {
  return CHART_SERIES_STYLES[index % CHART_SERIES_STYLES.length] ?? { color: CHART_TOTAL_COLOR };
}

/** Totals (e.g. trade with the world) are drawn in the text color, dashed next to partners. */
export const CHART_TOTAL_COLOR = 'var(--chart-total)';
export const CHART_TOTAL_DASH = '3 3';

export const CHART_GRID_COLOR = 'var(--chart-grid)';
export const CHART_AXIS_COLOR = 'var(--chart-axis)';

/** Single figures (news and article quotes) drawn over a series as hollow dots. */
export const CHART_MARKER_COLOR = 'var(--chart-marker)';

/** The "other partners" block of a composition: neutral, so it reads as a remainder. */
export const CHART_OTHER_COLOR = 'var(--chart-other)';

/** A diverging pair for balances: a surplus and a deficit (exports below imports) never share a color. */
export const CHART_SURPLUS_COLOR = 'var(--chart-surplus)';
export const CHART_DEFICIT_COLOR = 'var(--chart-deficit)';
