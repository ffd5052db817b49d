import { MethodsNote } from '@/components/charts/methods-note';
import { SourceCredit } from '@/components/provenance/source-credit';
import { OFFICIAL_SERIES_NOTE } from '@/lib/charts/provenance-text';
import type { SourceAttribution } from '@/lib/queries/source-attribution';

/** The compare page's methods note: the official series its chart and table read, and their sources. */
export function CompareMethods({ sources }: { sources: readonly SourceAttribution[] }) {
  return (
    <MethodsNote>
      <p>{OFFICIAL_SERIES_NOTE}</p>
      <p>
        A vertical line on the chart marks a break in the series (a change of source or of coverage); the chart names
        the breaks it crosses under it.
      </p>
      <p>
        <SourceCredit sources={sources} />
      </p>
    </MethodsNote>
  );
}
