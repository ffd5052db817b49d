import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ObservationProvenance } from '@/components/observation/observation-provenance';
import { RevisionSection } from '@/components/observation/revision-history';
import { periodDisplay, qualifierText } from '@/lib/i18n/observation-display';
import { localizeObservationDetail } from '@/lib/i18n/observation-names';
import { formatAsPublished, formatYear } from '@/lib/format';
import { languageMetadata, localizedHref } from '@/lib/i18n/paths';
import { observationNamer } from '@/lib/loaders/data';
import { getObservationDetail, getObservationRevisions } from '@/lib/queries/observation-revisions';
import { parseObservationId } from '@/lib/validations/observation-id';
import { dataHref } from '@/lib/search-params/data';

interface PageProps {
  params: Promise<{ id: string }>;
}

// Revisions arrive with imports: render per request.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const [t, locale, { id }] = await Promise.all([getTranslations('Observation'), getLocale(), params]);
  return { title: t('title'), ...languageMetadata(locale, `/observations/${encodeURIComponent(id)}`) };
}

/**
 * One observation with its provenance and the values newer vintages replaced. No loading.tsx in
 * this segment: the existence check runs before anything streams, so an unknown id is a real 404.
 */
export default async function ObservationPage({ params }: PageProps) {
  const parsed = parseObservationId((await params).id);
  if (!parsed.ok) notFound();
  const [detail, revisions, locale] = await Promise.all([
    getObservationDetail(parsed.id),
    getObservationRevisions(parsed.id),
    getLocale(),
  ]);
  if (!detail || !revisions) notFound();
  const [t, tData, namer] = await Promise.all([
    getTranslations('Observation'),
    getTranslations('Data'),
    observationNamer(locale),
  ]);
  const o = localizeObservationDetail(detail, namer);

  const { symbol, label } = qualifierText(o.qualifier, tData);
  const seriesHref = dataHref({
    source: [o.source_id],
    reporter: [o.reporter_code],
    partner: [o.partner_code],
    flow: [o.flow],
    ...(o.year !== null ? { from: o.year, to: o.year } : {}),
  });
  const period = periodDisplay(o.period, tData);
  const periodTag = (chunks: ReactNode) => <span lang={period.lang}>{chunks}</span>;

  return (
    <div className="max-w-4xl space-y-6">
      <div className="space-y-1">
        <p className="text-sm">
          <Link href={localizedHref(locale, seriesHref)} className="underline underline-offset-2 hover:text-accent">
            {t('back')}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">
          {t.rich('heading', {
            indicator: o.indicator_label,
            worded: (chunks) => <span lang={o.indicator_lang}>{chunks}</span>,
            reporter: o.reporter_code === 'XXX' ? t('unspecifiedReporter') : o.reporter,
            partner: o.partner,
          })}
        </h1>
        <p className="text-sm text-muted-foreground">
          {o.year !== null && o.period === 'FY'
            ? t('fullYear', { year: formatYear(o.year) })
            : o.year !== null
              ? t.rich('yearPeriod', { year: formatYear(o.year), period: period.text, worded: periodTag })
              : t.rich('period', { period: period.text, worded: periodTag })}
        </p>
        <p className="text-3xl font-semibold tabular-nums" data-testid="observation-value">
          {symbol ? <span title={label}>{symbol} </span> : null}
          {formatAsPublished(o.value, o.scale, o.unit, locale)}
          {o.flag ? (
            <span className="ml-2 align-middle text-sm font-normal text-muted-foreground">
              {t.rich('flag', { flag: o.flag, worded: (chunks) => <span lang="en">{chunks}</span> })}
            </span>
          ) : null}
        </p>
      </div>

      <ObservationProvenance o={o} label={label} />

      <RevisionSection id={o.id} revisions={revisions} unit={o.unit} scale={o.scale} />
    </div>
  );
}
