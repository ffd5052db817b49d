import { useLocale, useTranslations, type Messages } from 'next-intl';
import { ScrollRegion } from '@/components/ui/scroll-region';
import type { UsdPerEurRate } from '@/lib/charts/currency';
import { formatIsoDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { partnerName } from '@/lib/i18n/partner-names';
import type { NewsFigure } from '@/lib/queries/news-figures';
import {
  newsFigureAmount,
  newsFigureConversion,
  newsFigureDerivation,
  newsFigurePeriod,
  newsFigurePeriodParts,
  newsFigureReporter,
} from './news-figure-text';

type IndicatorKey = keyof Messages['Indicators'];

/** The period: the dashboard's own words in the page's language, the source's wording as published (English). */
function Period({ figure, locale }: { figure: NewsFigure; locale: Locale }) {
  if (locale === 'en') return newsFigurePeriod(figure);
  const { label, asPublished, publishedFirst } = newsFigurePeriodParts(figure, locale);
  const quoted = asPublished ? <span lang="en">{asPublished}</span> : null;
  if (label === null) return quoted;
  if (!quoted) return label;
  return publishedFirst ? (
    <>
      {quoted} ({label})
    </>
  ) : (
    <>
      {label} {quoted}
    </>
  );
}

interface NewsFiguresTableProps {
  figures: readonly NewsFigure[];
  rates: readonly UsdPerEurRate[];
  caption: string;
  /** Show the counterpart column (off on a partner's own page). */
  showPartner?: boolean;
  testId?: string;
  emptyMessage?: string;
  /** Leave out the indicator name when the table holds one indicator only. */
  showIndicator?: boolean;
}

/**
 * Secondary figures with everything that qualifies them: wording ("about", "more than"), period,
 * whose statistics, conversion, and the page they come from.
 */
export function NewsFiguresTable({
  figures,
  rates,
  caption,
  showPartner = true,
  testId,
  emptyMessage,
  showIndicator = true,
}: NewsFiguresTableProps) {
  const t = useTranslations('NewsTable');
  const indicators = useTranslations('Indicators');
  const locale: Locale = useLocale();
  const name = (code: string, english: string) => partnerName(locale, { code, name: english });
  // An indicator added to the data later shows the database's English label until the catalogues name it.
  const indicator = (f: NewsFigure) =>
    indicators.has(f.indicatorCode as IndicatorKey) ? (
      indicators(f.indicatorCode as IndicatorKey)
    ) : (
      <span lang="en">{f.indicatorLabel}</span>
    );
  if (figures.length === 0) {
    return (
      <p
        data-testid={testId}
        data-empty="true"
        className="rounded-md border border-dashed border-border px-3 py-4 text-sm text-muted-foreground"
      >
        {emptyMessage ?? t('empty')}
      </p>
    );
  }
  return (
    <ScrollRegion label={caption} className="rounded-lg border border-border bg-card" testId={testId}>
      <table className="w-full min-w-[44rem] border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="text-left">
            <th scope="col" className="px-3 py-2 font-semibold">
              {t('figure')}
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              {t('period')}
            </th>
            {showPartner ? (
              <th scope="col" className="px-3 py-2 font-semibold">
                {t('between')}
              </th>
            ) : null}
            <th scope="col" className="px-3 py-2 font-semibold">
              {t('whose')}
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              {t('source')}
            </th>
          </tr>
        </thead>
        <tbody>
          {figures.map((figure) => {
            const conversion = newsFigureConversion(figure, rates, locale);
            const derivation = newsFigureDerivation(figure, locale);
            return (
              <tr key={figure.id} className="border-t border-border align-top">
                <td className="px-3 py-2">
                  {showIndicator ? <span className="font-medium">{indicator(figure)}: </span> : null}
                  {newsFigureAmount(figure, locale)}
                  {conversion ? <span className="block text-xs text-muted-foreground">{conversion}</span> : null}
                  {derivation ? <span className="block text-xs text-muted-foreground">{derivation}</span> : null}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  <Period figure={figure} locale={locale} />
                </td>
                {showPartner ? (
                  <td className="px-3 py-2">
                    {t('pair', {
                      reporter:
                        figure.reporterCode === 'KAZ' || figure.reporterCode === 'XXX'
                          ? t('kazakhstan')
                          : name(figure.reporterCode, figure.reporterName),
                      partner: name(figure.partnerCode, figure.partnerName),
                    })}
                  </td>
                ) : null}
                <td className="px-3 py-2">
                  {newsFigureReporter(figure, locale, name(figure.reporterCode, figure.reporterName))}
                </td>
                <td className="px-3 py-2">
                  {figure.sourceUrl ? (
                    <a
                      href={figure.sourceUrl}
                      className="underline underline-offset-2 hover:text-foreground"
                      rel="noopener noreferrer"
                      target="_blank"
                    >
                      {figure.sourcePublisher}
                    </a>
                  ) : (
                    // The publisher's name as it is written, like a linked one.
                    <cite className="not-italic">{figure.sourcePublisher}</cite>
                  )}
                  <span className="block text-xs text-muted-foreground">
                    {figure.publishedOn ? formatIsoDate(figure.publishedOn, 'day', locale) : t('undated')}
                    {/* The place in the article, as the source words it. */}
                    {figure.locator ? (
                      <>
                        ,{' '}
                        <cite lang="en" className="not-italic">
                          {figure.locator}
                        </cite>
                      </>
                    ) : null}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
