// Client-side chart downloads: the chart's own server-drawn SVG (its wide layout, whatever the
// screen shows), made standalone (theme colors resolved, since CSS variables mean nothing
// outside the page), with a title, what the numbers are (mode and scale), the legend, the
// source line, the page's address and the date added, so that a downloaded file still says what
// it shows and where it came from. PNG is that SVG drawn on a canvas at twice the size.
import { downloadCredit } from '@/lib/charts/download-credit';

export interface ChartExportOptions {
  title: string;
  /** What the numbers are: mode, scale, currency ("Share of Kazakhstan’s total, logarithmic scale"). */
  context: string;
  /** Unit, period and source, printed under the chart. */
  footnote: string;
  /** The page's address, so the picture leads back to its view. */
  url: string;
  date: Date;
  /** The download line's words for a day, in the page's language (Charts.credit). */
  downloaded: (day: string) => string;
}

interface LegendEntry {
  label: string;
  color: string;
  dash: string | null;
  shape: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const PADDING = 16;
const LEGEND_ROW = 18;
const FOOTNOTE_LINE = 14;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Replaces var(--x) with the value the page currently uses (light or dark theme). */
export function resolveCssVariables(text: string, style: Pick<CSSStyleDeclaration, 'getPropertyValue'>): string {
  return text.replace(/var\((--[\w-]+)\)/g, (match, name: string) => style.getPropertyValue(name).trim() || match);
}

/** Splits a footnote into lines of at most `max` characters, at spaces. */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + word.length + 1 > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function element(name: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function legendEntries(container: HTMLElement): LegendEntry[] {
  return [...container.querySelectorAll<HTMLElement>('[data-legend-item]')].map((item) => ({
    label: item.textContent?.trim() ?? '',
    color: item.dataset.color ?? 'currentColor',
    dash: item.dataset.dash ?? null,
    shape: item.dataset.legendItem ?? 'line',
  }));
}

function swatch(entry: LegendEntry, x: number, y: number): SVGElement {
  switch (entry.shape) {
    case 'bar':
      return element('rect', { x: x + 3, y: y - 9, width: 10, height: 10, rx: 2, fill: entry.color });
    case 'marker':
      return element('circle', { cx: x + 8, cy: y - 4, r: 4, fill: 'none', stroke: entry.color, 'stroke-width': 2 });
    case 'break':
      return element('line', {
        x1: x + 8,
        y1: y - 10,
        x2: x + 8,
        y2: y + 2,
        stroke: entry.color,
        'stroke-width': 1.5,
        'stroke-dasharray': '2 3',
      });
    default:
      return element('line', {
        x1: x,
        y1: y - 4,
        x2: x + 18,
        y2: y - 4,
        stroke: entry.color,
        'stroke-width': 3,
        ...(entry.dash ? { 'stroke-dasharray': entry.dash } : {}),
      });
  }
}

/** A standalone SVG document for the chart inside `container`, or null when it has none. */
export function buildStandaloneSvg(
  container: HTMLElement,
  options: ChartExportOptions,
): { svg: string; width: number; height: number } | null {
  const chart =
    container.querySelector<SVGSVGElement>('svg[data-chart-layout="wide"]') ??
    container.querySelector<SVGSVGElement>('svg[data-chart-layout]');
  if (!chart) return null;
  const rootStyle = getComputedStyle(document.documentElement);
  const chartWidth = chart.viewBox.baseVal.width;
  const chartHeight = chart.viewBox.baseVal.height;
  const width = Math.round(chartWidth + PADDING * 2);
  const inner = width - PADDING * 2;
  const chars = Math.max(40, Math.floor(inner / 6.2));
  const contextLines = wrapText(options.context, Math.floor(inner / 7.4));
  const footLines = [
    ...wrapText(options.footnote, chars),
    ...wrapText(downloadCredit(options.url, options.date, options.downloaded), chars),
  ];

  // Legend entries flow left to right and wrap, at an estimated text width (no layout to measure here).
  const legend = legendEntries(container);
  let cursorX = 0;
  let rows = legend.length > 0 ? 1 : 0;
  const placed = legend.map((entry) => {
    const itemWidth = 26 + entry.label.length * 6.8 + 14;
    if (cursorX > 0 && cursorX + itemWidth > inner) {
      cursorX = 0;
      rows += 1;
    }
    const at = { entry, x: PADDING + cursorX, row: rows - 1 };
    cursorX += itemWidth;
    return at;
  });

  const titleHeight = 24;
  const contextHeight = contextLines.length * 16 + 8;
  const chartTop = PADDING + titleHeight + contextHeight;
  const legendTop = chartTop + chartHeight + 10;
  const footTop = legendTop + rows * LEGEND_ROW + 8;
  const height = Math.round(footTop + footLines.length * FOOTNOTE_LINE + PADDING);

  const background = rootStyle.getPropertyValue('--card').trim() || '#ffffff';
  const foreground = rootStyle.getPropertyValue('--foreground').trim() || '#0f172a';
  const muted = rootStyle.getPropertyValue('--muted-foreground').trim() || '#526072';

  const root = element('svg', { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': FONT });
  root.appendChild(element('rect', { x: 0, y: 0, width, height, fill: background }));
  root.appendChild(
    element(
      'text',
      { x: PADDING, y: PADDING + 16, 'font-size': 16, 'font-weight': 600, fill: foreground },
      options.title,
    ),
  );
  contextLines.forEach((line, i) =>
    root.appendChild(
      element(
        'text',
        { x: PADDING, y: PADDING + titleHeight + 12 + i * 16, 'font-size': 13, fill: muted, 'data-export': 'context' },
        line,
      ),
    ),
  );

  const copy = chart.cloneNode(true) as SVGSVGElement;
  for (const attribute of ['class', 'style', 'role', 'aria-label']) copy.removeAttribute(attribute);
  copy.querySelectorAll('[data-dimmed]').forEach((node) => node.removeAttribute('data-dimmed'));
  copy.setAttribute('x', String(PADDING));
  copy.setAttribute('y', String(chartTop));
  copy.setAttribute('width', String(chartWidth));
  copy.setAttribute('height', String(chartHeight));
  copy.setAttribute('overflow', 'visible');
  root.appendChild(copy);

  for (const { entry, x, row } of placed) {
    const y = legendTop + row * LEGEND_ROW + 10;
    root.appendChild(swatch(entry, x, y));
    root.appendChild(element('text', { x: x + 24, y, 'font-size': 12, fill: foreground }, entry.label));
  }
  footLines.forEach((line, i) =>
    root.appendChild(
      element('text', { x: PADDING, y: footTop + 10 + i * FOOTNOTE_LINE, 'font-size': 11, fill: muted }, line),
    ),
  );

  const markup = resolveCssVariables(new XMLSerializer().serializeToString(root), rootStyle);
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${markup}`, width, height };
}

function triggerDownload(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start the download only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadSvg(container: HTMLElement, options: ChartExportOptions, filename: string): boolean {
  const built = buildStandaloneSvg(container, options);
  if (!built) return false;
  triggerDownload(new Blob([built.svg], { type: 'image/svg+xml;charset=utf-8' }), `${filename}.svg`);
  return true;
}

export async function downloadPng(
  container: HTMLElement,
  options: ChartExportOptions,
  filename: string,
  pixelRatio = 2,
): Promise<boolean> {
  const built = buildStandaloneSvg(container, options);
  if (!built) return false;
  const url = URL.createObjectURL(new Blob([built.svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The chart image could not be drawn.'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = built.width * pixelRatio;
    canvas.height = built.height * pixelRatio;
    const context = canvas.getContext('2d');
    if (!context) return false;
    context.scale(pixelRatio, pixelRatio);
    context.drawImage(image, 0, 0, built.width, built.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) return false;
    triggerDownload(blob, `${filename}.png`);
    return true;
  } finally {
    URL.revokeObjectURL(url);
  }
}
