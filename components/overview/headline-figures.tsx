import { likeForLike, monthSpanLabel } from '@/lib/charts/partial-period';
import { shortSourceName, worldTotalOrigin } from '@/lib/charts/provenance-text';
import { formatSignedPercent, formatUsdMillions, formatUsdMillionsCompact } from '@/lib/format';
import type { HeadlineFlow, WorldHeadline, YearToDate } from '@/lib/queries/overview';

const LABELS: Record<HeadlineFlow, string> = {
  turnover: 'Turnover',
  export: 'Exports',
  import: 'Imports',
  balance: 'Balance',
};

const HINTS: Record<HeadlineFlow, string> = {
  turnover: 'exports + imports',
  export: 'free on board (FOB)',
  import: 'incl. cost, insurance, freight (CIF)',
  balance: 'exports − imports',
};

interface HeadlineFiguresProps {
  headline: WorldHeadline;
  yearToDate: YearToDate | null;
}

/**
 * Kazakhstan's trade with the world in the latest complete year, each figure with the change on
 * the year before, and, when the current year is only partly published, the same months compared
 * with the same months of the year before (never with a full year).
 */
export function HeadlineFigures({ headline, yearToDate }: HeadlineFiguresProps) {
  const year = headline.year;
  if (year === null) {
    return <p className="text-sm text-muted-foreground">No annual total with the world is in the database yet.</p>;
  }
  const turnover = headline.figures.find((f) => f.flow === 'turnover');
  const ytdTurnover = yearToDate
    ? likeForLike(
        yearToDate.rows.map((r) => ({
          year: r.year,
          firstMonth: 1,
          lastMonth: yearToDate.lastMonth,
          value: r.turnoverUsdMn,
        })),
        { firstMonth: 1, lastMonth: yearToDate.lastMonth },
      ).rows.at(-1)
    : undefined;

  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="headline-figures">
        {headline.figures.map((figure) => (
          <div key={figure.flow} className="rounded-lg border border-border bg-card p-4">
            <dt className="text-sm text-muted-foreground">
              {LABELS[figure.flow]}, {year} <span className="sr-only">({HINTS[figure.flow]})</span>
            </dt>
            <dd className="mt-1">
              <span
                className="block text-xl font-semibold tabular-nums sm:text-2xl"
                title={formatUsdMillions(figure.valueUsdMn)}
              >
                {formatUsdMillionsCompact(figure.valueUsdMn).replace('$', 'USD ')}
              </span>
              <span className="block text-sm tabular-nums">
                {figure.change !== null ? (
                  <>
                    <span className="font-medium">{formatSignedPercent(figure.change)}</span>{' '}
                    <span className="text-muted-foreground">on {year - 1}</span>
                  </>
                ) : figure.previousUsdMn !== null ? (
                  <span className="text-muted-foreground">
                    {formatUsdMillionsCompact(figure.previousUsdMn).replace('$', 'USD ')} in {year - 1}
                  </span>
                ) : (
                  <span className="text-muted-foreground">no figure for {year - 1}</span>
                )}
              </span>
              <span className="mt-1 block text-xs text-muted-foreground" aria-hidden="true">
                {HINTS[figure.flow]}
              </span>
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-muted-foreground" data-testid="headline-notes">
        USD, current prices, calendar year {year} against {year - 1}; Kazakhstan-reported goods trade with all partners.
        {turnover
          ? ` Kazakhstan’s total: ${worldTotalOrigin({ sourceId: turnover.sourceId, derived: turnover.isDerived })}${
              turnover.previousSourceId && turnover.previousSourceId !== turnover.sourceId
                ? `; ${year - 1} comes from ${shortSourceName(turnover.previousSourceId)}, so the change spans a change of source`
                : ''
            }.`
          : null}
      </p>
      {yearToDate && ytdTurnover ? (
        <p className="rounded-md border border-border bg-card px-3 py-2 text-sm" data-testid="year-to-date">
          <span className="font-medium">
            {yearToDate.year} so far ({monthSpanLabel({ firstMonth: 1, lastMonth: yearToDate.lastMonth })}):
          </span>{' '}
          turnover {formatUsdMillions(ytdTurnover.value)}
          {ytdTurnover.changeOnYear !== null ? (
            <>
              , {formatSignedPercent(ytdTurnover.changeOnYear)} on the same months of {yearToDate.year - 1}
            </>
          ) : null}
          .{' '}
          <span className="text-muted-foreground">
            Part of a year: compared only with the same months, never with full years. Sum of the bureau’s monthly
            totals; the latest months are preliminary.
          </span>
        </p>
      ) : null}
    </div>
  );
}
