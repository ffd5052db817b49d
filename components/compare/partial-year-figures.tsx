import { ScrollRegion } from '@/components/ui/scroll-region';
import {
  comparePartialFigures,
  likeForLike,
  monthSpanLabel,
  spanFromDates,
  type PartialFigure,
} from '@/lib/charts/partial-period';
import { formatSignedPercent, formatUsdMillions, MISSING } from '@/lib/format';
import type { NewsFigure } from '@/lib/queries/news-figures';
import type { YearToDate } from '@/lib/queries/overview';
import type { CompareFlow } from '@/lib/search-params/compare';
import { newsFigureAmount, newsFigureReporter } from '@/components/news/news-figure-text';

interface PartialYearFiguresProps {
  flow: CompareFlow;
  figures: readonly NewsFigure[];
  yearToDate: YearToDate | null;
}

const YTD_FIELD: Record<CompareFlow, 'turnoverUsdMn' | 'exportUsdMn' | 'importUsdMn' | 'balanceUsdMn'> = {
  turnover: 'turnoverUsdMn',
  export: 'exportUsdMn',
  import: 'importUsdMn',
  balance: 'balanceUsdMn',
};

/**
 * Figures for part of a year (January–November, first half, ...). They never go on the annual
 * chart; each is shown with the same months of the year before when such a figure exists, and
 * with no change otherwise.
 */
export function PartialYearFigures({ flow, figures, yearToDate }: PartialYearFiguresProps) {
  const partial: PartialFigure<NewsFigure>[] = figures.flatMap((figure) => {
    const span = spanFromDates(figure.periodStart, figure.periodEnd);
    if (!span || figure.periodKind !== 'MONTHS_TO_DATE') return [];
    const partner = figure.partnerCode === 'AGG_EU27' ? 'AGG_EU' : figure.partnerCode;
    return [
      {
        seriesKey: `${figure.reporterCode}|${partner}|${figure.indicatorCode}|${figure.unit}`,
        year: span.year,
        firstMonth: span.firstMonth,
        lastMonth: span.lastMonth,
        value: Number(figure.value) * 10 ** (figure.scale - 6),
        derived: figure.derivation !== 'PUBLISHED',
        statedChange: figure.statedGrowthPct === null ? null : figure.statedGrowthPct / 100,
        meta: figure,
      },
    ];
  });
  const comparisons = comparePartialFigures(partial);

  const ytd = yearToDate
    ? likeForLike(
        yearToDate.rows.map((row) => ({
          year: row.year,
          firstMonth: 1,
          lastMonth: yearToDate.lastMonth,
          value: row[YTD_FIELD[flow]],
        })),
        { firstMonth: 1, lastMonth: yearToDate.lastMonth },
      ).rows.slice(-2)
    : [];
  const ytdLatest = ytd.at(-1);
  const ytdPrevious = ytd.length > 1 ? ytd[0] : undefined;

  return (
    <section aria-labelledby="partial-heading" className="space-y-3" data-testid="partial-year-figures">
      <h2 id="partial-heading" className="text-lg font-semibold">
        Part-year figures, compared only with the same months
      </h2>
      <p className="max-w-3xl text-sm text-muted-foreground">
        Figures for part of a year are not on the chart above, which compares calendar years. Each is set against the
        same months of the year before, where such a figure exists; a part-year figure is never compared with a full
        year.
      </p>
      {yearToDate && ytdLatest ? (
        <p className="text-sm" data-testid="year-to-date">
          <span className="font-medium">
            Kazakhstan’s total, {monthSpanLabel({ firstMonth: 1, lastMonth: yearToDate.lastMonth })} {ytdLatest.year}:
          </span>{' '}
          {formatUsdMillions(ytdLatest.value)}
          {ytdPrevious ? (
            <>
              {' '}
              against {formatUsdMillions(ytdPrevious.value)} in the same months of {ytdPrevious.year} (
              {formatSignedPercent(ytdLatest.changeOnYear)}).
            </>
          ) : null}{' '}
          <span className="text-muted-foreground">
            Sum of the bureau’s monthly totals; the latest months are preliminary.
          </span>
        </p>
      ) : null}
      {comparisons.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          No part-year figures for these partners and this indicator in the news and articles.
        </p>
      ) : (
        <ScrollRegion label="Part-year figures table" className="rounded-lg border border-border bg-card">
          <table className="w-full min-w-[44rem] border-collapse text-sm">
            <caption className="sr-only">
              Part-year figures quoted in the news, with the same months of the year before
            </caption>
            <thead>
              <tr className="text-left">
                <th scope="col" className="px-3 py-2 font-semibold">
                  Between
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Months
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Figure
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Same months, year before
                </th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">
                  Change
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Source
                </th>
              </tr>
            </thead>
            <tbody>
              {comparisons.map(({ figure, previous, change, circular }) => (
                <tr key={figure.meta.id} className="border-t border-border align-top">
                  <td className="px-3 py-2">
                    {/* Partner statistics have the partner as reporter and Kazakhstan as counterpart. */}
                    {figure.meta.partnerCode === 'KAZ' ? figure.meta.reporterName : figure.meta.partnerName}
                    <span className="block text-xs text-muted-foreground">{newsFigureReporter(figure.meta)}</span>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {monthSpanLabel(figure)} {figure.year}
                  </td>
                  <td className="px-3 py-2">{newsFigureAmount(figure.meta)}</td>
                  <td className="px-3 py-2">
                    {previous
                      ? `${newsFigureAmount(previous.meta)} (${previous.meta.sourcePublisher})`
                      : 'no figure for the same months'}
                    {circular ? (
                      <span className="block text-xs text-muted-foreground">
                        worked back from the stated change, not published
                      </span>
                    ) : null}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums" data-testid="partial-change">
                    {circular && figure.statedChange != null ? (
                      <>
                        {formatSignedPercent(figure.statedChange)}
                        <span className="block text-xs text-muted-foreground">as stated</span>
                      </>
                    ) : change === null ? (
                      MISSING
                    ) : (
                      formatSignedPercent(change)
                    )}
                  </td>
                  <td className="px-3 py-2">
                    {figure.meta.sourceUrl ? (
                      <a
                        href={figure.meta.sourceUrl}
                        className="underline underline-offset-2"
                        rel="noopener noreferrer"
                        target="_blank"
                      >
                        {figure.meta.sourcePublisher}
                      </a>
                    ) : (
                      figure.meta.sourcePublisher
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
