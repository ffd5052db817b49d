import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { SourceCredit } from '@/components/provenance/source-credit';
import type { ChartEmbed } from '@/lib/charts/chart-embed';
import type { SourceAttribution } from '@/lib/queries/source-attribution';
import { ChartDownloadButtons } from './chart-download-buttons';
import { ChartEmbedButton } from './chart-embed-button';
import { METHODS_ID } from './methods-note';

interface ChartFigureProps {
  /** Unique on the page: the figure's id, also used to find the chart for downloads. */
  id: string;
  title: string;
  /** What the chart shows, in words: read by screen readers and shown to everyone. */
  description: ReactNode;
  /** What is this chart's own (unit, period, the breaks it crosses), under it; the rest is in the page's methods note. */
  footnote: ReactNode;
  /** Unit, period, breaks, the series note and the sources as plain text, printed into downloaded images. */
  exportFootnote: string;
  /** What the numbers are (mode, scale, unit), printed under the title of downloaded images. */
  exportContext: string;
  /** Downloaded file name without extension, built from the view (lib/charts/chart-download.ts). */
  downloadName: string;
  /** The numbers behind the chart as a table (the text alternative). */
  table?: ReactNode;
  /** Heading level of the title within the page. */
  headingLevel?: 2 | 3;
  testId?: string;
  /** Hide the download buttons, e.g. when there is nothing drawn. */
  downloadable?: boolean;
  /** Extra classes for the figure (grid placement). */
  className?: string;
  /** The chart's embed route: an "Embed" control on the card, and the link back on the embed page. */
  embed?: ChartEmbed;
  /**
   * `card` on the screens; `embed` on the chart's embed route (/embed/...): the title is the
   * page's heading, no downloads or embed control, and a link to the full view under the sources.
   */
  variant?: 'card' | 'embed';
  /**
   * Said under the chart only on its embed route, where the page's methods note is not there to
   * link to: the sources, and the official series' note when the chart reads that series.
   */
  sources?: readonly SourceAttribution[];
  officialSeries?: boolean;
  children: ReactNode;
}

/**
 * The frame every chart sits in: title, description, the chart, its table alternative, its unit,
 * period and breaks with a link to the page's methods note (components/charts/methods-note.tsx),
 * PNG/SVG downloads and the embed snippet. On an embed route the caption carries the sources
 * itself and links to the full view instead. A server component; only the buttons run in the browser.
 */
export function ChartFigure({
  id,
  title,
  description,
  footnote,
  exportFootnote,
  exportContext,
  downloadName,
  table,
  headingLevel = 3,
  testId,
  downloadable = true,
  className = '',
  embed,
  variant = 'card',
  sources,
  officialSeries = false,
  children,
}: ChartFigureProps) {
  const t = useTranslations();
  const isEmbed = variant === 'embed';
  const Heading = isEmbed ? 'h1' : headingLevel === 2 ? 'h2' : 'h3';
  const titleId = `${id}-title`;
  const descriptionId = `${id}-description`;
  return (
    <figure
      id={id}
      data-testid={testId}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      className={`min-w-0 space-y-3 rounded-lg border border-border bg-card p-4 ${className}`}
    >
      <div className="flex flex-wrap items-start gap-2">
        <Heading
          id={titleId}
          className={`mr-auto ${isEmbed || headingLevel === 2 ? 'text-lg font-semibold' : 'text-base font-semibold'}`}
        >
          {title}
        </Heading>
        {downloadable && !isEmbed ? (
          <ChartDownloadButtons
            targetId={id}
            title={title}
            context={exportContext}
            footnote={exportFootnote}
            filename={downloadName}
          />
        ) : null}
        {embed && !isEmbed ? <ChartEmbedButton embed={embed} title={title} /> : null}
      </div>
      <div id={descriptionId} className="text-sm text-muted-foreground">
        {description}
      </div>
      {children}
      {table ? (
        <details className="group rounded-md border border-border">
          <summary className="cursor-pointer rounded-md px-3 py-2 text-sm font-medium hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent">
            {t('Charts.showTable')}
          </summary>
          <div className="border-t border-border p-2">{table}</div>
        </details>
      ) : null}
      <figcaption className="space-y-1 text-xs text-muted-foreground">
        {footnote}
        {isEmbed && officialSeries ? <p>{t('ChartTexts.officialSeries')}</p> : null}
        {isEmbed && sources ? (
          <p>
            <SourceCredit sources={sources} />
          </p>
        ) : null}
        {isEmbed ? null : (
          <p>
            <a
              href={`#${METHODS_ID}`}
              data-testid="methods-link"
              className="underline underline-offset-2 hover:text-foreground"
            >
              {t('Charts.howMade')}
            </a>
          </p>
        )}
        {embed && isEmbed ? (
          <p className="pt-1 text-sm">
            {/* A new tab: the full view refuses to be framed, and the reader keeps the page they were on. */}
            <a
              href={embed.fullView}
              target="_blank"
              rel="noopener"
              className="font-medium text-accent underline underline-offset-2"
              data-testid="embed-full-view"
            >
              {t('Charts.openFullView')}
              <span className="sr-only">{t('Charts.newTab')}</span>
            </a>
          </p>
        ) : null}
      </figcaption>
    </figure>
  );
}
