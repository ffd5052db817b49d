import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { formatTimestampUtc } from '@/lib/format';
import { localizedHref } from '@/lib/i18n/paths';
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

const DERIVATIONS = ['PUBLISHED', 'DERIVED', 'INFERRED'] as const;
const isDerivation = (value: string): value is (typeof DERIVATIONS)[number] =>
  (DERIVATIONS as readonly string[]).includes(value);

/**
 * Where an observation comes from: source, citation, vintage, codes, wording, derivation, import.
 * The source's title, its citation, the vintage and the place in the source are cited as
 * published; the database's notes are its own English (lang="en").
 */
export function ObservationProvenance({ o, label }: { o: ObservationDetail; label: string }) {
  const t = useTranslations('Observation.provenance');
  const locale = useLocale();
  const vintage = o.vintage ?? o.source_vintage;
  return (
    <section aria-labelledby="provenance" className="space-y-2">
      <h2 id="provenance" className="text-lg font-semibold">
        {t('heading')}
      </h2>
      <dl className="rounded-lg border border-border bg-card px-4 py-2 text-sm">
        <Field label={t('source')}>
          <Link
            href={localizedHref(locale, `/sources#source-${encodeURIComponent(o.source_id)}`)}
            className="underline underline-offset-2 hover:text-accent"
          >
            <cite className="not-italic">{o.source_title}</cite>
          </Link>{' '}
          <span className="text-muted-foreground">
            (<cite className="not-italic">{o.source_publisher}</cite>)
          </span>
        </Field>
        <Field label={t('citeAs')}>
          <cite className="not-italic">{o.source_attribution}</cite>
        </Field>
        {o.source_url ? (
          <Field label={t('publisherPage')}>
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
        <Field label={t('vintage')}>{vintage ? <cite className="not-italic">{vintage}</cite> : t('notStated')}</Field>
        <Field label={t('codes')}>
          <span className="font-mono text-xs">
            {o.source_id} / {o.reporter_code} / {o.partner_code} / {o.flow} / {o.year ?? '–'} / {o.period}
            {o.series_key ? ` / ${o.series_key}` : ''}
          </span>
        </Field>
        <Field label={t('wording')}>
          {label}
          {o.is_estimate ? t('anEstimate') : ''}
        </Field>
        <Field label={t('derivation')}>
          {isDerivation(o.derivation) ? t(`derivations.${o.derivation}`) : <span lang="en">{o.derivation}</span>}
          {o.derivation_note ? (
            <>
              : <span lang="en">{o.derivation_note}</span>
            </>
          ) : null}
        </Field>
        {o.locator ? (
          <Field label={t('locator')}>
            <cite className="not-italic">{o.locator}</cite>
          </Field>
        ) : null}
        {o.note ? (
          <Field label={t('note')}>
            <span lang="en">{o.note}</span>
          </Field>
        ) : null}
        <Field label={t('lastWrittenBy')}>
          <ImportBatchText batch={o.import_batch} />
        </Field>
        <Field label={t('firstStored')}>{formatTimestampUtc(o.created_at, locale)}</Field>
        <Field label={t('lastChanged')}>{formatTimestampUtc(o.updated_at, locale)}</Field>
      </dl>
    </section>
  );
}
