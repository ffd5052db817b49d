import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ObservationProvenance } from '@/components/observation/observation-provenance';
import { RevisionHistory } from '@/components/observation/revision-history';
import { formatAsPublished } from '@/lib/format';
import { qualifierDisplay } from '@/lib/qualifiers';
import { getObservationDetail, getObservationRevisions } from '@/lib/queries/observation-revisions';
import { parseObservationId } from '@/lib/validations/observation-id';
import { dataHref } from '@/lib/search-params/data';

interface PageProps {
  params: Promise<{ id: string }>;
}

// Revisions arrive with imports: render per request.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Observation and its revisions' };

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
  const seriesHref = dataHref({
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
          <Link href={seriesHref} className="underline underline-offset-2 hover:text-accent">
            ← This series on the data screen
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

      <ObservationProvenance o={o} label={label} />

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
