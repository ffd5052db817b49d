import { AgreementsList } from '@/components/partner/agreements-list';
import { EventsList } from '@/components/partner/events-list';
import { InvestmentSection } from '@/components/partner/investment-section';
import { PresenceFigures } from '@/components/partner/presence-section';
import { NewsFiguresTable } from '@/components/news/news-figures-table';
import type { UsdPerEurRate } from '@/lib/charts/currency';
import type { PartnerContext } from '@/lib/queries/partner-context';

/** "A, B, C and 4 more": coverage lines name what is covered without becoming a list. */
function names(list: readonly string[], max = 6): string {
  if (list.length === 0) return 'no partner';
  const shown = list.slice(0, max);
  const rest = list.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : (shown[0] ?? '');
}

interface SectionProps {
  id: string;
  title: string;
  /** One line: what the section's sources cover, said whether or not this partner has anything. */
  coverage: string;
  empty: boolean;
  children?: React.ReactNode;
}

/** A context section; when empty it is one line inside a closed disclosure instead of empty boxes. */
function ContextSection({ id, title, coverage, empty, children }: SectionProps) {
  if (empty) {
    return (
      <details
        className="rounded-md border border-dashed border-border px-3 py-2 text-sm"
        data-testid={`${id}-section`}
        data-empty="true"
      >
        <summary className="cursor-pointer">
          <h2 id={`${id}-heading`} className="inline text-base font-semibold">
            {title}
          </h2>
          <span className="text-muted-foreground">: none recorded for this partner</span>
        </summary>
        <p className="mt-1 max-w-3xl text-muted-foreground">{coverage}</p>
      </details>
    );
  }
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3" data-testid={`${id}-section`}>
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="max-w-3xl text-xs text-muted-foreground" data-testid={`${id}-coverage`}>
        {coverage}
      </p>
      {children}
    </section>
  );
}

/**
 * The profile's context sections (investment, agreements, events, diplomatic presence). Each says in
 * one line what its sources cover; a section with nothing for this partner folds to that line.
 */
export function PartnerContextSections({
  partnerName,
  context,
  rates,
}: {
  partnerName: string;
  context: PartnerContext;
  rates: readonly UsdPerEurRate[];
}) {
  const { coverage, agreements, events, presence, investment, quotedCounts } = context;
  const openings = events.filter((e) => e.kind === 'INAUGURATION' && !e.title.startsWith('Planned'));
  const hasAgreements = agreements.rows.length > 0 || agreements.statedCounts.length > 0 || quotedCounts.length > 0;
  return (
    <>
      <ContextSection
        id="investment"
        title={`Investment from ${partnerName}`}
        coverage={`Investment figures come from news pages and the source articles, not from an official series by partner; they cover ${names(coverage.investment)}.`}
        empty={investment.length === 0}
      >
        <InvestmentSection partnerName={partnerName} figures={investment} rates={rates} />
      </ContextSection>
      <ContextSection
        id="agreements"
        title="Agreements"
        coverage={`Trade agreements of every partner come from DESTA (signed up to 2018; it records entry into force, not later termination); other agreements, memoranda and plans only from the five source articles, which cover ${names(coverage.articleAgreements)}.`}
        empty={!hasAgreements}
      >
        {agreements.rows.length > 0 || agreements.statedCounts.length > 0 ? (
          <AgreementsList partnerName={partnerName} list={agreements} />
        ) : null}
        {quotedCounts.length > 0 ? (
          <div className="space-y-2">
            <h3 className="text-base font-semibold">Documents counted in the news</h3>
            <p className="max-w-3xl text-sm text-muted-foreground">
              Numbers of documents signed at a visit or summit, as officials and the press state them: counts, not a
              list, and they may overlap with the agreements above.
            </p>
            <NewsFiguresTable
              figures={quotedCounts}
              rates={rates}
              showPartner={false}
              caption={`Document counts quoted for ${partnerName}`}
              testId="quoted-agreement-counts"
            />
          </div>
        ) : null}
      </ContextSection>
      <ContextSection
        id="events"
        title="Events"
        coverage={`Events come only from the five source articles, which cover ${names(coverage.events)}.`}
        empty={events.length === 0}
      >
        <EventsList events={events} />
      </ContextSection>
      <ContextSection
        id="presence"
        title="Diplomatic presence"
        coverage={`Presence figures come from the source articles (Kazakhstan's network in 2011, its 2012–2014 embassy plan, consulates in France); they cover ${names(coverage.presence)}. Kazakhstan's whole network is on the presence page.`}
        empty={presence.length === 0 && openings.length === 0}
      >
        <PresenceFigures partnerName={partnerName} figures={presence} openings={openings} />
      </ContextSection>
    </>
  );
}
