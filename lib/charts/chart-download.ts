// Names and context of chart downloads: a file name built from the view, so that a folder of
// downloads sorts and reads by what each picture shows, and the lines a picture carries so that
// it still says what it is once it has left the page. Pure; components/charts/chart-export.ts
// draws them.
import { chartTexts, type ChartTexts } from '@/lib/i18n/chart-texts';

export const DOWNLOAD_PREFIX = 'kaz-trade';

/**
 * "kaz-trade-turnover-share-log-AGG_EU-CHN-RUS-2000-2025". Parts keep their case (callers pass
 * words in lower case, partner codes in upper case); accents are dropped and anything but
 * letters, digits and "_" becomes "-". Empty parts are left out.
 */
export function chartFileName(parts: readonly (string | number | false | null | undefined)[]): string {
  const words = parts
    .filter((part): part is string | number => part !== false && part !== null && part !== undefined && part !== '')
    .map((part) =>
      String(part)
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^A-Za-z0-9_]+/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter(Boolean);
  return [DOWNLOAD_PREFIX, ...words].join('-');
}

/** A span of years as a file name part: "2000-2025", or one year. */
export function yearSpan(fromYear: number | null | undefined, toYear: number | null | undefined): string | null {
  if (fromYear === null || fromYear === undefined || toYear === null || toYear === undefined) return null;
  return fromYear === toYear ? String(fromYear) : `${fromYear}-${toYear}`;
}

export interface CompareDownloadView {
  flow: string;
  mode: 'absolute' | 'share' | 'index' | 'change';
  scale: 'linear' | 'log';
  currency: 'USD' | 'EUR';
  partners: readonly string[];
  from: number;
  to: number;
}

const COMPARE_MODE_WORDS: Record<CompareDownloadView['mode'], string> = {
  absolute: 'value',
  share: 'share',
  index: 'index',
  change: 'change',
};

/** The compare chart's file name: flow, mode, scale (when logarithmic), currency (when converted), partners, years. */
export function compareChartFileName(view: CompareDownloadView): string {
  return chartFileName([
    view.flow,
    COMPARE_MODE_WORDS[view.mode],
    view.scale === 'log' && 'log',
    view.currency === 'EUR' && 'eur',
    ...view.partners,
    yearSpan(view.from, view.to),
  ]);
}

/** "Share of Kazakhstan’s total, logarithmic scale, US dollars": what the picture's numbers are. */
export function compareChartContext(
  view: Pick<CompareDownloadView, 'mode' | 'scale' | 'currency'>,
  texts: ChartTexts = chartTexts(),
): string {
  const currency =
    view.mode === 'absolute' || view.mode === 'change'
      ? `, ${view.currency === 'EUR' ? texts('context.eur') : texts('context.usd')}`
      : '';
  return `${texts(`context.${view.mode}`)}, ${texts('context.scale', { scale: view.scale })}${currency}`;
}
