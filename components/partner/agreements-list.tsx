import { ScrollRegion } from '@/components/ui/scroll-region';
import { SourceCitation } from '@/components/sources/source-citation';
import { formatIsoDate, formatPublishedAmount, qualifierPrefix, type QualifierValue } from '@/lib/format';
import { AGREEMENT_STATUSES, type AgreementStatus } from '@/lib/constants';
import type { AgreementRow, PartnerAgreementList } from '@/lib/queries/agreements';

export const STATUS_LABELS: Record<AgreementStatus, string> = {
  IN_FORCE: 'In force',
  SIGNED: 'Signed',
  UNDER_NEGOTIATION: 'Under negotiation',
  MEMORANDUM: 'Memorandum',
  ROADMAP: 'Roadmap',
  PLAN: 'Plan',
};

const PLURAL: Record<AgreementStatus, string> = {
  IN_FORCE: 'in force',
  SIGNED: 'signed, not in force',
  UNDER_NEGOTIATION: 'under negotiation',
  MEMORANDUM: 'memoranda',
  ROADMAP: 'roadmaps',
  PLAN: 'plans',
};

function dates(a: AgreementRow): string {
  const parts: string[] = [];
  if (a.status === 'UNDER_NEGOTIATION') return 'Not signed';
  const signed = a.signedOn ? formatIsoDate(a.signedOn) : a.signedYear !== null ? String(a.signedYear) : null;
  // A roadmap is adopted and a plan agreed, not signed; say which date is missing.
  const verb = a.status === 'ROADMAP' ? 'Adopted' : a.status === 'PLAN' ? 'Agreed' : 'Signed';
  parts.push(signed ? `${verb} ${signed}` : 'Date not given');
  const precision = a.inForcePrecision === 'MONTH' ? 'month' : a.inForcePrecision === 'YEAR' ? 'year' : 'day';
  const inForce = a.inForceOn
    ? formatIsoDate(a.inForceOn, precision)
    : a.inForceYear !== null
      ? String(a.inForceYear)
      : null;
  if (inForce) parts.push(`in force ${inForce}`);
  return parts.join('; ');
}

const qualifiedCount = (value: string, qualifier: string) =>
  [qualifierPrefix(qualifier as QualifierValue), value].filter(Boolean).join(' ');

/**
 * Agreements one row each, with counts by status that equal the rows listed, and the counts that
 * sources state without a list ("more than 35 in force") beside the list, never in it.
 */
export function AgreementsList({ partnerName, list }: { partnerName: string; list: PartnerAgreementList }) {
  const statuses = AGREEMENT_STATUSES.filter((s) => list.countsByStatus[s] > 0);
  return (
    <div className="space-y-3" data-testid="agreements-list">
      <ul
        className="flex flex-wrap gap-2 text-sm"
        aria-label={`Agreements with ${partnerName} by status`}
        data-testid="agreement-counts"
      >
        <li className="rounded-md border border-border bg-card px-3 py-1.5">
          <span className="font-semibold tabular-nums">{list.rows.length}</span> listed
        </li>
        {statuses.map((s) => (
          <li key={s} className="rounded-md border border-border bg-card px-3 py-1.5" data-status={s}>
            <span className="font-semibold tabular-nums">{list.countsByStatus[s]}</span> {PLURAL[s]}
          </li>
        ))}
      </ul>
      {list.statedCounts.map((c) => (
        <p
          key={c.citation.sourceId + c.label}
          className="max-w-3xl rounded-md border-l-4 border-accent bg-card px-3 py-2 text-sm"
          data-testid="stated-agreement-count"
        >
          <span className="font-semibold">{qualifiedCount(c.value, c.qualifier)}</span> agreements in force, as the
          source states it: a count given without a list, so it is not among the rows below.{' '}
          <SourceCitation citation={c.citation} />
        </p>
      ))}
      <ScrollRegion label="Agreements table" className="rounded-lg border border-border bg-card">
        <table className="w-full min-w-[44rem] border-collapse text-sm">
          <caption className="sr-only">Agreements involving Kazakhstan and {partnerName}, one row each</caption>
          <thead>
            <tr className="text-left">
              <th scope="col" className="px-3 py-2 font-semibold">
                Agreement
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                Status
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                Dates
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                Parties
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                Sources
              </th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((a) => (
              <tr
                key={a.key}
                className="border-t border-border align-top"
                data-testid="agreement-row"
                data-status={a.status}
              >
                <th scope="row" className="px-3 py-1.5 text-left font-normal">
                  <span className="font-medium">{a.title}</span>
                  {a.summary ? <span className="block text-xs text-muted-foreground">{a.summary}</span> : null}
                  {a.grouped ? (
                    <span className="block text-xs text-muted-foreground">
                      One row for several documents named together.
                    </span>
                  ) : null}
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
                <td className="px-3 py-1.5 whitespace-nowrap">{STATUS_LABELS[a.status]}</td>
                <td className="px-3 py-1.5">{dates(a)}</td>
                <td className="px-3 py-1.5 tabular-nums">{a.partyCount === 2 ? 'bilateral' : a.partyCount}</td>
                <td className="px-3 py-1.5 text-xs">
                  <ul className="space-y-1">
                    {a.citations.map((c) => (
                      <li key={c.sourceId}>
                        <SourceCitation citation={c} />
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
