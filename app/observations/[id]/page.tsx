import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { ImportBatchText, RevisionHistory } from '@/components/observation/revision-history';
import { formatAsPublished, formatTimestampUtc } from '@/lib/format';
import { qualifierDisplay } from '@/lib/qualifiers';
import { getObservationDetail, getObservationRevisions } from '@/lib/queries/observation-revisions';
import { parseObservationId } from '@/lib/validations/observation-id';
import { explorerHref } from '@/lib/search-params/explorer';

interface PageProps {
  params: Promise<{ id: string }>;
}

// Revisions arrive with imports: render per request.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Observation and its revisions' };

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[10rem_1fr] gap-x-4 border-t border-border py-1.5 first:border-t-0">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

/**
 * One observation with its provenance and the values newer vintages replaced. No loading.tsx in
 * this segment: the existence check runs before anything streams, so an unknown id is a real 404.
 */
export default async function ObservationPage({ params }: PageProps) {
  const parsed = parseObservationId((await params).id);
  if (!parsed.ok) notFound();
  const [o, revisions] = await Promise.all([getObservationDetail(parsed.id), getObservationRevisions(parsed.id)]);
  if (!o || !revisions) notFound();

  const { symbol, label } = qualifierDisplay(o.qualifier);
  const explorer = explorerHref({
    source: [o.source_id],
    reporter: [o.reporter_code],
    partner: [o.partner_code],
    flow: [o.flow],
    ...(o.year !== null ? { from: o.year, to: o.year } : {}),
  });

  return (
    <div className="max-w-4xl space-y-6">
      <div className="space-y-1">
        <p className="text-sm">
          <Link href={explorer} className="underline underline-offset-2 hover:text-accent">
            ← This series in the data explorer
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">
          {o.indicator_label}: {o.reporter_code === 'XXX' ? 'unspecified reporter' : o.reporter} with {o.partner}
        </h1>
        <p className="text-sm text-muted-foreground">
          {o.year !== null ? `Year ${o.year}, ` : ''}period {o.period}
        </p>
        <p className="text-3xl font-semibold tabular-nums" data-testid="observation-value">
          {symbol ? <span title={label}>{symbol} </span> : null}
          {formatAsPublished(o.value, o.scale, o.unit)}
          {o.flag ? (
            <span className="ml-2 align-middle text-sm font-normal text-muted-foreground">flag: {o.flag}</span>
          ) : null}
        </p>
      </div>

      <section aria-labelledby="provenance" className="space-y-2">
        <h2 id="provenance" className="text-lg font-semibold">
          Provenance
        </h2>
        <dl className="rounded-lg border border-border bg-card px-4 py-2 text-sm">
          <Field label="Source">
            <Link
              href={`/sources#source-${encodeURIComponent(o.source_id)}`}
              className="underline underline-offset-2 hover:text-accent"
            >
              {o.source_title}
            </Link>{' '}
            <span className="text-muted-foreground">({o.source_publisher})</span>
          </Field>
          <Field label="Cite as">{o.source_attribution}</Field>
          {o.source_url ? (
            <Field label="Publisher’s page">
              <a
                href={o.source_url}
                rel="noopener noreferrer"
                target="_blank"
                className="underline underline-offset-2 hover:text-accent"
              >
                {o.source_url}
              </a>
            </Field>
          ) : null}
          <Field label="Vintage">{o.vintage ?? o.source_vintage ?? 'not stated'}</Field>
          <Field label="Codes">
            <span className="font-mono text-xs">
              {o.source_id} / {o.reporter_code} / {o.partner_code} / {o.flow} / {o.year ?? '–'} / {o.period}
              {o.series_key ? ` / ${o.series_key}` : ''}
            </span>
          </Field>
          <Field label="Wording">
            {label}
            {o.is_estimate ? ' (an estimate)' : ''}
          </Field>
          <Field label="Derivation">
            {o.derivation.toLowerCase()}
            {o.derivation_note ? `: ${o.derivation_note}` : ''}
          </Field>
          {o.locator ? <Field label="Where in the source">{o.locator}</Field> : null}
          {o.note ? <Field label="Note">{o.note}</Field> : null}
          <Field label="Last written by">
            <ImportBatchText batch={o.import_batch} />
          </Field>
          <Field label="First stored">{formatTimestampUtc(o.created_at)}</Field>
          <Field label="Last changed">{formatTimestampUtc(o.updated_at)}</Field>
        </dl>
      </section>

      <section aria-labelledby="revisions" className="space-y-2">
        <h2 id="revisions" className="text-lg font-semibold">
          Revision history{revisions.length > 0 ? ` (${revisions.length})` : ''}
        </h2>
        <p className="text-sm text-muted-foreground">
          When an import brings a newer vintage with another value or flag, the old one is kept here. Also as JSON:{' '}
          <a
            href={`/api/observations/${o.id}/revisions`}
            className="font-mono text-xs underline underline-offset-2 hover:text-accent"
          >
            /api/observations/{o.id}/revisions
          </a>
        </p>
        <RevisionHistory revisions={revisions} unit={o.unit} scale={o.scale} />
      </section>
    </div>
  );
}
