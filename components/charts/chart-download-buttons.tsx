'use client';

import { useTranslations } from 'next-intl';
import { useState, useSyncExternalStore } from 'react';
import { downloadPng, downloadSvg } from './chart-export';

interface ChartDownloadButtonsProps {
  /** id of the element that contains the chart's SVG and legend (the figure). */
  targetId: string;
  title: string;
  /** What the numbers are: mode and scale, printed under the title. */
  context: string;
  footnote: string;
  /** File name without extension, built from the view (lib/charts/chart-download.ts). */
  filename: string;
}

const noSubscription = () => () => {};

const BUTTON =
  'rounded-md border border-border bg-card px-2 py-1 text-xs font-medium hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:opacity-50';

/** PNG and SVG downloads of one chart, made in the browser from the chart as the server drew it. */
export function ChartDownloadButtons({ targetId, title, context, footnote, filename }: ChartDownloadButtonsProps) {
  const [status, setStatus] = useState<string>('');
  // The picture is made in the browser: the buttons stay disabled until the page has hydrated
  // (and without JavaScript), rather than doing nothing when pressed.
  const t = useTranslations('Charts');
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  const run = async (format: 'png' | 'svg') => {
    const container = document.getElementById(targetId);
    if (!container) return;
    const options = {
      title,
      context,
      footnote,
      url: window.location.href,
      date: new Date(),
      downloaded: (day: string) => t('credit', { day }),
    };
    try {
      const done =
        format === 'svg' ? downloadSvg(container, options, filename) : await downloadPng(container, options, filename);
      setStatus(done ? t('downloaded', { format: format.toUpperCase() }) : t('nothing'));
    } catch {
      setStatus(t('imageFailed'));
    }
  };

  return (
    <div className="flex items-center gap-2">
      <span className="text-xs text-muted-foreground">{t('download')}</span>
      <button
        type="button"
        className={BUTTON}
        disabled={!hydrated}
        onClick={() => void run('png')}
        aria-label={t('downloadAs', { title, format: 'PNG' })}
      >
        PNG
      </button>
      <button
        type="button"
        className={BUTTON}
        disabled={!hydrated}
        onClick={() => void run('svg')}
        aria-label={t('downloadAs', { title, format: 'SVG' })}
      >
        SVG
      </button>
      <span className="sr-only" role="status">
        {status}
      </span>
    </div>
  );
}
