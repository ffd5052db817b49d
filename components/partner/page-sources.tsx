import { MethodsNote } from '@/components/charts/methods-note';
import { OFFICIAL_SERIES_NOTE } from '@/lib/charts/provenance-text';
import type { SourceAttribution } from '@/lib/queries/source-attribution';

/**
 * The profile's methods note: what its charts share (the official series; the mirror charts' one
 * release), then every source the profile draws on, credited as each asks.
 */
export function PageSources({ sources, hasMirror }: { sources: SourceAttribution[]; hasMirror: boolean }) {
  return (
    <MethodsNote>
      <p>{OFFICIAL_SERIES_NOTE}</p>
      <p>
        A vertical line on a chart marks a break in the series (a change of source or of coverage); each chart names the
        breaks it crosses under it.
      </p>
      {hasMirror ? (
        <p>
          Partner’s statistics: both sides come from IMF DOTS (one release), so a gap is between reporters, not between
          databases.
        </p>
      ) : null}
      <h3 className="pt-2 text-base font-semibold text-foreground">Sources on this page</h3>
      <ul className="list-disc space-y-1 pl-5 text-sm text-foreground" data-testid="partner-sources">
        {sources.map((s) => (
          <li key={s.id}>
            {s.url ? (
              <a href={s.url} className="underline underline-offset-2" rel="noopener noreferrer" target="_blank">
                {s.attribution}
              </a>
            ) : (
              s.attribution
            )}
            {s.vintage ? <span className="text-muted-foreground"> (vintage: {s.vintage})</span> : null}
            {/* News attributions name only the site; the page title tells two pages of one site apart. */}
            {!s.attribution.includes(s.title) ? (
              <span className="block text-xs text-muted-foreground">{s.title}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </MethodsNote>
  );
}
