import { useTranslations } from 'next-intl';
import { MethodsNote } from '@/components/charts/methods-note';
import type { SourceAttribution } from '@/lib/queries/source-attribution';

/**
 * The profile's methods note: what its charts share (the official series; the mirror charts' one
 * release), then every source the profile draws on, credited as each asks.
 */
export function PageSources({ sources, hasMirror }: { sources: SourceAttribution[]; hasMirror: boolean }) {
  const t = useTranslations();
  return (
    <MethodsNote>
      <p>{t('ChartTexts.officialSeries')}</p>
      <p>{t('Profile.sources.breakLine')}</p>
      {hasMirror ? <p>{t('Profile.sources.mirror')}</p> : null}
      <h3 className="pt-2 text-base font-semibold text-foreground">{t('Profile.sources.heading')}</h3>
      <ul className="list-disc space-y-1 pl-5 text-sm text-foreground" data-testid="partner-sources">
        {sources.map((s) => (
          <li key={s.id}>
            {s.url ? (
              <a href={s.url} className="underline underline-offset-2" rel="noopener noreferrer" target="_blank">
                <cite className="not-italic">{s.attribution}</cite>
              </a>
            ) : (
              <cite className="not-italic">{s.attribution}</cite>
            )}
            {s.vintage ? (
              <span className="text-muted-foreground">
                {t.rich('Provenance.vintage', {
                  vintage: s.vintage,
                  cite: (chunks) => <cite className="not-italic">{chunks}</cite>,
                })}
              </span>
            ) : null}
            {/* News attributions name only the site; the page title tells two pages of one site apart. */}
            {!s.attribution.includes(s.title) ? (
              <cite className="block text-xs text-muted-foreground not-italic">{s.title}</cite>
            ) : null}
          </li>
        ))}
      </ul>
    </MethodsNote>
  );
}
