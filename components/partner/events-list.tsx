import { SourceCitation } from '@/components/sources/source-citation';
import { eventDatePrecision } from '@/lib/charts/partner-profile';
import { formatIsoDate } from '@/lib/format';
import type { PartnerEventItem } from '@/lib/queries/events';

const KIND_LABELS: Record<string, string> = {
  DIPLOMATIC_RELATIONS: 'Diplomatic relations',
  ANNIVERSARY: 'Anniversary',
  INAUGURATION: 'Opening',
  FORUM: 'Forum',
  VISIT: 'Visit',
  MEETING: 'Meeting',
  RESOLUTION: 'Resolution',
  SIGNING: 'Signing',
  OTHER: 'Event',
};

function eventDate(event: PartnerEventItem): string {
  const precision = eventDatePrecision(event.date, event.endDate);
  const start = formatIsoDate(event.date, precision);
  if (precision === 'day' && event.endDate && event.endDate !== event.date)
    return `${start} to ${formatIsoDate(event.endDate)}`;
  return start;
}

/**
 * Events oldest first, each dated only as precisely as its source allows. Where the date was worked
 * out, the reasoning sits behind a disclosure; curation notes never reach the page.
 */
export function EventsList({ events }: { events: readonly PartnerEventItem[] }) {
  return (
    <ol className="relative space-y-4 border-l border-border pl-5" data-testid="events-list">
      {events.map((event) => (
        <li key={event.key} className="relative" data-testid="event">
          <span
            aria-hidden="true"
            className="absolute top-1.5 -left-[1.45rem] h-2.5 w-2.5 rounded-full border-2 border-accent bg-card"
          />
          <p className="text-xs text-muted-foreground">
            <time dateTime={event.date}>{eventDate(event)}</time>
            {event.dateInferred ? ' (date inferred)' : ''} · {KIND_LABELS[event.kind] ?? 'Event'}
            {event.place ? ` · ${event.place}` : ''}
          </p>
          <p className="text-sm font-medium">{event.title}</p>
          {event.summary ? <p className="text-sm text-muted-foreground">{event.summary}</p> : null}
          {event.dateBasis ? (
            <details className="text-xs text-muted-foreground">
              <summary className="cursor-pointer underline-offset-2 hover:underline">
                How this date was worked out
              </summary>
              <p className="mt-1 max-w-3xl">{event.dateBasis}</p>
            </details>
          ) : null}
          <p className="text-xs text-muted-foreground">
            Source: <SourceCitation citation={event.citation} />
          </p>
        </li>
      ))}
    </ol>
  );
}
