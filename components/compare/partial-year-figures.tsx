import { useLocale, useTranslations } from 'next-intl';
import { ScrollRegion } from '@/components/ui/scroll-region';
import {
  comparePartialFigures,
  likeForLike,
  monthSpanLabel,
  spanFromDates,
  type PartialFigure,
} from '@/lib/charts/partial-period';
import { formatSignedPercent, formatUsdMillions, MISSING } from '@/lib/format';
import { partnerName } from '@/lib/i18n/partner-names';
import type { NewsFigure } from '@/lib/queries/news-figures';
import type { YearToDate } from '@/lib/queries/overview';
import type { CompareFlow } from '@/lib/search-params/compare';
import { newsFigureAmount, newsFigureReporter } from '@/components/news/news-figure-text';

interface PartialYearFiguresProps {
  flow: CompareFlow;
  figures: readonly NewsFigure[];
  yearToDate: YearToDate | null;
  /** Partner names in the page's language, by code (the picker's). */
  names: ReadonlyMap<string, string>;
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
export function PartialYearFigures({ flow, figures, yearToDate, names }: PartialYearFiguresProps) {
  const t = useTranslations('Compare.partial');
  const locale = useLocale();
  const name = (code: string, english: string) => names.get(code) ?? partnerName(locale, { code, name: english });
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
        {t('heading')}
      </h2>
      <p className="max-w-3xl text-sm text-muted-foreground">{t('intro')}</p>
      {yearToDate && ytdLatest ? (
        <p className="text-sm" data-testid="year-to-date">
          <span className="font-medium">
            {t('total', {
              months: monthSpanLabel({ firstMonth: 1, lastMonth: yearToDate.lastMonth }, { locale }),
              year: String(ytdLatest.year),
            })}
          </span>{' '}
          {formatUsdMillions(ytdLatest.value, locale)}
          {ytdPrevious ? (
            <>
              {' '}
              {t('against', {
                previous: formatUsdMillions(ytdPrevious.value, locale),
                year: String(ytdPrevious.year),
                change: formatSignedPercent(ytdLatest.changeOnYear, 1, locale),
              })}
            </>
          ) : null}{' '}
          <span className="text-muted-foreground">{t('sumNote')}</span>
        </p>
      ) : null}
      {comparisons.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('none')}</p>
      ) : (
        <ScrollRegion label={t('tableLabel')} className="rounded-lg border border-border bg-card">
          <table className="w-full min-w-[44rem] border-collapse text-sm">
            <caption className="sr-only">{t('caption')}</caption>
            <thead>
              <tr className="text-left">
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t('between')}
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t('months')}
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t('figure')}
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t('sameMonths')}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">
                  {t('change')}
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t('source')}
                </th>
              </tr>
            </thead>
            <tbody>
              {comparisons.map(({ figure, previous, change, circular }) => (
                <tr key={figure.meta.id} className="border-t border-border align-top">
                  <td className="px-3 py-2">
                    {/* Partner statistics have the partner as reporter and Kazakhstan as counterpart. */}
                    {figure.meta.partnerCode === 'KAZ'
                      ? name(figure.meta.reporterCode, figure.meta.reporterName)
                      : name(figure.meta.partnerCode, figure.meta.partnerName)}
                    <span className="block text-xs text-muted-foreground">
                      {newsFigureReporter(
                        figure.meta,
                        locale,
                        name(figure.meta.reporterCode, figure.meta.reporterName),
                      )}
                    </span>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {monthSpanLabel(figure, { locale })} {figure.year}
                  </td>
                  <td className="px-3 py-2">{newsFigureAmount(figure.meta, locale)}</td>
                  <td className="px-3 py-2">
                    {previous
                      ? `${newsFigureAmount(previous.meta, locale)} (${previous.meta.sourcePublisher})`
                      : t('noPrevious')}
                    {circular ? <span className="block text-xs text-muted-foreground">{t('workedBack')}</span> : null}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums" data-testid="partial-change">
                    {circular && figure.statedChange != null ? (
                      <>
                        {formatSignedPercent(figure.statedChange, 1, locale)}
                        <span className="block text-xs text-muted-foreground">{t('asStated')}</span>
                      </>
                    ) : change === null ? (
                      MISSING
                    ) : (
                      formatSignedPercent(change, 1, locale)
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
