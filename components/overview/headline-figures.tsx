import { useLocale, useTranslations } from 'next-intl';
import { likeForLike, monthSpanLabel } from '@/lib/charts/partial-period';
import { shortSourceName, worldTotalOrigin } from '@/lib/charts/provenance-text';
import { formatSignedPercent, formatUsdMillions, formatUsdMillionsShort } from '@/lib/format';
import { chartTexts } from '@/lib/i18n/chart-texts';
import type { WorldHeadline, YearToDate } from '@/lib/queries/overview';

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
  const t = useTranslations('overview.headline');
  const locale = useLocale();
  const texts = chartTexts(locale);
  const year = headline.year;
  if (year === null) {
    return <p className="text-sm text-muted-foreground">{t('none')}</p>;
  }
  const previous = String(year - 1);
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
  const origin = turnover
    ? worldTotalOrigin({ sourceId: turnover.sourceId, derived: turnover.isDerived }, texts)
    : null;
  const totalNote =
    turnover && origin !== null
      ? turnover.previousSourceId && turnover.previousSourceId !== turnover.sourceId
        ? t('totalChanged', { origin, previous, source: shortSourceName(turnover.previousSourceId, texts) })
        : t('total', { origin })
      : null;

  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="headline-figures">
        {headline.figures.map((figure) => (
          <div key={figure.flow} className="rounded-lg border border-border bg-card p-4">
            <dt className="text-sm text-muted-foreground">
              {t('figure', { label: t(`label.${figure.flow}`), year: String(year) })}{' '}
              <span className="sr-only">({t(`hint.${figure.flow}`)})</span>
            </dt>
            <dd className="mt-1">
              <span
                className="block text-xl font-semibold tabular-nums sm:text-2xl"
                title={formatUsdMillions(figure.valueUsdMn, locale)}
              >
                {formatUsdMillionsShort(figure.valueUsdMn, locale)}
              </span>
              <span className="block text-sm tabular-nums">
                {figure.change !== null ? (
                  t.rich('changeOn', {
                    value: formatSignedPercent(figure.change, 1, locale),
                    year: previous,
                    b: (chunks) => <span className="font-medium">{chunks}</span>,
                    muted: (chunks) => <span className="text-muted-foreground">{chunks}</span>,
                  })
                ) : figure.previousUsdMn !== null ? (
                  <span className="text-muted-foreground">
                    {t('previous', { amount: formatUsdMillionsShort(figure.previousUsdMn, locale), year: previous })}
                  </span>
                ) : (
                  <span className="text-muted-foreground">{t('noPrevious', { year: previous })}</span>
                )}
              </span>
              <span className="mt-1 block text-xs text-muted-foreground" aria-hidden="true">
                {t(`hint.${figure.flow}`)}
              </span>
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-muted-foreground" data-testid="headline-notes">
        {t('notes', { year: String(year), previous })}
        {totalNote ? ` ${totalNote}` : null}
      </p>
      {yearToDate && ytdTurnover ? (
        <p className="rounded-md border border-border bg-card px-3 py-2 text-sm" data-testid="year-to-date">
          <span className="font-medium">
            {t('ytdLabel', {
              year: String(yearToDate.year),
              months: monthSpanLabel({ firstMonth: 1, lastMonth: yearToDate.lastMonth }, { locale }),
            })}
          </span>{' '}
          {ytdTurnover.changeOnYear !== null
            ? t('ytdTurnoverChange', {
                amount: formatUsdMillions(ytdTurnover.value, locale),
                change: formatSignedPercent(ytdTurnover.changeOnYear, 1, locale),
                previous: String(yearToDate.year - 1),
              })
            : t('ytdTurnover', { amount: formatUsdMillions(ytdTurnover.value, locale) })}{' '}
          <span className="text-muted-foreground">{t('ytdNote')}</span>
        </p>
      ) : null}
    </div>
  );
}
