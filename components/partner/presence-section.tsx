import { SourceCitation } from '@/components/sources/source-citation';
import { formatIsoDate } from '@/lib/format';
import type { PresenceFigure } from '@/lib/queries/presence';
import type { PartnerEventItem } from '@/lib/queries/events';

const titleCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One figure as a sentence a reader can cite; the indicator's code never shows. */
function describe(f: PresenceFigure, partnerName: string): string {
  switch (f.indicatorCode) {
    case 'honorary_consulates_in_partner':
      return `${f.value} honorary consulate${f.value === '1' ? '' : 's'} of Kazakhstan in ${partnerName}`;
    case 'embassies_planned':
      return `A Kazakh embassy in ${partnerName} planned for ${f.year ?? 'a year not given'} (plan for 2012–2014)`;
    case 'trade_representations_in_kaz':
      return `${partnerName} has a trade representation in Almaty`;
    default:
      return `${f.label}: ${f.value}`;
  }
}

function asOf(f: PresenceFigure): string {
  if (f.indicatorCode === 'embassies_planned') return '';
  if (!f.asOf) return '';
  const text = formatIsoDate(f.asOf, f.asOfPrecision === 'YEAR' ? 'year' : 'day');
  return `as of ${text}${f.dateInferred ? ' (date inferred)' : ''}`;
}

/**
 * The stored diplomatic-presence figures for one partner (totals, with the places a total lists
 * beside it rather than added to it) and the openings recorded as events.
 */
export function PresenceFigures({
  partnerName,
  figures,
  openings,
}: {
  partnerName: string;
  figures: readonly PresenceFigure[];
  openings: readonly PartnerEventItem[];
}) {
  const totals = figures.filter((f) => f.item === '');
  const itemsOf = (f: PresenceFigure) =>
    figures
      .filter((x) => x.item !== '' && x.indicatorCode === f.indicatorCode && x.asOf === f.asOf)
      .map((x) => titleCase(x.item));
  return (
    <div className="space-y-3" data-testid="presence-figures">
      {totals.length > 0 ? (
        <ul className="space-y-2 text-sm">
          {totals.map((f) => {
            const items = itemsOf(f);
            return (
              <li key={`${f.indicatorCode}-${f.period}`} className="rounded-md border border-border bg-card px-3 py-2">
                {describe(f, partnerName)}
                {items.length > 0 ? ` (${items.join(', ')})` : ''}{' '}
                <span className="text-muted-foreground">{asOf(f)}</span>
                <span className="block text-xs text-muted-foreground">
                  Source: <SourceCitation citation={f.citation} />
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
      {openings.length > 0 ? (
        <ul className="space-y-1 text-sm">
          {openings.map((e) => (
            <li key={e.key}>
              {e.title} ({formatIsoDate(e.date)}).{' '}
              <span className="text-xs text-muted-foreground">
                Source: <SourceCitation citation={e.citation} />
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
