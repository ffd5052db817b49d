import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { formatIsoDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { membershipNoteKey } from '@/lib/i18n/membership-notes';
import { localizedHref } from '@/lib/i18n/paths';
import { partnerName } from '@/lib/i18n/partner-names';
import type { Membership, PartnerSummary } from '@/lib/queries/partner-profile';

function period(m: Membership, t: ReturnType<typeof useTranslations<'Profile'>>, locale: Locale): string {
  const from = formatIsoDate(m.validFrom, 'day', locale);
  return m.validTo ? t('periodTo', { from, to: formatIsoDate(m.validTo, 'day', locale) }) : t('periodSince', { from });
}

/** Name, code and kind, and the groups the partner belongs (or belonged) to, with dates. */
export function ProfileHeader({
  partner,
  groups: allGroups,
}: {
  partner: PartnerSummary;
  groups: readonly Membership[];
}) {
  const t = useTranslations('Profile');
  const locale = useLocale();
  // AGG_EU27 is the fixed composition behind the EU series, not a group of its own: listing it next
  // to the EU would read as a second membership.
  const groups = allGroups.filter(
    (g) => g.groupCode !== 'AGG_EU27' || !allGroups.some((o) => o.groupCode === 'AGG_EU'),
  );
  return (
    <div className="space-y-2">
      <p className="text-sm text-muted-foreground">
        <Link href={localizedHref(locale, '/')} className="underline underline-offset-2">
          {t('breadcrumbOverview')}
        </Link>{' '}
        {t('breadcrumbPartner')}
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">
        {partner.name} <span className="font-mono text-base font-normal text-muted-foreground">{partner.code}</span>
      </h1>
      <p className="text-sm text-muted-foreground">
        {t(`kind.${partner.kind}`)}
        {/* The bureau's Russian name, a second name for an English reader; the heading has it in Russian. */}
        {partner.nameRu && locale === 'en' ? <span lang="ru"> · {partner.nameRu}</span> : null}
      </p>
      {groups.length > 0 ? (
        <p className="text-sm">
          {t('memberOf')}{' '}
          {groups.map((g, i) => (
            <span key={`${g.groupCode}-${g.validFrom}`}>
              {i > 0 ? '; ' : null}
              <Link href={localizedHref(locale, `/partners/${g.groupCode}`)} className="underline underline-offset-2">
                {partnerName(locale, { code: g.groupCode, name: g.groupName, nameRu: g.groupNameRu })}
              </Link>{' '}
              <span className="text-muted-foreground">({period(g, t, locale)})</span>
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}

/** A group's members by period: accession and exit dates. */
export function GroupMembersByPeriod({ members, note }: { members: readonly Membership[]; note?: string }) {
  const t = useTranslations('Profile.groupMembers');
  const locale: Locale = useLocale();
  if (members.length === 0) return null;
  // A note the catalogues do not name yet is shown as the data writes it, in English.
  const noteText = (text: string) => {
    const key = membershipNoteKey(text);
    return key ? t(`notes.${key}`) : <span lang="en">{text}</span>;
  };
  return (
    <div className="space-y-2" data-testid="group-members">
      {note ? <p className="max-w-3xl text-sm text-muted-foreground">{note}</p> : null}
      <ScrollRegion label={t('label')} className="rounded-lg border border-border bg-card">
        <table className="w-full min-w-[32rem] border-collapse text-sm">
          <caption className="sr-only">{t('caption')}</caption>
          <thead>
            <tr className="text-left">
              <th scope="col" className="px-3 py-2 font-semibold">
                {t('member')}
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t('from')}
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t('to')}
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t('note')}
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={`${m.memberCode}-${m.validFrom}`} className="border-t border-border">
                <th scope="row" className="px-3 py-1.5 text-left font-normal">
                  <Link
                    href={localizedHref(locale, `/partners/${m.memberCode}`)}
                    className="underline-offset-2 hover:underline"
                  >
                    {partnerName(locale, { code: m.memberCode, name: m.memberName, nameRu: m.memberNameRu })}
                  </Link>
                </th>
                <td className="px-3 py-1.5 whitespace-nowrap">{formatIsoDate(m.validFrom, 'day', locale)}</td>
                <td className="px-3 py-1.5 whitespace-nowrap">
                  {m.validTo ? formatIsoDate(m.validTo, 'day', locale) : t('today')}
                </td>
                <td className="px-3 py-1.5 text-muted-foreground">{m.note ? noteText(m.note) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
