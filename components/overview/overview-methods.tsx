import { useTranslations } from 'next-intl';
import { MethodsNote } from '@/components/charts/methods-note';
import { SourceCredit } from '@/components/provenance/source-credit';
import type { SourceAttribution } from '@/lib/queries/source-attribution';

/** The overview's charts' common ground, said once: the official series and the sources of both charts. */
export function OverviewMethods({ sources }: { sources: readonly SourceAttribution[] }) {
  const unique = [...new Map(sources.map((source) => [source.id, source])).values()];
  const t = useTranslations();
  return (
    <MethodsNote>
      <p>{t('ChartTexts.officialSeries')}</p>
      <p>{t('overview.methods.breaks')}</p>
      <p>
        <SourceCredit sources={unique} />
      </p>
    </MethodsNote>
  );
}
