import type { SourceAttribution } from '@/lib/queries/source-attribution';

/** Every source the profile draws on, credited as each asks. */
export function PageSources({ sources }: { sources: SourceAttribution[] }) {
  return (
    <section aria-labelledby="sources-heading" className="space-y-2">
      <h2 id="sources-heading" className="text-lg font-semibold">
        Sources on this page
      </h2>
      <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="partner-sources">
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
    </section>
  );
}
