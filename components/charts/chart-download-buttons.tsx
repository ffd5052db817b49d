'use client';

import { useState } from 'react';
import { downloadPng, downloadSvg, type ChartExportLegendItem } from './chart-export';

interface ChartDownloadButtonsProps {
  /** id of the element that contains the chart's SVG (the figure). */
  targetId: string;
  title: string;
  footnote: string;
  legend: readonly ChartExportLegendItem[];
  /** File name without extension. */
  filename: string;
}

const BUTTON =
  'rounded-md border border-border bg-card px-2 py-1 text-xs font-medium hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:opacity-50';

/** PNG and SVG downloads of one chart, made in the browser from the chart as drawn. */
export function ChartDownloadButtons({ targetId, title, footnote, legend, filename }: ChartDownloadButtonsProps) {
  const [status, setStatus] = useState<string>('');

  const run = async (format: 'png' | 'svg') => {
    const container = document.getElementById(targetId);
    if (!container) return;
    const options = { title, footnote, legend };
    try {
      const done =
        format === 'svg' ? downloadSvg(container, options, filename) : await downloadPng(container, options, filename);
      setStatus(done ? `${format.toUpperCase()} downloaded.` : 'The chart has nothing to download yet.');
    } catch {
      setStatus('The image could not be made in this browser.');
    }
  };

  return (
    <div className="flex items-center gap-2">
      <span className="text-xs text-muted-foreground">Download</span>
      <button
        type="button"
        className={BUTTON}
        onClick={() => void run('png')}
        aria-label={`Download “${title}” as PNG`}
      >
        PNG
      </button>
      <button
        type="button"
        className={BUTTON}
        onClick={() => void run('svg')}
        aria-label={`Download “${title}” as SVG`}
      >
        SVG
      </button>
      <span className="sr-only" role="status">
        {status}
      </span>
    </div>
  );
}
