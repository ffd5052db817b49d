import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatTimestampUtc } from '@/lib/format';
import type { ObservationDetail } from '@/lib/queries/observation-revisions';
import { ImportBatchText } from './revision-history';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[10rem_1fr] gap-x-4 border-t border-border py-1.5 first:border-t-0">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

/** Where an observation comes from: source, citation, vintage, codes, wording, derivation, import. */
export function ObservationProvenance({ o, label }: { o: ObservationDetail; label: string }) {
  return (
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
  );
}
