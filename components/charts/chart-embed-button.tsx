'use client';

import { useTranslations } from 'next-intl';
import { useId, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { embedSnippet, type ChartEmbed } from '@/lib/charts/chart-embed';

const noSubscription = () => () => {};

const TRIGGER =
  'rounded-md border border-border bg-card px-2 py-1 text-xs font-medium hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:opacity-50 aria-expanded:bg-muted';
const BUTTON =
  'rounded-md border border-border bg-card px-2 py-1 text-xs font-medium hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent';

/** The snippet, its copy button and a preview link; mounted each time the panel opens. */
function EmbedPanel({ embed, title }: { embed: ChartEmbed; title: string }) {
  const t = useTranslations('Charts');
  const snippet = embedSnippet(window.location.origin, embed, title);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState('');
  const id = useId();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setStatus(t('copied'));
    } catch {
      // No clipboard access (a page served over plain http, or permission refused): select the
      // text so that the reader's own copy command takes it.
      textareaRef.current?.focus();
      textareaRef.current?.select();
      setStatus(t('selected'));
    }
  };

  return (
    <div className="space-y-2" data-testid="embed-panel">
      <label htmlFor={`${id}-code`} className="block text-xs font-medium">
        {t('embedCode')}
      </label>
      <textarea
        ref={textareaRef}
        id={`${id}-code`}
        readOnly
        rows={5}
        value={snippet}
        onFocus={(event) => event.currentTarget.select()}
        className="block w-full resize-none rounded-md border border-border bg-background p-2 font-mono text-xs break-all"
        data-testid="embed-code"
      />
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={BUTTON} onClick={() => void copy()}>
          {t('copy')}
        </button>
        <a
          href={embed.src}
          target="_blank"
          rel="noopener"
          className="text-xs font-medium text-accent underline underline-offset-2"
        >
          {t('preview')}
          <span className="sr-only">{t('newTab')}</span>
        </a>
      </div>
      <p role="status" className="min-h-4 text-xs text-muted-foreground">
        {status}
      </p>
    </div>
  );
}

/**
 * The "Embed" control of a chart card: an <iframe> snippet for the chart's embed route, to copy.
 * A disclosure whose panel opens in the card's flow, as wide as the card, so it fits a phone's
 * screen wherever the button wrapped to (the root is `display: contents`: the button and the
 * panel are items of the card's header row, the panel on a line of its own). The snippet names
 * this site's address as the reader sees it, so it is built in the browser, and the button stays
 * disabled until the page has hydrated (and without JavaScript).
 */
export function ChartEmbedButton({ embed, title }: { embed: ChartEmbed; title: string }) {
  const t = useTranslations('Charts');
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    buttonRef.current?.focus();
  };
  return (
    <div className="contents" onKeyDown={onKeyDown} data-testid="chart-embed">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('embedLabel', { title })}
        disabled={!hydrated}
        onClick={() => setOpen((value) => !value)}
        className={TRIGGER}
      >
        {t('embed')}
      </button>
      <div id={panelId} hidden={!open} className="order-last basis-full rounded-md border border-border p-2">
        {/* Mounted only while open: the snippet is built from the address bar each time. */}
        {open ? <EmbedPanel embed={embed} title={title} /> : null}
      </div>
    </div>
  );
}
