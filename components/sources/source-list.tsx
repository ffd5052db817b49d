import Link from 'next/link';
import type { SourceKind } from '@/lib/generated/prisma/enums';
import { formatSourceDate } from '@/components/sources/source-citation';
import { formatNumber } from '@/lib/format';
import type { SourceSummary } from '@/lib/queries/sources';
import { dataHref } from '@/lib/search-params/data';

export const SOURCE_KIND_LABELS: Record<string, string> = {
  STATISTICAL_DATASET: 'Statistical datasets',
  RESEARCH_DATASET: 'Research datasets',
  OFFICIAL_STATEMENT: 'Official statements',
  NEWS_ARTICLE: 'News and articles',
};

/** Official statistics first: they are what the dashboard's series are built from. */
const KIND_ORDER: readonly SourceKind[] = [
  'STATISTICAL_DATASET',
  'RESEARCH_DATASET',
  'OFFICIAL_STATEMENT',
  'NEWS_ARTICLE',
];

const OUTLET_KIND_LABELS: Record<string, string> = {
  STATE_NEWS_AGENCY: 'State news agency',
  STATE_MEDIA: 'State media',
  GOVERNMENT: 'Government site',
  NEWS_AGENCY: 'News agency',
  NEWSPAPER: 'Newspaper',
  ONLINE_OUTLET: 'Online outlet',
  AGGREGATOR: 'Aggregator',
  CORPORATE: 'Company site',
};

const isDataset = (s: SourceSummary) => s.kind === 'STATISTICAL_DATASET' || s.kind === 'RESEARCH_DATASET';

/** A bibliography entry: publisher or outlet, title as published, date, then what a reader needs to weigh it. */
function SourceCard({ source }: { source: SourceSummary }) {
  const date = formatSourceDate(source.publishedOn, source.publishedOnPrecision, source.publishedOnInferred);
  const title = isDataset(source) || source.titleBasis === 'described' ? source.title : `“${source.title}”`;
  return (
    <li
      id={`source-${source.id}`}
      className="scroll-mt-4 rounded-lg border border-border bg-card p-4 target:ring-2 target:ring-accent"
      data-testid="source"
    >
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <p className="min-w-0 flex-1 break-words" data-testid="source-citation">
          <span className="font-semibold">{source.outlet?.name ?? source.publisher}</span>.{' '}
          {source.url ? (
            <a
              href={source.url}
              rel="noopener noreferrer"
              target="_blank"
              className="underline-offset-2 hover:underline"
            >
              {title}
              <span className="sr-only"> (opens the publisher’s page)</span>
            </a>
          ) : (
            title
          )}
          {isDataset(source) && source.vintage ? `. ${source.vintage}` : ''}
          {date ? `. ${date}` : isDataset(source) ? '' : '. Undated'}.
        </p>
        {source.figures > 0 ? (
          <Link
            href={dataHref({ source: [source.id] })}
            className="shrink-0 rounded-md border border-border px-3 py-1.5 text-sm font-medium hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
            data-testid="source-explore"
          >
            <span className="tabular-nums">{formatNumber(source.figures, 0)}</span>{' '}
            {source.figures === 1 ? 'figure' : 'figures'}
            <span aria-hidden="true"> →</span>
            <span className="sr-only"> from {source.title} on the data screen</span>
          </Link>
        ) : (
          <span className="text-sm text-muted-foreground">
            {source.records > 0 ? 'Agreements and events only' : 'Exchange rates only'}
          </span>
        )}
      </div>
      <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[9rem_1fr]">
        {source.outlet ? (
          <>
            <dt className="text-muted-foreground">Outlet</dt>
            <dd>
              {OUTLET_KIND_LABELS[source.outlet.kind] ?? 'Outlet'}: {source.outlet.description}
            </dd>
          </>
        ) : (
          <>
            <dt className="text-muted-foreground">Publisher</dt>
            <dd>{source.publisher}</dd>
          </>
        )}
        {source.datasetTable ? (
          <>
            <dt className="text-muted-foreground">Table or database</dt>
            <dd>{source.datasetTable}</dd>
          </>
        ) : null}
        {isDataset(source) ? (
          <>
            <dt className="text-muted-foreground">Retrieved through</dt>
            <dd>
              {source.retrievedVia ? (
                source.retrievedViaUrl ? (
                  <a
                    href={source.retrievedViaUrl}
                    className="underline underline-offset-2"
                    rel="noopener noreferrer"
                    target="_blank"
                  >
                    {source.retrievedVia}
                  </a>
                ) : (
                  source.retrievedVia
                )
              ) : (
                'The publisher’s own files'
              )}
            </dd>
          </>
        ) : source.retrievedVia ? (
          <>
            <dt className="text-muted-foreground">Read in</dt>
            <dd>
              {source.retrievedViaUrl ? (
                <a
                  href={source.retrievedViaUrl}
                  className="underline underline-offset-2"
                  rel="noopener noreferrer"
                  target="_blank"
                >
                  {source.retrievedVia}
                </a>
              ) : (
                source.retrievedVia
              )}
            </dd>
          </>
        ) : null}
        <dt className="text-muted-foreground">Cite as</dt>
        <dd className="break-words">{source.attribution}</dd>
      </dl>
      {source.titleBasis !== 'page' || source.dateBasis ? (
        <details className="mt-2 text-xs text-muted-foreground">
          <summary className="cursor-pointer">How this citation was established</summary>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {source.titleBasis === 'address' ? (
              <li>The headline’s words are those of the page address; the capitals and punctuation are ours.</li>
            ) : null}
            {source.titleBasis === 'described' ? (
              <li>No headline was found in the stored copy of the page: the title in brackets describes it.</li>
            ) : null}
            {source.dateBasis ? <li>{source.dateBasis}</li> : null}
          </ul>
        </details>
      ) : null}
    </li>
  );
}

/** Every source, grouped by kind, each with its attribution and a link to its figures in the data screen. */
export function SourceList({ sources }: { sources: readonly SourceSummary[] }) {
  const kinds = [...new Set<SourceKind>([...KIND_ORDER, ...sources.map((s) => s.kind)])].filter((kind) =>
    sources.some((s) => s.kind === kind),
  );
  if (sources.length === 0) return <p className="text-sm text-muted-foreground">No sources are in the database yet.</p>;
  return (
    <div className="space-y-8" data-testid="source-list">
      <nav aria-label="Source kinds" className="flex flex-wrap gap-2 text-sm">
        {kinds.map((kind) => (
          <a
            key={kind}
            href={`#kind-${kind}`}
            className="rounded-md border border-border bg-card px-3 py-1.5 hover:bg-muted"
          >
            {SOURCE_KIND_LABELS[kind] ?? kind}{' '}
            <span className="text-muted-foreground">({sources.filter((s) => s.kind === kind).length})</span>
          </a>
        ))}
      </nav>
      {kinds.map((kind) => {
        const group = sources.filter((s) => s.kind === kind);
        const figures = group.reduce((sum, s) => sum + s.figures, 0);
        return (
          <section key={kind} aria-labelledby={`kind-${kind}`} className="space-y-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id={`kind-${kind}`} className="scroll-mt-4 text-lg font-semibold">
                {SOURCE_KIND_LABELS[kind] ?? kind}{' '}
                <span className="text-sm font-normal text-muted-foreground">({group.length})</span>
              </h2>
              <Link
                href={dataHref({ kind: [kind] })}
                className="text-sm font-medium text-accent underline-offset-4 hover:underline"
              >
                All {formatNumber(figures, 0)} figures of this kind →
              </Link>
            </div>
            <ul className="space-y-3">
              {group.map((source) => (
                <SourceCard key={source.id} source={source} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
