import { ScrollRegion } from '@/components/ui/scroll-region';
import type { UsdPerEurRate } from '@/lib/charts/currency';
import { formatIsoDate } from '@/lib/format';
import type { NewsFigure } from '@/lib/queries/news-figures';
import {
  newsFigureAmount,
  newsFigureConversion,
  newsFigureDerivation,
  newsFigurePeriod,
  newsFigureReporter,
} from './news-figure-text';

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
  emptyMessage = 'No figures.',
  showIndicator = true,
}: NewsFiguresTableProps) {
  if (figures.length === 0) {
    return (
      <p
        data-testid={testId}
        data-empty="true"
        className="rounded-md border border-dashed border-border px-3 py-4 text-sm text-muted-foreground"
      >
        {emptyMessage}
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
              Figure
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Period
            </th>
            {showPartner ? (
              <th scope="col" className="px-3 py-2 font-semibold">
                Between
              </th>
            ) : null}
            <th scope="col" className="px-3 py-2 font-semibold">
              Whose statistics
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Source
            </th>
          </tr>
        </thead>
        <tbody>
          {figures.map((figure) => {
            const conversion = newsFigureConversion(figure, rates);
            const derivation = newsFigureDerivation(figure);
            return (
              <tr key={figure.id} className="border-t border-border align-top">
                <td className="px-3 py-2">
                  {showIndicator ? <span className="font-medium">{figure.indicatorLabel}: </span> : null}
                  {newsFigureAmount(figure)}
                  {conversion ? <span className="block text-xs text-muted-foreground">{conversion}</span> : null}
                  {derivation ? <span className="block text-xs text-muted-foreground">{derivation}</span> : null}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">{newsFigurePeriod(figure)}</td>
                {showPartner ? (
                  <td className="px-3 py-2">
                    {figure.reporterCode === 'KAZ' || figure.reporterCode === 'XXX'
                      ? `Kazakhstan – ${figure.partnerName}`
                      : `${figure.reporterName} – ${figure.partnerName}`}
                  </td>
                ) : null}
                <td className="px-3 py-2">{newsFigureReporter(figure)}</td>
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
                    figure.sourcePublisher
                  )}
                  <span className="block text-xs text-muted-foreground">
                    {figure.publishedOn ? formatIsoDate(figure.publishedOn) : 'undated page'}
                    {figure.locator ? `, ${figure.locator}` : ''}
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
