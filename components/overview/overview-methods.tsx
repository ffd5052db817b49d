import { MethodsNote } from '@/components/charts/methods-note';
import { SourceCredit } from '@/components/provenance/source-credit';
import { OFFICIAL_SERIES_NOTE } from '@/lib/charts/provenance-text';
import type { SourceAttribution } from '@/lib/queries/source-attribution';

/** The overview's charts' common ground, said once: the official series and the sources of both charts. */
export function OverviewMethods({ sources }: { sources: readonly SourceAttribution[] }) {
  const unique = [...new Map(sources.map((source) => [source.id, source])).values()];
  return (
    <MethodsNote>
      <p>{OFFICIAL_SERIES_NOTE}</p>
      <p>
        A vertical line on a chart marks a break in the series (a change of source or of coverage); each chart names the
        breaks it crosses under it.
      </p>
      <p>
        <SourceCredit sources={unique} />
      </p>
    </MethodsNote>
  );
}
