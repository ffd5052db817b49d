import { useLocale, useTranslations } from 'next-intl';
import { formatIsoDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import type { Citation } from '@/lib/queries/citations';

const PRECISION = { DAY: 'day', MONTH: 'month', YEAR: 'year' } as const;

/** A source's date as precisely as it is known, in the page's language, marked when it was worked out rather than stated. */
export function useSourceDate(iso: string | null, precision: keyof typeof PRECISION, inferred: boolean): string | null {
  const locale: Locale = useLocale();
  const t = useTranslations('Citation');
  if (!iso) return null;
  const date = formatIsoDate(iso, PRECISION[precision], locale);
  return inferred ? t('dateInferred', { date }) : date;
}

/**
 * One citation in running text: outlet or publisher, the headline (linked to the page), its date,
 * and where in the source. Used wherever a record names its source, so every screen cites alike.
 */
export function SourceCitation({ citation, showLocator = true }: { citation: Citation; showLocator?: boolean }) {
  const date = useSourceDate(citation.publishedOn, citation.publishedOnPrecision, citation.publishedOnInferred);
  const isDataset = citation.kind === 'STATISTICAL_DATASET' || citation.kind === 'RESEARCH_DATASET';
  const title = isDataset || citation.titleBasis === 'described' ? citation.title : `“${citation.title}”`;
  // The headline and the place in the article are quoted as published, in English (docs/i18n.md).
  return (
    <cite className="not-italic">
      {citation.outletName ?? citation.publisher},{' '}
      {citation.url ? (
        <a
          href={citation.url}
          lang="en"
          className="underline underline-offset-2"
          rel="noopener noreferrer"
          target="_blank"
        >
          {title}
        </a>
      ) : (
        <span lang="en">{title}</span>
      )}
      {date && !isDataset ? `, ${date}` : ''}
      {showLocator && citation.locator ? <span lang="en"> ({citation.locator})</span> : null}
    </cite>
  );
}
