// Client-side chart downloads: the chart's own SVG, made standalone (theme colors resolved, since
// CSS variables mean nothing outside the page), with a title, legend and source line added, so a
// downloaded file still says what it shows and where the numbers come from. PNG is that SVG drawn
// on a canvas at twice the size.

export interface ChartExportLegendItem {
  label: string;
  color: string;
  /** Drawn dashed, e.g. a total or a source-break marker. */
  dashed?: boolean;
}

export interface ChartExportOptions {
  title: string;
  /** Unit, period and source, printed under the chart. */
  footnote: string;
  legend: readonly ChartExportLegendItem[];
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const PADDING = 16;
const TITLE_HEIGHT = 28;
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

/** A standalone SVG document for the chart inside `container`, or null when it has not rendered. */
export function buildStandaloneSvg(
  container: HTMLElement,
  options: ChartExportOptions,
): { svg: string; width: number; height: number } | null {
  // Recharts' surface, or a chart drawn on the server (the world map), which marks its SVG.
  const chart = container.querySelector<SVGSVGElement>('svg.recharts-surface, svg[data-chart-layout]');
  if (!chart) return null;
  const rootStyle = getComputedStyle(document.documentElement);
  const chartWidth = chart.width.baseVal.value || chart.getBoundingClientRect().width;
  const chartHeight = chart.height.baseVal.value || chart.getBoundingClientRect().height;
  const width = Math.round(chartWidth + PADDING * 2);
  const perRow = Math.max(1, Math.floor((width - PADDING * 2) / 180));
  const legendRows = Math.ceil(options.legend.length / perRow);
  const footLines = wrapText(options.footnote, Math.max(40, Math.floor((width - PADDING * 2) / 6.2)));
  const height = Math.round(
    PADDING + TITLE_HEIGHT + chartHeight + 8 + legendRows * LEGEND_ROW + 8 + footLines.length * FOOTNOTE_LINE + PADDING,
  );

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

  const copy = chart.cloneNode(true) as SVGSVGElement;
  copy.removeAttribute('style');
  copy.removeAttribute('tabindex');
  copy.removeAttribute('role');
  copy.setAttribute('x', String(PADDING));
  copy.setAttribute('y', String(PADDING + TITLE_HEIGHT));
  copy.setAttribute('width', String(chartWidth));
  copy.setAttribute('height', String(chartHeight));
  // Axis labels may reach past the chart's own box (auto-width ticks); keep them in the image.
  copy.setAttribute('overflow', 'visible');
  root.appendChild(copy);

  let y = PADDING + TITLE_HEIGHT + chartHeight + 8;
  options.legend.forEach((item, i) => {
    const column = i % perRow;
    const row = Math.floor(i / perRow);
    const x = PADDING + column * 180;
    const rowY = y + row * LEGEND_ROW + 10;
    root.appendChild(
      element('line', {
        x1: x,
        y1: rowY - 4,
        x2: x + 16,
        y2: rowY - 4,
        stroke: item.color,
        'stroke-width': 3,
        ...(item.dashed ? { 'stroke-dasharray': '4 3' } : {}),
      }),
    );
    root.appendChild(element('text', { x: x + 22, y: rowY, 'font-size': 12, fill: foreground }, item.label));
  });
  y += legendRows * LEGEND_ROW + 8;
  footLines.forEach((line, i) =>
    root.appendChild(
      element('text', { x: PADDING, y: y + 10 + i * FOOTNOTE_LINE, 'font-size': 11, fill: muted }, line),
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
