// Columns of the data screen, in the page's language. Column ids are the URL's sort keys and `cols`
// ids (lib/search-params/data.ts). Values are shown as published, with their unit and qualifier;
// what the source wrote in words (periods, notes, flags) stays as written, marked lang="en".
import Link from 'next/link';
import { DataTableColumnHeader } from '@/components/data-table/data-table-column-header';
import { createDataTableColumnHelper } from '@/components/data-table/data-table-features';
import { formatAsPublished, formatDecimalText, formatMillions, formatUnit, formatYear, MISSING } from '@/lib/format';
import { isKnownQualifier, periodDisplay, qualifierText, type DataT } from '@/lib/i18n/observation-display';
import type { LocalizedObservation } from '@/lib/i18n/observation-names';
import type { Locale } from '@/lib/i18n/locales';
import { localizedHref } from '@/lib/i18n/paths';
import { ESTIMATE_MARK } from '@/lib/qualifiers';
import type { ObservationRecord } from '@/lib/queries/observations';

const helper = createDataTableColumnHelper<LocalizedObservation>();

export interface ObservationColumnContext {
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
      <span className="font-mono text-xs whitespace-nowrap text-muted-foreground">{code === 'XXX' ? '' : code}</span>
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

export function ObservationValue({ row, t, locale }: { row: ObservationRecord } & ObservationColumnContext) {
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

export function observationsTableColumns({ t, locale }: ObservationColumnContext) {
  const href = (path: string) => localizedHref(locale, path);
  return helper.columns([
    helper.accessor('reporter', {
      id: 'reporter',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.reporter')} />,
      cell: ({ row }) => (
        <NameAndCode
          name={row.original.reporter_code === 'XXX' ? t('cells.unspecified') : row.original.reporter}
          code={row.original.reporter_code}
        />
      ),
      sortDescFirst: false,
      meta: { label: t('columns.reporter'), className: 'min-w-32' },
    }),
    helper.accessor('partner', {
      id: 'partner',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.partner')} />,
      cell: ({ row }) => <NameAndCode name={row.original.partner} code={row.original.partner_code} />,
      sortDescFirst: false,
      meta: { label: t('columns.partner'), className: 'min-w-36' },
    }),
    helper.accessor('indicator_label', {
      id: 'flow',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.flow')} />,
      cell: ({ row }) => (
        <span title={row.original.flow} lang={row.original.indicator_lang}>
          {row.original.indicator_label}
        </span>
      ),
      sortDescFirst: false,
      meta: { label: t('columns.flow'), className: 'min-w-32' },
    }),
    helper.accessor('year', {
      id: 'year',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.year')} />,
      cell: ({ getValue }) => formatYear(getValue()),
      sortDescFirst: true,
      meta: { label: t('columns.year'), align: 'end' },
    }),
    helper.accessor('period', {
      id: 'period',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.period')} />,
      cell: ({ row }) => {
        return (
          <span className="whitespace-nowrap" title={row.original.period_title}>
            <PeriodText period={row.original.period} t={t} />
            {/* Rows that differ only by this key (two DESTA agreements signed in one year) say so. */}
            {row.original.series_key ? (
              <span className="block font-mono text-xs text-muted-foreground" data-testid="series-key" lang="en">
                {row.original.series_key}
              </span>
            ) : null}
          </span>
        );
      },
      sortDescFirst: true,
      meta: { label: t('columns.period') },
    }),
    helper.accessor('value', {
      id: 'value',
      header: ({ column }) => (
        <DataTableColumnHeader column={column} title={t('columns.value')} unit={t('columns.valueUnit')} />
      ),
      cell: ({ row }) => (
        // Every value leads to its provenance: source, locator, derivation and revisions.
        <Link
          href={href(`/observations/${row.original.id}`)}
          prefetch={false}
          className="underline-offset-2 hover:underline"
          data-testid="provenance-link"
        >
          <ObservationValue row={row.original} t={t} locale={locale} />
        </Link>
      ),
      sortDescFirst: true,
      meta: { label: t('columns.value'), align: 'end' },
    }),
    helper.accessor('unit', {
      id: 'unit',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.unit')} />,
      cell: ({ row }) => (
        <span className="whitespace-nowrap">{formatUnit(row.original.unit, row.original.scale, locale)}</span>
      ),
      sortDescFirst: false,
      meta: { label: t('columns.unit') },
    }),
    helper.accessor('usd_mn', {
      id: 'usd',
      header: () => (
        <span className="flex flex-col items-end">
          <span>{t('columns.usd')}</span>
          <span className="text-xs font-normal text-muted-foreground">{t('columns.usdUnit')}</span>
        </span>
      ),
      cell: ({ row }) => {
        const { usd_mn: usd, usd_converted: converted, year } = row.original;
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
      enableSorting: false,
      meta: { label: t('columns.usd'), align: 'end' },
    }),
    helper.accessor('qualifier', {
      id: 'qualifier',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.qualifier')} />,
      cell: ({ getValue }) => {
        const qualifier = getValue();
        if (qualifier === 'EXACT') return <span className="text-muted-foreground">{t('cells.exact')}</span>;
        const { symbol, short } = qualifierText(qualifier, t);
        return (
          <span className="whitespace-nowrap" lang={isKnownQualifier(qualifier) ? undefined : 'en'}>
            {symbol ? `${symbol} ` : null}
            {short}
          </span>
        );
      },
      sortDescFirst: false,
      meta: { label: t('columns.qualifier') },
    }),
    helper.display({
      id: 'flags',
      header: () => <span>{t('columns.flags')}</span>,
      cell: ({ row }) => {
        const r = row.original;
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
            {r.partner_reported ? (
              <Chip title={t('chips.partnerReportedTitle')}>{t('chips.partnerReported')}</Chip>
            ) : null}
            {r.flag && !['e', 'derived', 'derived+e', 'inferred'].includes(r.flag) ? (
              <Chip title={t('chips.flagTitle')} lang="en">
                {r.flag}
              </Chip>
            ) : null}
            {r.revision_count ? (
              <Link
                href={href(`/observations/${r.id}`)}
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
      },
      enableSorting: false,
      meta: { label: t('columns.flags'), className: 'min-w-28' },
    }),
    helper.accessor('source_title', {
      id: 'source',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.source')} />,
      cell: ({ row }) => (
        // A dataset's or article's title is a citation: as published.
        <Link
          href={href(`/sources#source-${encodeURIComponent(row.original.source_id)}`)}
          prefetch={false}
          title={`${row.original.source_title} (${row.original.source_publisher})`}
          className="line-clamp-2 underline-offset-2 hover:underline"
        >
          <cite className="not-italic">{row.original.source_title}</cite>
        </Link>
      ),
      sortDescFirst: false,
      meta: { label: t('columns.source'), className: 'min-w-48 max-w-72' },
    }),
    helper.accessor('note', {
      id: 'note',
      header: () => <span>{t('columns.note')}</span>,
      cell: ({ getValue }) => {
        const note = getValue();
        return note ? (
          <span title={note} className="line-clamp-2" lang="en">
            {note}
          </span>
        ) : null;
      },
      enableSorting: false,
      meta: { label: t('columns.note'), className: 'min-w-56 max-w-96' },
    }),
  ]);
}

/** The natural key of a row, as the exports can rebuild it: tests compare screen and files with it. */
export const observationRowKey = (
  r: Pick<
    ObservationRecord,
    'source_id' | 'reporter_code' | 'partner_code' | 'flow' | 'year' | 'period' | 'series_key'
  >,
) =>
  [
    r.source_id,
    r.reporter_code === 'XXX' ? '' : r.reporter_code,
    r.partner_code,
    r.flow,
    r.year ?? '',
    r.period,
    r.series_key,
  ].join('|');
