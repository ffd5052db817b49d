import { ScrollRegion } from '@/components/ui/scroll-region';
import { SourceCitation } from '@/components/sources/source-citation';
import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { qualifiedAmount } from '@/components/news/news-figure-text';
import { formatIsoDate, formatPublishedAmount, type QualifierValue } from '@/lib/format';
import { AGREEMENT_STATUSES } from '@/lib/constants';
import type { Locale } from '@/lib/i18n/locales';
import type { AgreementRow, PartnerAgreementList } from '@/lib/queries/agreements';

type Translate = ReturnType<typeof useTranslations<'Profile.agreements'>>;

/** "Signed 5 May 2023; in force 1 June 2024", in the page's language. */
function dates(a: AgreementRow, t: Translate, locale: Locale): string {
  const parts: string[] = [];
  if (a.status === 'UNDER_NEGOTIATION') return t('notSigned');
  const signed = a.signedOn
    ? formatIsoDate(a.signedOn, 'day', locale)
    : a.signedYear !== null
      ? String(a.signedYear)
      : null;
  // A roadmap is adopted and a plan agreed, not signed; say which date is missing.
  const verb = a.status === 'ROADMAP' ? 'adopted' : a.status === 'PLAN' ? 'agreed' : 'signed';
  parts.push(signed ? t('signedOn', { verb, date: signed }) : t('dateNotGiven'));
  const precision = a.inForcePrecision === 'MONTH' ? 'month' : a.inForcePrecision === 'YEAR' ? 'year' : 'day';
  const inForce = a.inForceOn
    ? formatIsoDate(a.inForceOn, precision, locale)
    : a.inForceYear !== null
      ? String(a.inForceYear)
      : null;
  if (inForce) parts.push(t('inForce', { date: inForce }));
  return parts.join('; ');
}

/**
 * Agreements one row each, with counts by status that equal the rows listed, and the counts that
 * sources state without a list ("more than 35 in force") beside the list, never in it.
 */
export function AgreementsList({ partnerName, list }: { partnerName: string; list: PartnerAgreementList }) {
  const statuses = AGREEMENT_STATUSES.filter((s) => list.countsByStatus[s] > 0);
  const t = useTranslations('Profile.agreements');
  const locale: Locale = useLocale();
  const num = (chunks: ReactNode) => <span className="font-semibold tabular-nums">{chunks}</span>;
  return (
    <div className="space-y-3" data-testid="agreements-list">
      <ul
        className="flex flex-wrap gap-2 text-sm"
        aria-label={t('byStatus', { partner: partnerName })}
        data-testid="agreement-counts"
      >
        <li className="rounded-md border border-border bg-card px-3 py-1.5">
          {t.rich('count.listed', { count: list.rows.length, num })}
        </li>
        {statuses.map((s) => (
          <li key={s} className="rounded-md border border-border bg-card px-3 py-1.5" data-status={s}>
            {t.rich(`count.${s}`, { count: list.countsByStatus[s], num })}
          </li>
        ))}
      </ul>
      {list.statedCounts.map((c) => (
        <p
          key={c.citation.sourceId + c.label}
          className="max-w-3xl rounded-md border-l-4 border-accent bg-card px-3 py-2 text-sm"
          data-testid="stated-agreement-count"
        >
          {t.rich('stated', {
            count: qualifiedAmount(c.value, c.qualifier as QualifierValue, locale),
            b: (chunks) => <span className="font-semibold">{chunks}</span>,
          })}{' '}
          <SourceCitation citation={c.citation} />
        </p>
      ))}
      <ScrollRegion label={t('tableLabel')} className="rounded-lg border border-border bg-card">
        <table className="w-full min-w-[44rem] border-collapse text-sm">
          <caption className="sr-only">{t('caption', { partner: partnerName })}</caption>
          <thead>
            <tr className="text-left">
              <th scope="col" className="px-3 py-2 font-semibold">
                {t('agreement')}
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t('statusColumn')}
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t('dates')}
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t('parties')}
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t('sources')}
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
                  {/* The title and summary as published (English): the agreement is cited, not translated. */}
                  <cite lang="en" className="font-medium not-italic">
                    {a.title}
                  </cite>
                  {a.summary ? (
                    <span lang="en" className="block text-xs text-muted-foreground">
                      {a.summary}
                    </span>
                  ) : null}
                  {a.grouped ? <span className="block text-xs text-muted-foreground">{t('grouped')}</span> : null}
                  {a.value !== null && a.currency ? (
                    <span className="block text-xs text-muted-foreground">
                      {t('statedValue', {
                        amount: qualifiedAmount(
                          formatPublishedAmount(a.value, a.currency, a.scale, locale),
                          a.qualifier as QualifierValue,
                          locale,
                        ),
                      })}
                    </span>
                  ) : null}
                </th>
                <td className="px-3 py-1.5 whitespace-nowrap">{t(`status.${a.status}`)}</td>
                <td className="px-3 py-1.5">{dates(a, t, locale)}</td>
                <td className="px-3 py-1.5 tabular-nums">{a.partyCount === 2 ? t('bilateral') : a.partyCount}</td>
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
