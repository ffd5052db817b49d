import { nameCollator } from '@/lib/i18n/collation';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { Messages } from 'next-intl';
import { SourceCitation } from '@/components/sources/source-citation';
import { localizedHref } from '@/lib/i18n/paths';
import { partnerName } from '@/lib/i18n/partner-names';
import type { PresenceFigure, PresenceNetwork } from '@/lib/queries/presence';

const ABROAD_ORDER = [
  'embassies_abroad',
  'diplomatic_missions_abroad',
  'consulates_general_abroad',
  'consulates_abroad',
  'diplomatic_establishments_other_abroad',
] as const;

/** The indicators whose labels are in the catalogues (Presence.indicator). */
type LabelledIndicator = keyof Messages['Presence']['indicator'];
const LABELLED = [
  ...ABROAD_ORDER,
  'foreign_representations_accredited',
  'foreign_consulates_in_kaz',
  'honorary_consuls_in_kaz',
  'trade_representations_in_kaz',
  'international_organizations_represented',
] as const satisfies readonly LabelledIndicator[];
const isLabelled = (code: string): code is LabelledIndicator => (LABELLED as readonly string[]).includes(code);

const value = (figures: readonly PresenceFigure[], code: string) => figures.find((f) => f.indicatorCode === code);

/** Kazakhstan's network abroad by type, the representations in Kazakhstan, and the 2012-2014 plan by year. */
export function PresenceNetworkView({ network }: { network: PresenceNetwork }) {
  const t = useTranslations('Presence');
  const locale = useLocale();
  // An indicator added to the data later shows its English label until the catalogues name it.
  const label = (f: PresenceFigure) => (isLabelled(f.indicatorCode) ? t(`indicator.${f.indicatorCode}`) : f.label);
  const big = (chunks: ReactNode) => <span className="text-2xl font-semibold tabular-nums">{chunks}</span>;
  const num = (chunks: ReactNode) => <span className="font-semibold tabular-nums">{chunks}</span>;
  const collator = nameCollator(locale);
  const { totals, planned } = network;
  const total = value(totals, 'diplomatic_establishments_abroad');
  const countries = value(totals, 'countries_with_establishments');
  const byType = ABROAD_ORDER.map((code) => value(totals, code)).filter((f): f is PresenceFigure => f !== undefined);
  const inKazakhstan = totals.filter((f) => f.direction === 'in_kazakhstan' && f.item === '');
  const years = [...new Set(planned.map((p) => p.year))];
  const citation = total?.citation;
  return (
    <div className="space-y-8" data-testid="presence-network">
      <section aria-labelledby="abroad-heading" className="space-y-3">
        <h2 id="abroad-heading" className="text-lg font-semibold">
          {t('abroadHeading')}
        </h2>
        {total ? (
          <p className="text-sm" data-testid="presence-total">
            {countries
              ? t.rich('total', { total: total.value, countries: countries.value, big, num })
              : t.rich('totalNoCountries', { total: total.value, big })}
          </p>
        ) : (
          <p className="text-sm text-muted-foreground">{t('noTotal')}</p>
        )}
        {byType.length > 0 ? (
          <table className="w-full max-w-xl border-collapse text-sm" data-testid="presence-by-type">
            <caption className="sr-only">{t('byTypeCaption')}</caption>
            <thead>
              <tr className="text-left">
                <th scope="col" className="py-1.5 pr-3 font-semibold">
                  {t('type')}
                </th>
                <th scope="col" className="py-1.5 text-right font-semibold">
                  {t('number')}
                </th>
              </tr>
            </thead>
            <tbody>
              {byType.map((f) => (
                <tr key={f.indicatorCode} className="border-t border-border">
                  <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                    {label(f)}
                    {f.derivation === 'DERIVED' ? (
                      <span className="block text-xs text-muted-foreground">{t('derived')}</span>
                    ) : null}
                  </th>
                  <td className="py-1.5 text-right tabular-nums">{f.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {citation ? (
          <p className="text-xs text-muted-foreground">
            {t.rich('source', { citation: () => <SourceCitation citation={citation} /> })}
          </p>
        ) : null}
      </section>
      {years.length > 0 ? (
        <section aria-labelledby="plan-heading" className="space-y-3">
          <h2 id="plan-heading" className="text-lg font-semibold">
            {t('planHeading')}
          </h2>
          <p className="max-w-3xl text-sm text-muted-foreground">{t('planIntro', { count: planned.length })}</p>
          <ul className="grid gap-3 sm:grid-cols-3" data-testid="presence-plan">
            {years.map((year) => {
              const list = planned
                .filter((p) => p.year === year)
                .map((p) => ({ code: p.code, name: partnerName(locale, p) }))
                .sort((a, b) => collator.compare(a.name, b.name));
              return (
                <li key={year} className="rounded-lg border border-border bg-card p-3 text-sm">
                  <p className="font-semibold">{t('planYear', { year: String(year), count: list.length })}</p>
                  <p>
                    {list.map((p, i) => (
                      <span key={p.code}>
                        {i > 0 ? ', ' : ''}
                        <Link
                          className="underline underline-offset-2"
                          href={localizedHref(locale, `/partners/${p.code}`)}
                        >
                          {p.name}
                        </Link>
                      </span>
                    ))}
                  </p>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {inKazakhstan.length > 0 ? (
        <section aria-labelledby="in-kaz-heading" className="space-y-3">
          <h2 id="in-kaz-heading" className="text-lg font-semibold">
            {t('inKazHeading')}
          </h2>
          <ul className="space-y-1 text-sm" data-testid="presence-in-kazakhstan">
            {inKazakhstan.map((f) => (
              <li key={f.indicatorCode}>
                {label(f)}: <span className="font-semibold tabular-nums">{f.value}</span>
              </li>
            ))}
          </ul>
          <p className="text-xs text-muted-foreground">{t('inKazNote')}</p>
        </section>
      ) : null}
    </div>
  );
}
