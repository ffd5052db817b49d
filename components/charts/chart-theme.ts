// The one chart palette. Colors are CSS variables defined in app/globals.css (with dark-mode
// values), so every chart follows the color scheme without re-rendering.

/** Series colors in order of rank; an Okabe–Ito based palette that stays distinct for color-blind readers. */
export const CHART_SERIES_COLORS = [
  'var(--chart-1)',
  'var(--chart-2)',
  'var(--chart-3)',
  'var(--chart-4)',
  'var(--chart-5)',
  'var(--chart-6)',
  'var(--chart-7)',
  'var(--chart-8)',
] as const;

/** Totals (e.g. trade with the world) are drawn in the text color, dashed, apart from partners. */
export const CHART_TOTAL_COLOR = 'var(--chart-total)';

export const CHART_GRID_COLOR = 'var(--chart-grid)';
export const CHART_AXIS_COLOR = 'var(--chart-axis)';

export function seriesColor(index: number): string {
  return CHART_SERIES_COLORS[index % CHART_SERIES_COLORS.length] ?? CHART_TOTAL_COLOR;
}

/** Single figures (news and article quotes) drawn over a series as hollow dots. */
export const CHART_MARKER_COLOR = 'var(--chart-marker)';

/** The "other partners" block of a composition: neutral, so it reads as a remainder. */
export const CHART_OTHER_COLOR = 'var(--chart-other)';
