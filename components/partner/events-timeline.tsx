import { eventDatePrecision } from '@/lib/charts/partner-profile';
import { formatIsoDate } from '@/lib/format';
import type { PartnerEvent } from '@/lib/queries/partner-profile';

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

function eventDate(event: PartnerEvent): string {
  const precision = eventDatePrecision(event.date, event.endDate);
  const start = formatIsoDate(event.date, precision);
  if (precision === 'day' && event.endDate && event.endDate !== event.date)
    return `${start} to ${formatIsoDate(event.endDate)}`;
  return start;
}

/** Events oldest first, each dated only as precisely as its source allows, with the source. */
export function EventsTimeline({ partnerName, events }: { partnerName: string; events: readonly PartnerEvent[] }) {
  return (
    <section aria-labelledby="events-heading" className="space-y-3" data-testid="events-section">
      <h2 id="events-heading" className="text-lg font-semibold">
        Events
      </h2>
      {events.length === 0 ? (
        <p
          data-empty="true"
          className="rounded-md border border-dashed border-border px-3 py-4 text-sm text-muted-foreground"
        >
          No event involving {partnerName} is recorded in the source articles.
        </p>
      ) : (
        <ol className="relative space-y-4 border-l border-border pl-5">
          {events.map((event) => (
            <li key={event.key} className="relative">
              <span
                aria-hidden="true"
                className="absolute top-1.5 -left-[1.45rem] h-2.5 w-2.5 rounded-full border-2 border-accent bg-card"
              />
              <p className="text-xs text-muted-foreground">
                <time dateTime={event.date}>{eventDate(event)}</time>
                {event.dateInferred ? ' (date inferred from the article)' : ''} ·{' '}
                {KIND_LABELS[event.kind] ?? event.kind}
                {event.place ? ` · ${event.place}` : ''}
              </p>
              <p className="text-sm font-medium">{event.title}</p>
              {event.note ? <p className="text-sm text-muted-foreground">{event.note}</p> : null}
              <p className="text-xs text-muted-foreground">
                Source:{' '}
                {event.source.url ? (
                  <a
                    href={event.source.url}
                    className="underline underline-offset-2"
                    rel="noopener noreferrer"
                    target="_blank"
                  >
                    {event.source.title}
                  </a>
                ) : (
                  event.source.title
                )}
                {event.locator ? `, ${event.locator}` : ''}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
