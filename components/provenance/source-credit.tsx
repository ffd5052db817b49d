import { useTranslations } from 'next-intl';
import type { SourceAttribution } from '@/lib/queries/overview';

const withoutFinalStop = (text: string) => text.replace(/\.\s*$/, '');

/**
 * Credits the sources behind a chart or table with the wording each source asks for, linked to
 * the publisher, and the data vintage so that readers can tell releases apart. Attributions and
 * vintages are citations (<cite>): they stay as each source words them, in every language.
 */
export function SourceCredit({ sources }: { sources: readonly SourceAttribution[] }) {
  const t = useTranslations('Provenance');
  if (sources.length === 0) return <span>{t('notRecorded')}</span>;
  return (
    <span>
      {t('label', { count: sources.length })}{' '}
      {sources.map((source, index) => (
        <span key={source.id}>
          {index > 0 ? '; ' : null}
          {source.url ? (
            <a
              href={source.url}
              className="underline underline-offset-2 hover:text-foreground"
              rel="noopener noreferrer"
              target="_blank"
            >
              <cite className="not-italic">{withoutFinalStop(source.attribution)}</cite>
            </a>
          ) : (
            <cite className="not-italic">{withoutFinalStop(source.attribution)}</cite>
          )}
          {source.vintage
            ? t.rich('vintage', {
                vintage: withoutFinalStop(source.vintage),
                cite: (chunks) => <cite className="not-italic">{chunks}</cite>,
              })
            : null}
          {index === sources.length - 1 ? '.' : null}
        </span>
      ))}
    </span>
  );
}
