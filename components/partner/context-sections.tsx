import { nameCollator } from '@/lib/i18n/collation';
import { AgreementsList } from '@/components/partner/agreements-list';
import { EventsList } from '@/components/partner/events-list';
import { InvestmentSection } from '@/components/partner/investment-section';
import { PresenceFigures } from '@/components/partner/presence-section';
import { NewsFiguresTable } from '@/components/news/news-figures-table';
import { useLocale, useTranslations } from 'next-intl';
import type { UsdPerEurRate } from '@/lib/charts/currency';
import { coverageList } from '@/lib/charts/partner-profile';
import type { Locale } from '@/lib/i18n/locales';
import { partnerName } from '@/lib/i18n/partner-names';
import type { CoveredPartner } from '@/lib/queries/coverage';
import type { PartnerContext } from '@/lib/queries/partner-context';

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
  const t = useTranslations('Profile.context');
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
          <span className="text-muted-foreground">{t('noneRecorded')}</span>
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
  partnerName: partner,
  context,
  rates,
}: {
  partnerName: string;
  context: PartnerContext;
  rates: readonly UsdPerEurRate[];
}) {
  const t = useTranslations('Profile.context');
  const locale: Locale = useLocale();
  const collator = nameCollator(locale);
  // "China, France and Germany", each named and sorted in the page's language.
  const names = (partners: readonly CoveredPartner[]) =>
    coverageList(partners.map((p) => partnerName(locale, p)).sort(collator.compare), {
      none: t('noPartner'),
      pair: (init, last) => t('listPair', { init, last }),
      more: (shown, count) => t('listMore', { shown, count }),
    });
  const { coverage, agreements, events, presence, investment, quotedCounts } = context;
  const openings = events.filter((e) => e.kind === 'INAUGURATION' && !e.title.startsWith('Planned'));
  const hasAgreements = agreements.rows.length > 0 || agreements.statedCounts.length > 0 || quotedCounts.length > 0;
  return (
    <>
      <ContextSection
        id="investment"
        title={t('investmentTitle', { partner })}
        coverage={t('investmentCoverage', { list: names(coverage.investment) })}
        empty={investment.length === 0}
      >
        <InvestmentSection partnerName={partner} figures={investment} rates={rates} />
      </ContextSection>
      <ContextSection
        id="agreements"
        title={t('agreementsTitle')}
        coverage={t('agreementsCoverage', { list: names(coverage.articleAgreements) })}
        empty={!hasAgreements}
      >
        {agreements.rows.length > 0 || agreements.statedCounts.length > 0 ? (
          <AgreementsList partnerName={partner} list={agreements} />
        ) : null}
        {quotedCounts.length > 0 ? (
          <div className="space-y-2">
            <h3 className="text-base font-semibold">{t('countedHeading')}</h3>
            <p className="max-w-3xl text-sm text-muted-foreground">{t('countedIntro')}</p>
            <NewsFiguresTable
              figures={quotedCounts}
              rates={rates}
              showPartner={false}
              caption={t('countedCaption', { partner })}
              testId="quoted-agreement-counts"
            />
          </div>
        ) : null}
      </ContextSection>
      <ContextSection
        id="events"
        title={t('eventsTitle')}
        coverage={t('eventsCoverage', { list: names(coverage.events) })}
        empty={events.length === 0}
      >
        <EventsList events={events} />
      </ContextSection>
      <ContextSection
        id="presence"
        title={t('presenceTitle')}
        coverage={t('presenceCoverage', { list: names(coverage.presence) })}
        empty={presence.length === 0 && openings.length === 0}
      >
        <PresenceFigures partnerName={partner} figures={presence} openings={openings} />
      </ContextSection>
    </>
  );
}
