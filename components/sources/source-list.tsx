import Link from 'next/link';
import { useLocale, useTranslations, type Messages } from 'next-intl';
import type { ReactNode } from 'react';
import type { SourceKind } from '@/lib/generated/prisma/enums';
import { useSourceDate } from '@/components/sources/source-citation';
import { formatNumber } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { localizedHref } from '@/lib/i18n/paths';
import type { SourceSummary } from '@/lib/queries/sources';
import { dataHref } from '@/lib/search-params/data';

type OutletKindKey = keyof Messages['Sources']['outletKinds'];

/** Official statistics first: they are what the dashboard's series are built from. */
const KIND_ORDER: readonly SourceKind[] = [
  'STATISTICAL_DATASET',
  'RESEARCH_DATASET',
  'OFFICIAL_STATEMENT',
  'NEWS_ARTICLE',
];

const isDataset = (s: SourceSummary) => s.kind === 'STATISTICAL_DATASET' || s.kind === 'RESEARCH_DATASET';

/** A bibliography sentence's last part: its full stop, unless the date already ends with one ("5 мая 2021 г."). */
const closing = (text: string) => (text.endsWith('.') ? text : `${text}.`);

/** An address of the source's own, opening in a new tab; the text is the record's own English. */
function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} lang="en" className="underline underline-offset-2" rel="noopener noreferrer" target="_blank">
      {children}
    </a>
  );
}

/**
 * A bibliography entry: publisher or outlet, title as published, date, then what a reader needs to
 * weigh it. The citation itself (publisher, title, vintage, the attribution to copy) stays as
 * published, in <cite>; the words around it are the page's language (docs/i18n.md).
 */
function SourceCard({ source }: { source: SourceSummary }) {
  const t = useTranslations('Sources');
  const locale: Locale = useLocale();
  const date = useSourceDate(source.publishedOn, source.publishedOnPrecision, source.publishedOnInferred);
  const title = isDataset(source) || source.titleBasis === 'described' ? source.title : `“${source.title}”`;
  const figures = formatNumber(source.figures, 0, locale);
  const outletKind = source.outlet ? `outletKinds.${source.outlet.kind}` : '';
  return (
    <li
      id={`source-${source.id}`}
      className="scroll-mt-4 rounded-lg border border-border bg-card p-4 target:ring-2 target:ring-accent"
      data-testid="source"
    >
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <p className="min-w-0 flex-1 break-words" data-testid="source-citation">
          <cite lang="en" className="not-italic">
            <span className="font-semibold">{source.outlet?.name ?? source.publisher}</span>.{' '}
            {source.url ? (
              <a
                href={source.url}
                rel="noopener noreferrer"
                target="_blank"
                className="underline-offset-2 hover:underline"
              >
                {title}
                <span className="sr-only" lang={locale}>
                  {' '}
                  {t('opensPublisher')}
                </span>
              </a>
            ) : (
              title
            )}
            {isDataset(source) && source.vintage ? `. ${source.vintage}` : ''}
          </cite>
          {date ? `. ${closing(date)}` : isDataset(source) ? '.' : `. ${t('undated')}.`}
        </p>
        {source.figures > 0 ? (
          <Link
            href={localizedHref(locale, dataHref({ source: [source.id] }))}
            className="shrink-0 rounded-md border border-border px-3 py-1.5 text-sm font-medium hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
            data-testid="source-explore"
          >
            {t.rich('figures', {
              count: source.figures,
              figures,
              num: (chunks) => <span className="tabular-nums">{chunks}</span>,
            })}
            <span aria-hidden="true"> →</span>
            <span className="sr-only">
              {' '}
              {t.rich('figuresFrom', {
                title: source.title,
                cite: (chunks) => (
                  <cite lang="en" className="not-italic">
                    {chunks}
                  </cite>
                ),
              })}
            </span>
          </Link>
        ) : (
          <span className="text-sm text-muted-foreground">
            {source.records > 0 ? t('recordsOnly') : t('ratesOnly')}
          </span>
        )}
      </div>
      <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[9rem_1fr]">
        {source.outlet ? (
          <>
            <dt className="text-muted-foreground">{t('outlet')}</dt>
            <dd>
              {/* A kind the catalogues do not name yet says "outlet". */}
              {t.has(outletKind as `outletKinds.${OutletKindKey}`)
                ? t(outletKind as `outletKinds.${OutletKindKey}`)
                : t('outletKinds.other')}
              : <span lang="en">{source.outlet.description}</span>
            </dd>
          </>
        ) : (
          <>
            <dt className="text-muted-foreground">{t('publisher')}</dt>
            <dd>
              <cite lang="en" className="not-italic">
                {source.publisher}
              </cite>
            </dd>
          </>
        )}
        {source.datasetTable ? (
          <>
            <dt className="text-muted-foreground">{t('table')}</dt>
            <dd>
              <cite lang="en" className="not-italic">
                {source.datasetTable}
              </cite>
            </dd>
          </>
        ) : null}
        {isDataset(source) ? (
          <>
            <dt className="text-muted-foreground">{t('retrievedThrough')}</dt>
            <dd>
              {source.retrievedVia ? (
                source.retrievedViaUrl ? (
                  <ExternalLink href={source.retrievedViaUrl}>{source.retrievedVia}</ExternalLink>
                ) : (
                  <span lang="en">{source.retrievedVia}</span>
                )
              ) : (
                t('publisherFiles')
              )}
            </dd>
          </>
        ) : source.retrievedVia ? (
          <>
            <dt className="text-muted-foreground">{t('readIn')}</dt>
            <dd>
              {source.retrievedViaUrl ? (
                <ExternalLink href={source.retrievedViaUrl}>{source.retrievedVia}</ExternalLink>
              ) : (
                <span lang="en">{source.retrievedVia}</span>
              )}
            </dd>
          </>
        ) : null}
        <dt className="text-muted-foreground">{t('citeAs')}</dt>
        <dd className="break-words">
          <cite lang="en" className="not-italic">
            {source.attribution}
          </cite>
        </dd>
      </dl>
      {source.titleBasis !== 'page' || source.dateBasis ? (
        <details className="mt-2 text-xs text-muted-foreground">
          <summary className="cursor-pointer">{t('basis.summary')}</summary>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {source.titleBasis === 'address' ? <li>{t('basis.address')}</li> : null}
            {source.titleBasis === 'described' ? <li>{t('basis.described')}</li> : null}
            {/* How the date was worked out: the record's own English. */}
            {source.dateBasis ? <li lang="en">{source.dateBasis}</li> : null}
          </ul>
        </details>
      ) : null}
    </li>
  );
}

/** Every source, grouped by kind, each with its attribution and a link to its figures in the data screen. */
export function SourceList({ sources }: { sources: readonly SourceSummary[] }) {
  const t = useTranslations('Sources');
  const locale: Locale = useLocale();
  const kinds = [...new Set<SourceKind>([...KIND_ORDER, ...sources.map((s) => s.kind)])].filter((kind) =>
    sources.some((s) => s.kind === kind),
  );
  if (sources.length === 0) return <p className="text-sm text-muted-foreground">{t('empty')}</p>;
  return (
    <div className="space-y-8" data-testid="source-list">
      <nav aria-label={t('kindsNav')} className="flex flex-wrap gap-2 text-sm">
        {kinds.map((kind) => (
          <a
            key={kind}
            href={`#kind-${kind}`}
            className="rounded-md border border-border bg-card px-3 py-1.5 hover:bg-muted"
          >
            {t(`kinds.${kind}`)}{' '}
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
                {t(`kinds.${kind}`)} <span className="text-sm font-normal text-muted-foreground">({group.length})</span>
              </h2>
              <Link
                href={localizedHref(locale, dataHref({ kind: [kind] }))}
                className="text-sm font-medium text-accent underline-offset-4 hover:underline"
              >
                {t('allOfKind', { count: figures, figures: formatNumber(figures, 0, locale) })}
                <span aria-hidden="true"> →</span>
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
