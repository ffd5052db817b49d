import { useLocale, useTranslations } from 'next-intl';
import { ChartTable } from '@/components/charts/chart-table';
import { formatMillions, formatPercent, formatUsdMillions } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { partnerName } from '@/lib/i18n/partner-names';
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
  const t = useTranslations('Profile.members');
  const tTrade = useTranslations('Profile.trade');
  const locale: Locale = useLocale();
  if (memberships.members.length === 0 && !trade) return null;
  const group = isEu ? 'eu' : 'group';
  return (
    <section aria-labelledby="members-heading" className="space-y-3">
      <h2 id="members-heading" className="text-lg font-semibold">
        {t('heading')}
      </h2>
      {trade ? (
        <div className="space-y-2" data-testid="member-trade">
          <p className="max-w-3xl text-sm text-muted-foreground">
            {trade.groupTurnoverUsdMn !== null
              ? t('shareIntro', {
                  year: String(trade.year),
                  group,
                  total: formatUsdMillions(trade.groupTurnoverUsdMn, locale),
                })
              : t('noShareIntro', { year: String(trade.year) })}
          </p>
          <div className="rounded-lg border border-border bg-card p-2">
            <ChartTable
              caption={t('caption', { year: String(trade.year) })}
              rowHeaderLabel={t('member')}
              columns={[
                { key: 'turnover', label: t('turnover'), unit: tTrade('usdMillion') },
                ...(trade.groupTurnoverUsdMn !== null
                  ? [{ key: 'share', label: t('share'), unit: t('shareUnit', { group }) }]
                  : []),
              ]}
              rows={trade.members.map((m) => ({
                key: m.code,
                header: partnerName(locale, m),
                cells: {
                  turnover: { text: formatMillions(m.turnoverUsdMn, locale) },
                  share: { text: formatPercent(m.shareOfGroup, 1, locale) },
                },
              }))}
            />
          </div>
        </div>
      ) : null}
      <GroupMembersByPeriod members={memberships.members} note={isEu ? t('euNote') : undefined} />
    </section>
  );
}
