import { useTranslations } from 'next-intl';
import { MethodsNote } from '@/components/charts/methods-note';
import { SourceCredit } from '@/components/provenance/source-credit';
import type { SourceAttribution } from '@/lib/queries/source-attribution';

/** The compare page's methods note: the official series its chart and table read, and their sources. */
export function CompareMethods({ sources }: { sources: readonly SourceAttribution[] }) {
  const t = useTranslations();
  return (
    <MethodsNote>
      <p>{t('ChartTexts.officialSeries')}</p>
      <p>{t('Compare.methods.breakLine')}</p>
      <p>
        <SourceCredit sources={sources} />
      </p>
    </MethodsNote>
  );
}
