'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useState, type MouseEvent } from 'react';
import { DOWNLOAD_ID_PARAM, downloadCookieName, failureText, findDownloadOutcome } from '@/lib/export/download-outcome';
import { EXPORT_FORMATS, exportHrefInLanguage, type ExportFormat } from '@/lib/export/formats';

const FORMAT_LABELS: Record<ExportFormat, string> = { csv: 'CSV', xlsx: 'XLSX', json: 'JSON' };

/** How often the page looks for the server's answer (a cookie read: nothing goes over the network). */
const POLL_MS = 250;

type Progress =
  { state: 'idle' } | { state: 'preparing'; id: string } | { state: 'started' } | { state: 'failed'; message: string };

type ProgressByFormat = Record<ExportFormat, Progress>;

const IDLE: ProgressByFormat = { csv: { state: 'idle' }, xlsx: { state: 'idle' }, json: { state: 'idle' } };

interface DataTableExportProps {
  /**
   * The export route's URL for a format, with the view's filters and sort (no page); the XLSX link
   * gains the page's language here (exportHrefInLanguage), so every screen's downloads follow it.
   */
  hrefs: Record<ExportFormat, string>;
  /**
   * The rows the files will hold (all pages) for the accessible label, as text ("all 235 rows",
   * the message `DataTable.allNRows`): given formatted, so hydrating formats no number.
   */
  rowsLabel?: string;
  testId?: string;
}

function withDownloadId(href: string, id: string): string {
  const url = new URL(href, window.location.href);
  url.searchParams.set(DOWNLOAD_ID_PARAM, id);
  return url.toString();
}

function statusText(
  format: ExportFormat,
  progress: Progress,
  t: ReturnType<typeof useTranslations<'DataTable'>>,
): string {
  const label = FORMAT_LABELS[format];
  if (progress.state === 'preparing') return t('preparing', { format: label });
  if (progress.state === 'started') return t('started', { format: label });
  // The server's reason stays as it wrote it.
  if (progress.state === 'failed') return t('failed', { format: label, message: progress.message });
  return '';
}

/**
 * One link per format. They stay plain links to the export route (the browser streams the file
 * to disk, and they work with the keyboard and without JavaScript); with JavaScript, a click also
 * says that the file is being prepared until the server answers, then that it is downloading, or
 * the server's reason when it refused (too many downloads, too large for XLSX).
 *
 * Why a link plus a cookie (lib/export/download-outcome.ts) and not fetch(): fetch would hold the
 * whole file in the page's memory before it could be saved (a Blob), and hundreds of MB for a
 * full export; streaming it to disk from script needs the File System Access API, which only
 * desktop Chromium has and which asks where to save before anything is known. A hidden iframe
 * would see refusals only as blocked frames (every answer forbids framing). The link leaves the
 * transfer to the browser; the server's answer, whatever it is, sets a cookie named after an id
 * the click added, which the page polls. If cookies are off, the link is just a link.
 */
export function DataTableExport({ hrefs: englishHrefs, rowsLabel, testId = 'export' }: DataTableExportProps) {
  const t = useTranslations('DataTable');
  const locale = useLocale();
  const inLanguage = (format: ExportFormat) => exportHrefInLanguage(englishHrefs[format], format, locale);
  const hrefs: Record<ExportFormat, string> = {
    csv: inLanguage('csv'),
    xlsx: inLanguage('xlsx'),
    json: inLanguage('json'),
  };
  const rows = rowsLabel ?? t('allRows');
  const [progress, setProgress] = useState<ProgressByFormat>(IDLE);
  // The format whose news the status line tells: the last one clicked or answered.
  const [latest, setLatest] = useState<ExportFormat | null>(null);
  const waiting = EXPORT_FORMATS.some((format) => progress[format].state === 'preparing');

  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(() => {
      for (const format of EXPORT_FORMATS) {
        const entry = progress[format];
        if (entry.state !== 'preparing') continue;
        const outcome = findDownloadOutcome(document.cookie, entry.id);
        if (!outcome) continue;
        document.cookie = `${downloadCookieName(entry.id)}=; Path=/; Max-Age=0; SameSite=Strict`;
        const next: Progress =
          outcome.kind === 'started' ? { state: 'started' } : { state: 'failed', message: failureText(outcome) };
        setProgress((current) => (current[format] === entry ? { ...current, [format]: next } : current));
        setLatest(format);
      }
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [waiting, progress]);

  const onClick = (event: MouseEvent<HTMLAnchorElement>, format: ExportFormat) => {
    // A click with a modifier (new tab, save as) or a second button is the browser's to handle.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (!navigator.cookieEnabled) return;
    event.preventDefault();
    // A second click while this file is being prepared would start it twice.
    if (progress[format].state === 'preparing') return;
    // getRandomValues, not randomUUID: the latter is missing on plain-HTTP addresses other than localhost.
    const id = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
    setProgress((current) => ({ ...current, [format]: { state: 'preparing', id } }));
    setLatest(format);
    // A link made for this click, so the visible one keeps its address (copy link, no id in it).
    const link = document.createElement('a');
    link.href = withDownloadId(hrefs[format], id);
    link.download = '';
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  };

  const text = latest ? statusText(latest, progress[latest], t) : '';
  const failed = latest !== null && progress[latest].state === 'failed';
  return (
    <div className="flex flex-col items-end">
      <div
        role="group"
        aria-label={t('downloadRows', { rows })}
        aria-busy={waiting}
        className="flex items-center"
        data-testid={testId}
      >
        <span className="mr-2 text-sm text-muted-foreground">{t('download')}</span>
        {EXPORT_FORMATS.map((format, index) => (
          <a
            key={format}
            href={hrefs[format]}
            download
            data-testid={`${testId}-${format}`}
            aria-disabled={progress[format].state === 'preparing' ? true : undefined}
            title={t('formatTitle', { format: FORMAT_LABELS[format], hint: t(`hint.${format}`), rows })}
            onClick={(event) => onClick(event, format)}
            className={`inline-flex h-9 items-center border border-border bg-card px-3 text-sm font-medium hover:bg-muted focus-visible:relative focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent aria-disabled:cursor-progress aria-disabled:text-muted-foreground ${index === 0 ? 'rounded-l-md' : '-ml-px'} ${index === EXPORT_FORMATS.length - 1 ? 'rounded-r-md' : ''}`}
          >
            {progress[format].state === 'preparing' ? (
              <>
                <span
                  aria-hidden="true"
                  className="mr-1.5 inline-block size-3 animate-spin rounded-full border-2 border-current border-r-transparent motion-reduce:animate-none"
                />
                {t('preparingShort', { format: FORMAT_LABELS[format] })}
              </>
            ) : (
              <>
                <span className="sr-only">{t('download')} </span>
                {FORMAT_LABELS[format]}
              </>
            )}
          </a>
        ))}
      </div>
      <p
        role="status"
        data-testid={`${testId}-status`}
        data-state={latest ? progress[latest].state : 'idle'}
        className={`max-w-md text-right text-xs ${text ? 'mt-1' : ''} ${failed ? 'font-medium text-fail-foreground' : 'text-muted-foreground'}`}
      >
        {text}
      </p>
    </div>
  );
}
