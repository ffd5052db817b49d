// Columns of the partner list, built for one year and growth window (they appear in the
// headers). Column ids are the URL's sort keys (lib/search-params/partner-list.ts). Money is USD
// million, as headers say; each cell's tooltip names the year and the source.
import Link from 'next/link';
import type { useTranslations } from 'next-intl';
import { DataTableColumnHeader } from '@/components/data-table/data-table-column-header';
import { createDataTableColumnHelper } from '@/components/data-table/data-table-features';
import {
  formatMillions,
  formatNumber,
  formatPercent,
  formatSignedPercent,
  formatUsdMillions,
  MISSING,
} from '@/lib/format';
import { breaksBetween, type SeriesBreak } from '@/lib/charts/break-years';
import type { Locale } from '@/lib/i18n/locales';
import { localizedHref } from '@/lib/i18n/paths';
import { QUALIFIER_DISPLAY, qualifierDisplay } from '@/lib/qualifiers';
import type { PartnerListRow } from '@/lib/queries/partner-list';
import { Sparkline } from './sparkline';

const helper = createDataTableColumnHelper<PartnerListRow>();

type PartnerListT = ReturnType<typeof useTranslations<'partnerList'>>;

export interface PartnerListColumnContext {
  year: number;
  window: number;
  /** Short names of sources by id, for tooltips. */
  sourceNames: Record<string, string>;
  sparklines: Record<string, { year: number; valueUsdMn: number }[]>;
  sparklineFrom: number;
  /** Ranks are shown for countries only: groups overlap each other. */
  ranked: boolean;
  /** Known breaks in the official series, to mark comparisons that span one. */
  breaks: SeriesBreak[];
  /** The partner list's words and the language of its numbers and links. */
  t: PartnerListT;
  locale: Locale;
}

function Money({
  value,
  estimate,
  title,
  ctx,
}: {
  value: number | null;
  estimate?: boolean;
  title: string;
  ctx: PartnerListColumnContext;
}) {
  if (value === null) return <span title={title}>{MISSING}</span>;
  return (
    <span title={title} className="whitespace-nowrap">
      {formatMillions(value, ctx.locale)}
      {estimate ? (
        <abbr
          title={ctx.t('cells.estimate')}
          className="ml-0.5 align-super text-[0.65rem] text-muted-foreground no-underline"
        >
          e
        </abbr>
      ) : null}
    </span>
  );
}

/** A dagger after a comparison whose two years come from different sources, or span a known break. */
function SourceBreak({ show, breaks = [], t }: { show: boolean; breaks?: string[]; t: PartnerListT }) {
  if (!show && breaks.length === 0) return null;
  const reasons = [
    ...(show ? [t('cells.sourcesDiffer')] : []),
    ...breaks.map((label) => t('cells.spansBreak', { label })),
  ];
  return (
    <abbr
      title={t('cells.notLikeWithLike', { reasons: reasons.join('; ') })}
      className="ml-0.5 text-muted-foreground no-underline"
      data-testid="comparison-break"
    >
      †
    </abbr>
  );
}

function RankChange({ row, t }: { row: PartnerListRow; t: PartnerListT }) {
  if (row.rank === null) return <span>{MISSING}</span>;
  if (row.previousRank === null)
    return (
      <span className="text-xs text-muted-foreground" title={t('cells.noPrevious')}>
        {t('cells.new')}
      </span>
    );
  const change = row.rankChange ?? 0;
  const before = t('cells.rankBefore', { rank: String(row.previousRank) });
  if (change === 0) return <span title={before}>=</span>;
  const up = change > 0;
  const count = Math.abs(change);
  return (
    <span title={before} className="whitespace-nowrap">
      <span aria-hidden="true">{up ? '▲' : '▼'}</span> {count}
      <span className="sr-only"> {t(up ? 'cells.placesUp' : 'cells.placesDown', { count })}</span>
    </span>
  );
}

export function partnerListColumns(ctx: PartnerListColumnContext) {
  const { year, window, t, locale } = ctx;
  const y = String(year);
  const source = (id: string | null) => (id ? (ctx.sourceNames[id] ?? id) : t('cells.noSource'));
  const usd = t('columns.usdYear', { year: y });
  const money = (value: number | null) => formatUsdMillions(value, locale);
  return helper.columns([
    // The measures of the question asked most (size, share, change, growth, trend) come first, so they fit on a laptop screen.
    helper.accessor('rank', {
      id: 'rank',
      header: ({ column }) => (
        <DataTableColumnHeader
          column={column}
          title={t('columns.rank')}
          unit={ctx.ranked ? y : t('columns.rankNone')}
        />
      ),
      cell: ({ getValue }) => {
        const rank = getValue();
        return rank === null ? MISSING : <span className="font-medium">{rank}</span>;
      },
      sortDescFirst: false,
      enableSorting: ctx.ranked,
      meta: { label: t('columns.rank'), align: 'end' },
    }),
    helper.accessor('rankChange', {
      id: 'rank_change',
      header: ({ column }) => (
        <DataTableColumnHeader
          column={column}
          title={t('columns.rankChange')}
          unit={t('columns.vsYear', { year: String(year - 1) })}
        />
      ),
      cell: ({ row }) => <RankChange row={row.original} t={t} />,
      sortDescFirst: true,
      enableSorting: ctx.ranked,
      meta: { label: t('columns.rankChangeLabel'), align: 'end' },
    }),
    helper.accessor('name', {
      id: 'name',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.partner')} />,
      cell: ({ row }) => (
        // No prefetch: a page of partners would fetch every profile in view.
        <Link
          href={localizedHref(locale, `/partners/${row.original.code}`)}
          prefetch={false}
          className="underline-offset-2 hover:underline"
        >
          {row.original.name}{' '}
          <span className="font-mono text-xs whitespace-nowrap text-muted-foreground">{row.original.code}</span>
        </Link>
      ),
      sortDescFirst: false,
      meta: { label: t('columns.partner'), isRowHeader: true, className: 'min-w-44 max-w-64' },
    }),
    helper.display({
      id: 'groups',
      header: () => (
        <span className="flex flex-col leading-tight">
          {t('columns.groups')}
          <span className="text-xs font-normal text-muted-foreground">{t('columns.inYear', { year: y })}</span>
        </span>
      ),
      cell: ({ row }) => (
        <span className="flex min-w-24 flex-wrap gap-1">
          {row.original.groups.map((g) => (
            <span
              key={g}
              className="rounded border border-border px-1 text-[0.7rem] leading-4 whitespace-nowrap text-muted-foreground"
            >
              {t(`groups.${g}`)}
            </span>
          ))}
        </span>
      ),
      meta: { label: t('columns.groups') },
    }),
    helper.accessor('turnoverUsdMn', {
      id: 'turnover',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.turnover')} unit={usd} />,
      cell: ({ row }) => (
        <Money
          ctx={ctx}
          value={row.original.turnoverUsdMn}
          estimate={row.original.turnoverIsEstimate}
          title={t('cells.turnoverTitle', {
            year: y,
            value: money(row.original.turnoverUsdMn),
            source: source(row.original.sourceId),
          })}
        />
      ),
      sortDescFirst: true,
      meta: { label: t('columns.turnover'), align: 'end' },
    }),
    helper.accessor('share', {
      id: 'share',
      header: ({ column }) => (
        <DataTableColumnHeader column={column} title={t('columns.share')} unit={t('columns.shareUnit', { year: y })} />
      ),
      cell: ({ getValue }) => (
        <span title={t('cells.shareTitle', { year: y })}>{formatPercent(getValue(), 1, locale)}</span>
      ),
      sortDescFirst: true,
      meta: { label: t('columns.share'), align: 'end' },
    }),
    helper.accessor('change', {
      id: 'change',
      header: ({ column }) => (
        <DataTableColumnHeader
          column={column}
          title={t('columns.change')}
          unit={t('columns.changeUnit', { year: String(year - 1) })}
        />
      ),
      cell: ({ row }) => (
        <span
          className="whitespace-nowrap"
          title={t('cells.changeTitle', {
            previousYear: String(year - 1),
            previous: money(row.original.previousTurnoverUsdMn),
            year: y,
            value: money(row.original.turnoverUsdMn),
          })}
        >
          {formatSignedPercent(row.original.change, 1, locale)}
          {row.original.change !== null ? (
            <SourceBreak
              t={t}
              show={row.original.changeSourceBreak}
              breaks={breaksBetween(ctx.breaks, row.original.code, 'value', year - 1, year).map((b) => b.label)}
            />
          ) : null}
        </span>
      ),
      sortDescFirst: true,
      meta: { label: t('columns.changeLabel'), align: 'end' },
    }),
    helper.accessor('cagr', {
      id: 'cagr',
      header: ({ column }) => (
        <DataTableColumnHeader
          column={column}
          title={t('columns.growth')}
          unit={t('columns.growthUnit', { from: String(year - window), to: y })}
        />
      ),
      cell: ({ row }) => (
        <span
          className="whitespace-nowrap"
          title={t('cells.growthTitle', {
            start: money(row.original.startTurnoverUsdMn),
            from: String(year - window),
            value: money(row.original.turnoverUsdMn),
            year: y,
          })}
        >
          {formatSignedPercent(row.original.cagr, 1, locale)}
          {row.original.cagr !== null ? (
            <SourceBreak
              t={t}
              show={row.original.cagrSourceBreak}
              breaks={breaksBetween(ctx.breaks, row.original.code, 'value', year - window, year).map((b) => b.label)}
            />
          ) : null}
        </span>
      ),
      sortDescFirst: true,
      meta: { label: t('columns.growthLabel', { window }), align: 'end' },
    }),
    helper.display({
      id: 'trend',
      header: () => (
        <span className="flex flex-col leading-tight">
          {t('columns.trend')}
          <span className="text-xs font-normal text-muted-foreground">
            {t('columns.trendUnit', { from: String(ctx.sparklineFrom), to: y })}
          </span>
        </span>
      ),
      cell: ({ row }) => (
        <Sparkline
          points={ctx.sparklines[row.original.code] ?? []}
          fromYear={ctx.sparklineFrom}
          toYear={year}
          t={t}
          locale={locale}
        />
      ),
      meta: { label: t('columns.trend') },
    }),
    helper.accessor('exportUsdMn', {
      id: 'export',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.exports')} unit={usd} />,
      cell: ({ row }) => (
        <Money
          ctx={ctx}
          value={row.original.exportUsdMn}
          estimate={row.original.exportIsEstimate}
          title={t('cells.exportsTitle', {
            year: y,
            value: money(row.original.exportUsdMn),
            source: source(row.original.sourceId),
          })}
        />
      ),
      sortDescFirst: true,
      meta: { label: t('columns.exports'), align: 'end' },
    }),
    helper.accessor('importUsdMn', {
      id: 'import',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.imports')} unit={usd} />,
      cell: ({ row }) => (
        <Money
          ctx={ctx}
          value={row.original.importUsdMn}
          estimate={row.original.importIsEstimate}
          title={t('cells.importsTitle', {
            year: y,
            value: money(row.original.importUsdMn),
            source: source(row.original.sourceId),
          })}
        />
      ),
      sortDescFirst: true,
      meta: { label: t('columns.imports'), align: 'end' },
    }),
    helper.accessor('balanceUsdMn', {
      id: 'balance',
      header: ({ column }) => (
        <DataTableColumnHeader
          column={column}
          title={t('columns.balance')}
          unit={t('columns.balanceUnit', { year: y })}
        />
      ),
      cell: ({ getValue }) => {
        const value = getValue();
        return (
          <span title={t('cells.balanceTitle', { year: y })} className="whitespace-nowrap">
            {value === null
              ? MISSING
              : `${value > 0 ? '+' : value < 0 ? '−' : ''}${formatMillions(Math.abs(value), locale)}`}
          </span>
        );
      },
      sortDescFirst: true,
      meta: { label: t('columns.balance'), align: 'end' },
    }),
    helper.accessor('agreements', {
      id: 'agreements',
      header: ({ column }) => (
        <DataTableColumnHeader column={column} title={t('columns.agreements')} unit={t('columns.agreementsUnit')} />
      ),
      cell: ({ getValue }) => <span title={t('cells.agreementsTitle')}>{formatNumber(getValue(), 0, locale)}</span>,
      sortDescFirst: true,
      meta: { label: t('columns.agreements'), align: 'end' },
    }),
    helper.accessor('fdiUsdMn', {
      id: 'investment',
      header: ({ column }) => (
        <DataTableColumnHeader column={column} title={t('columns.investment')} unit={t('columns.investmentUnit')} />
      ),
      cell: ({ row }) => {
        const r = row.original;
        if (r.fdiUsdMn === null) return <span title={t('cells.noFdi')}>{MISSING}</span>;
        const qualifier = r.fdiQualifier ?? 'EXACT';
        const { symbol, label } = qualifierDisplay(qualifier);
        // A qualifier added to the data later reads as the database has it until the catalogues name it.
        const wording =
          qualifier in QUALIFIER_DISPLAY
            ? t(`qualifiers.${qualifier as keyof typeof QUALIFIER_DISPLAY}`)
            : label.toLowerCase();
        return (
          <span
            className="whitespace-nowrap"
            title={t('cells.fdiTitle', {
              partner: r.name,
              year: String(r.fdiYear),
              qualifier: wording,
              value: money(r.fdiUsdMn),
              source: source(r.fdiSourceId),
            })}
          >
            {symbol ? <span className="text-muted-foreground">{symbol}</span> : null}
            {formatMillions(r.fdiUsdMn, locale)} <span className="text-xs text-muted-foreground">{r.fdiYear}</span>
          </span>
        );
      },
      sortDescFirst: true,
      meta: { label: t('columns.investment'), align: 'end' },
    }),
  ]);
}
