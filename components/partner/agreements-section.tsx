import { ScrollRegion } from '@/components/ui/scroll-region';
import { formatIsoDate, formatPublishedAmount, qualifierPrefix, type QualifierValue } from '@/lib/format';
import { NewsFiguresTable } from '@/components/news/news-figures-table';
import type { UsdPerEurRate } from '@/lib/charts/currency';
import type { NewsFigure } from '@/lib/queries/news-figures';
import type { PartnerAgreement, PartnerAgreementCounts } from '@/lib/queries/partner-profile';

const KIND_LABELS: Record<string, string> = {
  TRADE_AGREEMENT: 'Trade agreement',
  PARTNERSHIP_AGREEMENT: 'Partnership agreement',
  MEMORANDUM: 'Memorandum',
  ROADMAP: 'Roadmap',
  OTHER: 'Other',
};

interface AgreementsSectionProps {
  partnerName: string;
  agreements: readonly PartnerAgreement[];
  counts: PartnerAgreementCounts;
  /** Counts quoted in the news and articles (documents signed at a visit, agreements in force). */
  quotedCounts: readonly NewsFigure[];
  rates: readonly UsdPerEurRate[];
}

function when(a: PartnerAgreement): string {
  if (a.isNegotiation) return 'under negotiation';
  const signed = a.signedOn
    ? formatIsoDate(a.signedOn)
    : a.signedYear !== null
      ? String(a.signedYear)
      : 'date not given';
  const inForce = a.inForceOn ? formatIsoDate(a.inForceOn) : a.inForceYear !== null ? String(a.inForceYear) : null;
  return inForce ? `signed ${signed}; in force ${inForce}` : `signed ${signed}`;
}

/** Agreements with counts by kind: DESTA's trade agreements and those named in the source articles. */
export function AgreementsSection({ partnerName, agreements, counts, quotedCounts, rates }: AgreementsSectionProps) {
  const byKind = new Map<string, number>();
  for (const a of agreements) byKind.set(a.kind, (byKind.get(a.kind) ?? 0) + 1);
  const desta = agreements.filter((a) => a.key.startsWith('desta:'));
  return (
    <section aria-labelledby="agreements-heading" className="space-y-3" data-testid="agreements-section">
      <h2 id="agreements-heading" className="text-lg font-semibold">
        Agreements
      </h2>
      {agreements.length === 0 ? (
        <p
          data-empty="true"
          className="rounded-md border border-dashed border-border px-3 py-4 text-sm text-muted-foreground"
        >
          No named agreement with {partnerName} is recorded in DESTA (trade agreements signed up to 2018) or in the
          source articles.
        </p>
      ) : (
        <>
          <ul className="flex flex-wrap gap-2 text-sm" aria-label="Agreements by kind">
            <li className="rounded-md border border-border bg-card px-3 py-1.5">
              <span className="font-semibold">{agreements.length}</span> in total
            </li>
            {[...byKind.entries()].map(([kind, count]) => (
              <li key={kind} className="rounded-md border border-border bg-card px-3 py-1.5">
                <span className="font-semibold">{count}</span> {(KIND_LABELS[kind] ?? kind).toLowerCase()}
                {count === 1 ? '' : 's'}
              </li>
            ))}
            {desta.length > 0 ? (
              <li className="rounded-md border border-border bg-card px-3 py-1.5">
                <span className="font-semibold">{desta.filter((a) => a.partyCount === 2).length}</span> bilateral,{' '}
                <span className="font-semibold">{desta.filter((a) => a.partyCount > 2).length}</span> with several
                parties (DESTA)
              </li>
            ) : null}
          </ul>
          {counts.destaBilateral !== null || counts.destaShared !== null ? (
            <p className="text-xs text-muted-foreground">
              DESTA’s own counts for {partnerName}: {counts.destaBilateral ?? 0} bilateral trade agreement
              {counts.destaBilateral === 1 ? '' : 's'} with Kazakhstan, {counts.destaShared ?? 0} trade agreement
              {counts.destaShared === 1 ? '' : 's'} shared in all.
            </p>
          ) : null}
          <ScrollRegion label="Agreements table" className="rounded-lg border border-border bg-card">
            <table className="w-full min-w-[40rem] border-collapse text-sm">
              <caption className="sr-only">Agreements involving Kazakhstan and {partnerName}</caption>
              <thead>
                <tr className="text-left">
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Agreement
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Kind
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    When
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Parties
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Source
                  </th>
                </tr>
              </thead>
              <tbody>
                {agreements.map((a) => (
                  <tr key={a.key} className="border-t border-border align-top">
                    <th scope="row" className="px-3 py-1.5 text-left font-normal">
                      {a.title}
                      {a.value !== null && a.currency ? (
                        <span className="block text-xs text-muted-foreground">
                          Stated value:{' '}
                          {[
                            qualifierPrefix(a.qualifier as QualifierValue),
                            formatPublishedAmount(a.value, a.currency, a.scale),
                          ]
                            .filter(Boolean)
                            .join(' ')}
                        </span>
                      ) : null}
                    </th>
                    <td className="px-3 py-1.5">{KIND_LABELS[a.kind] ?? a.kind}</td>
                    <td className="px-3 py-1.5">{when(a)}</td>
                    <td className="px-3 py-1.5 tabular-nums">{a.partyCount === 2 ? 'bilateral' : a.partyCount}</td>
                    <td className="px-3 py-1.5">
                      {a.source.url ? (
                        <a
                          href={a.source.url}
                          className="underline underline-offset-2"
                          rel="noopener noreferrer"
                          target="_blank"
                        >
                          {a.key.startsWith('desta:') ? `DESTA no. ${a.key.slice(6)}` : a.source.title}
                        </a>
                      ) : a.key.startsWith('desta:') ? (
                        `DESTA no. ${a.key.slice(6)}`
                      ) : (
                        a.source.title
                      )}
                      {a.locator && !a.locator.startsWith('DESTA no.') ? (
                        <span className="block text-xs text-muted-foreground">{a.locator}</span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
      {quotedCounts.length > 0 ? (
        <div className="space-y-2">
          <h3 className="text-base font-semibold">Agreements counted in the news and articles</h3>
          <p className="max-w-3xl text-sm text-muted-foreground">
            Numbers of documents or agreements as officials and the press state them, often for one visit or summit;
            they are not a list and may overlap with the agreements above.
          </p>
          <NewsFiguresTable
            figures={quotedCounts}
            rates={rates}
            showPartner={false}
            caption={`Agreement counts quoted for ${partnerName}`}
            testId="quoted-agreement-counts"
          />
        </div>
      ) : null}
    </section>
  );
}
