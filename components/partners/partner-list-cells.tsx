// The partner list's cells, drawn by the server (DataTableBody): the browser gets the finished
// rows and runs none of this (issue 18.2). Money is USD million, as the headers say; each cell's
// tooltip names the year and the source. Column ids are the URL's sort keys
// (lib/search-params/partner-list.ts); the header's column definitions are
// partner-list-table-columns.tsx, both in the order of PARTNER_LIST_COLUMNS.
import Link from 'next/link';
import type { ReactNode } from 'react';
import {
  formatMillions,
  formatNumber,
  formatPercent,
  formatSignedPercent,
  formatUsdMillions,
  MISSING,
} from '@/lib/format';
import { breaksBetween, type SeriesBreak } from '@/lib/charts/break-years';
import { localizedHref } from '@/lib/i18n/paths';
import { QUALIFIER_DISPLAY, qualifierDisplay } from '@/lib/qualifiers';
import type { PartnerListRow } from '@/lib/queries/partner-list';
import type { PartnerListColumnId } from './partner-list-column-layout';
import type { PartnerListHeaderContext, PartnerListT } from './partner-list-table-columns';
import { Sparkline } from './sparkline';

export interface PartnerListCellContext extends PartnerListHeaderContext {
  /** Short names of sources by id, for tooltips. */
  sourceNames: Record<string, string>;
  sparklines: Record<string, { year: number; valueUsdMn: number }[]>;
  /** Known breaks in the official series, to mark comparisons that span one. */
  breaks: SeriesBreak[];
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
  ctx: PartnerListCellContext;
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

export function partnerListCells(
  ctx: PartnerListCellContext,
): Record<PartnerListColumnId, (row: PartnerListRow) => ReactNode> {
  const { year, window, t, locale } = ctx;
  const y = String(year);
  const source = (id: string | null) => (id ? (ctx.sourceNames[id] ?? id) : t('cells.noSource'));
  const money = (value: number | null) => formatUsdMillions(value, locale);
  // Turnover, exports and imports: the amount, its estimate mark, and a tooltip with year and source.
  function moneyCell(
    value: 'turnoverUsdMn' | 'exportUsdMn' | 'importUsdMn',
    estimate: 'turnoverIsEstimate' | 'exportIsEstimate' | 'importIsEstimate',
    title: 'cells.turnoverTitle' | 'cells.exportsTitle' | 'cells.importsTitle',
  ) {
    return function moneyColumnCell(row: PartnerListRow) {
      return (
        <Money
          ctx={ctx}
          value={row[value]}
          estimate={row[estimate]}
          title={t(title, { year: y, value: money(row[value]), source: source(row.sourceId) })}
        />
      );
    };
  }
  return {
    rank: (row) => (row.rank === null ? MISSING : <span className="font-medium">{row.rank}</span>),
    rank_change: (row) => <RankChange row={row} t={t} />,
    name: (row) => (
      // No prefetch: a page of partners would fetch every profile in view.
      <Link
        href={localizedHref(locale, `/partners/${row.code}`)}
        prefetch={false}
        className="underline-offset-2 hover:underline"
      >
        {row.name} <span className="font-mono text-xs whitespace-nowrap text-muted-foreground">{row.code}</span>
      </Link>
    ),
    groups: (row) => (
      <span className="flex min-w-24 flex-wrap gap-1">
        {row.groups.map((g) => (
          <span
            key={g}
            className="rounded border border-border px-1 text-[0.7rem] leading-4 whitespace-nowrap text-muted-foreground"
          >
            {t(`groups.${g}`)}
          </span>
        ))}
      </span>
    ),
    turnover: moneyCell('turnoverUsdMn', 'turnoverIsEstimate', 'cells.turnoverTitle'),
    share: (row) => <span title={t('cells.shareTitle', { year: y })}>{formatPercent(row.share, 1, locale)}</span>,
    change: (row) => (
      <span
        className="whitespace-nowrap"
        title={t('cells.changeTitle', {
          previousYear: String(year - 1),
          previous: money(row.previousTurnoverUsdMn),
          year: y,
          value: money(row.turnoverUsdMn),
        })}
      >
        {formatSignedPercent(row.change, 1, locale)}
        {row.change !== null ? (
          <SourceBreak
            t={t}
            show={row.changeSourceBreak}
            breaks={breaksBetween(ctx.breaks, row.code, 'value', year - 1, year).map((b) => b.label)}
          />
        ) : null}
      </span>
    ),
    cagr: (row) => (
      <span
        className="whitespace-nowrap"
        title={t('cells.growthTitle', {
          start: money(row.startTurnoverUsdMn),
          from: String(year - window),
          value: money(row.turnoverUsdMn),
          year: y,
        })}
      >
        {formatSignedPercent(row.cagr, 1, locale)}
        {row.cagr !== null ? (
          <SourceBreak
            t={t}
            show={row.cagrSourceBreak}
            breaks={breaksBetween(ctx.breaks, row.code, 'value', year - window, year).map((b) => b.label)}
          />
        ) : null}
      </span>
    ),
    trend: (row) => (
      <Sparkline
        points={ctx.sparklines[row.code] ?? []}
        fromYear={ctx.sparklineFrom}
        toYear={year}
        t={t}
        locale={locale}
      />
    ),
    export: moneyCell('exportUsdMn', 'exportIsEstimate', 'cells.exportsTitle'),
    import: moneyCell('importUsdMn', 'importIsEstimate', 'cells.importsTitle'),
    balance: (row) => {
      const value = row.balanceUsdMn;
      return (
        <span title={t('cells.balanceTitle', { year: y })} className="whitespace-nowrap">
          {value === null
            ? MISSING
            : `${value > 0 ? '+' : value < 0 ? '−' : ''}${formatMillions(Math.abs(value), locale)}`}
        </span>
      );
    },
    agreements: (row) => <span title={t('cells.agreementsTitle')}>{formatNumber(row.agreements, 0, locale)}</span>,
    investment: (r) => {
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
  };
}
