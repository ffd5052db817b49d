import { ChartTable } from '@/components/charts/chart-table';
import { formatMillions, formatPercent, formatUsdMillions } from '@/lib/format';
import type { GroupMemberTrade, PartnerMemberships } from '@/lib/queries/partner-profile';
import { GroupMembersByPeriod } from './profile-header';

interface MembersSectionProps {
  isEu: boolean;
  memberships: PartnerMemberships;
  memberTrade: GroupMemberTrade | null;
}

/** A group's members by period, and each current member's turnover as a share of the group's own figure. */
export function MembersSection({ isEu, memberships, memberTrade }: MembersSectionProps) {
  const trade = memberTrade && memberTrade.members.length > 0 ? memberTrade : null;
  if (memberships.members.length === 0 && !trade) return null;
  return (
    <section aria-labelledby="members-heading" className="space-y-3">
      <h2 id="members-heading" className="text-lg font-semibold">
        Members
      </h2>
      {trade ? (
        <div className="space-y-2" data-testid="member-trade">
          <p className="max-w-3xl text-sm text-muted-foreground">
            {trade.groupTurnoverUsdMn !== null ? (
              <>
                Turnover with each current member in {trade.year}, as a share of {isEu ? 'the EU’s' : 'the group’s'} own
                figure ({formatUsdMillions(trade.groupTurnoverUsdMn)}). The members are part of that figure: never add
                them to it.
              </>
            ) : (
              <>
                Turnover with each current member in {trade.year}. The group has no trade figure of its own here, so
                there are no shares; the members’ figures are not added up into one.
              </>
            )}
          </p>
          <div className="rounded-lg border border-border bg-card p-2">
            <ChartTable
              caption={`Turnover with members, ${trade.year}`}
              rowHeaderLabel="Member"
              columns={[
                { key: 'turnover', label: 'Turnover', unit: 'USD million' },
                ...(trade.groupTurnoverUsdMn !== null
                  ? [{ key: 'share', label: 'Share', unit: isEu ? '% of the EU' : '% of the group' }]
                  : []),
              ]}
              rows={trade.members.map((m) => ({
                key: m.code,
                header: m.name,
                cells: {
                  turnover: { text: formatMillions(m.turnoverUsdMn) },
                  share: { text: formatPercent(m.shareOfGroup) },
                },
              }))}
            />
          </div>
        </div>
      ) : null}
      <GroupMembersByPeriod
        members={memberships.members}
        note={
          isEu
            ? 'Membership by period (the EEC until 1993). The EU trade series uses today’s 27 members for every year, in IMF DOTS and in the sum of the bureau’s member rows alike, so the United Kingdom is never inside it.'
            : undefined
        }
      />
    </section>
  );
}
