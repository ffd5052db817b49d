// The data screen's cells, drawn by the server (DataTableBody): the browser gets the finished rows
// and runs none of this (issue 18.2). Values are shown as published, with their unit and
// qualifier; what the source wrote in words (periods, notes, flags) stays as written, marked
// lang="en". The header's column definitions are observations-table-columns.tsx, both in the order
// of OBSERVATION_COLUMNS.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { UNSPECIFIED_REPORTER } from '@/lib/constants';
import { formatAsPublished, formatDecimalText, formatMillions, formatUnit, formatYear, MISSING } from '@/lib/format';
import { isKnownQualifier, periodDisplay, qualifierText, type DataT } from '@/lib/i18n/observation-display';
import type { LocalizedObservation } from '@/lib/i18n/observation-names';
import type { Locale } from '@/lib/i18n/locales';
import { localizedHref } from '@/lib/i18n/paths';
import { ESTIMATE_MARK } from '@/lib/qualifiers';
import type { DataColumnId } from '@/lib/search-params/data';

export interface ObservationCellContext {
  t: DataT;
  locale: Locale;
}

function PeriodText({ period, t }: { period: string; t: DataT }) {
  const { text, lang } = periodDisplay(period, t);
  return lang ? <span lang={lang}>{text}</span> : <>{text}</>;
}

/** "Kazakhstan KAZ": the name, and the code that filters and exports use. */
function NameAndCode({ name, code }: { name: string; code: string }) {
  return (
    <>
      {name}{' '}
      <span className="font-mono text-xs whitespace-nowrap text-muted-foreground">
        {code === UNSPECIFIED_REPORTER ? '' : code}
      </span>
    </>
  );
}

function Chip({ children, title, lang }: { children: string; title: string; lang?: string }) {
  return (
    <span
      title={title}
      lang={lang}
      className="inline-block rounded border border-border px-1 py-px text-[0.7rem] leading-4 whitespace-nowrap text-muted-foreground"
    >
      {children}
    </span>
  );
}

function ObservationValue({ row, t, locale }: { row: LocalizedObservation } & ObservationCellContext) {
  const { symbol, label } = qualifierText(row.qualifier, t);
  const unit = formatUnit(row.unit, row.scale, locale);
  return (
    <span
      title={t('cells.valueTitle', { label, value: formatAsPublished(row.value, row.scale, row.unit, locale) })}
      className="whitespace-nowrap"
    >
      {symbol ? (
        <abbr title={label} className="mr-0.5 text-muted-foreground no-underline">
          {symbol}
        </abbr>
      ) : null}
      {formatDecimalText(row.value, 3, locale)}
      {row.is_estimate ? (
        <abbr
          title={t('cells.estimate')}
          className="ml-0.5 align-super text-[0.65rem] text-muted-foreground no-underline"
        >
          {ESTIMATE_MARK}
        </abbr>
      ) : null}
      <span className="sr-only"> {unit}</span>
    </span>
  );
}

function Flags({ row: r, t, locale }: { row: LocalizedObservation } & ObservationCellContext) {
  return (
    <span className="flex flex-wrap gap-1">
      {r.is_official ? <Chip title={t('chips.officialTitle')}>{t('chips.official')}</Chip> : null}
      {r.is_estimate ? <Chip title={t('chips.estimateTitle')}>{t('chips.estimate')}</Chip> : null}
      {r.derivation === 'DERIVED' ? (
        // The database's note on how it was computed is English; other languages give the general phrase.
        <Chip title={(locale === 'en' ? r.derivation_note : null) ?? t('chips.derivedTitle')}>
          {t('chips.derived')}
        </Chip>
      ) : null}
      {r.derivation === 'INFERRED' ? <Chip title={t('chips.inferredTitle')}>{t('chips.inferred')}</Chip> : null}
      {r.partner_reported ? <Chip title={t('chips.partnerReportedTitle')}>{t('chips.partnerReported')}</Chip> : null}
      {r.flag && !['e', 'derived', 'derived+e', 'inferred'].includes(r.flag) ? (
        <Chip title={t('chips.flagTitle')} lang="en">
          {r.flag}
        </Chip>
      ) : null}
      {r.revision_count ? (
        <Link
          href={localizedHref(locale, `/observations/${r.id}`)}
          prefetch={false}
          data-testid="revised-marker"
          title={t('chips.revisedTitle', { count: r.revision_count })}
          className="inline-block rounded border border-accent px-1 py-px text-[0.7rem] leading-4 whitespace-nowrap text-accent underline-offset-2 hover:underline"
        >
          {t('chips.revised')}
        </Link>
      ) : null}
    </span>
  );
}

export function observationCells({
  t,
  locale,
}: ObservationCellContext): Record<DataColumnId, (row: LocalizedObservation) => ReactNode> {
  const href = (path: string) => localizedHref(locale, path);
  return {
    reporter: (r) => (
      <NameAndCode
        name={r.reporter_code === UNSPECIFIED_REPORTER ? t('cells.unspecified') : r.reporter}
        code={r.reporter_code}
      />
    ),
    partner: (r) => <NameAndCode name={r.partner} code={r.partner_code} />,
    flow: (r) => (
      <span title={r.flow} lang={r.indicator_lang}>
        {r.indicator_label}
      </span>
    ),
    year: (r) => formatYear(r.year),
    period: (r) => (
      <span className="whitespace-nowrap" title={r.period_title}>
        <PeriodText period={r.period} t={t} />
        {/* Rows that differ only by this key (two DESTA agreements signed in one year) say so. */}
        {r.series_key ? (
          <span className="block font-mono text-xs text-muted-foreground" data-testid="series-key" lang="en">
            {r.series_key}
          </span>
        ) : null}
      </span>
    ),
    value: (r) => (
      // Every value leads to its provenance: source, locator, derivation and revisions.
      <Link
        href={href(`/observations/${r.id}`)}
        prefetch={false}
        className="underline-offset-2 hover:underline"
        data-testid="provenance-link"
      >
        <ObservationValue row={r} t={t} locale={locale} />
      </Link>
    ),
    unit: (r) => <span className="whitespace-nowrap">{formatUnit(r.unit, r.scale, locale)}</span>,
    usd: ({ usd_mn: usd, usd_converted: converted, year }) => {
      if (usd === null) return <span className="text-muted-foreground">{MISSING}</span>;
      return (
        <span className="whitespace-nowrap tabular-nums">
          {formatMillions(usd, locale)}
          {converted ? (
            <abbr
              title={year === null ? t('cells.convertedNoYear') : t('cells.converted', { year: formatYear(year) })}
              className="ml-0.5 align-super text-[0.65rem] text-muted-foreground no-underline"
            >
              c
            </abbr>
          ) : null}
        </span>
      );
    },
    qualifier: ({ qualifier }) => {
      if (qualifier === 'EXACT') return <span className="text-muted-foreground">{t('cells.exact')}</span>;
      const { symbol, short } = qualifierText(qualifier, t);
      return (
        <span className="whitespace-nowrap" lang={isKnownQualifier(qualifier) ? undefined : 'en'}>
          {symbol ? `${symbol} ` : null}
          {short}
        </span>
      );
    },
    flags: (r) => <Flags row={r} t={t} locale={locale} />,
    source: (r) => (
      // A dataset's or article's title is a citation: as published.
      <Link
        href={href(`/sources#source-${encodeURIComponent(r.source_id)}`)}
        prefetch={false}
        title={`${r.source_title} (${r.source_publisher})`}
        className="line-clamp-2 underline-offset-2 hover:underline"
      >
        <cite className="not-italic">{r.source_title}</cite>
      </Link>
    ),
    note: ({ note }) =>
      note ? (
        <span title={note} className="line-clamp-2" lang="en">
          {note}
        </span>
      ) : null,
  };
}
