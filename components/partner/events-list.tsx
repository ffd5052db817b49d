import { useLocale, useTranslations } from 'next-intl';
import { SourceCitation } from '@/components/sources/source-citation';
import { eventDatePrecision } from '@/lib/charts/partner-profile';
import { formatIsoDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import type { PartnerEventItem } from '@/lib/queries/events';

type Translate = ReturnType<typeof useTranslations<'Profile.events'>>;

const KINDS = [
  'DIPLOMATIC_RELATIONS',
  'ANNIVERSARY',
  'INAUGURATION',
  'FORUM',
  'VISIT',
  'MEETING',
  'RESOLUTION',
  'SIGNING',
  'OTHER',
] as const;
type Kind = (typeof KINDS)[number];
const isKind = (kind: string): kind is Kind => (KINDS as readonly string[]).includes(kind);

function eventDate(event: PartnerEventItem, t: Translate, locale: Locale): string {
  const precision = eventDatePrecision(event.date, event.endDate);
  const start = formatIsoDate(event.date, precision, locale);
  if (precision === 'day' && event.endDate && event.endDate !== event.date)
    return t('range', { start, end: formatIsoDate(event.endDate, 'day', locale) });
  return start;
}

/**
 * Events oldest first, each dated only as precisely as its source allows. Where the date was worked
 * out, the reasoning sits behind a disclosure; curation notes never reach the page. Titles,
 * summaries, places and the reasoning are the curated records' own English, marked as such.
 */
export function EventsList({ events }: { events: readonly PartnerEventItem[] }) {
  const t = useTranslations('Profile.events');
  const locale: Locale = useLocale();
  return (
    <ol className="relative space-y-4 border-l border-border pl-5" data-testid="events-list">
      {events.map((event) => (
        <li key={event.key} className="relative" data-testid="event">
          <span
            aria-hidden="true"
            className="absolute top-1.5 -left-[1.45rem] h-2.5 w-2.5 rounded-full border-2 border-accent bg-card"
          />
          <p className="text-xs text-muted-foreground">
            <time dateTime={event.date}>{eventDate(event, t, locale)}</time>
            {event.dateInferred ? t('inferred') : ''} · {t(`kind.${isKind(event.kind) ? event.kind : 'OTHER'}`)}
            {event.place ? (
              <>
                {' · '}
                <span lang="en">{event.place}</span>
              </>
            ) : null}
          </p>
          <p lang="en" className="text-sm font-medium">
            <cite className="not-italic">{event.title}</cite>
          </p>
          {event.summary ? (
            <p lang="en" className="text-sm text-muted-foreground">
              {event.summary}
            </p>
          ) : null}
          {event.dateBasis ? (
            <details className="text-xs text-muted-foreground">
              <summary className="cursor-pointer py-1 underline-offset-2 hover:underline">{t('howDate')}</summary>
              <p lang="en" className="mt-1 max-w-3xl">
                {event.dateBasis}
              </p>
            </details>
          ) : null}
          <p className="text-xs text-muted-foreground">
            {t.rich('source', { citation: () => <SourceCitation citation={event.citation} /> })}
          </p>
        </li>
      ))}
    </ol>
  );
}
