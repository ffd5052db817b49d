import { useLocale, useTranslations, type Messages } from 'next-intl';
import type { ReactNode } from 'react';
import { SourceCitation } from '@/components/sources/source-citation';
import { formatIsoDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import type { PresenceFigure } from '@/lib/queries/presence';
import type { PartnerEventItem } from '@/lib/queries/events';

type Translate = ReturnType<typeof useTranslations<'Profile.presence'>>;
type IndicatorKey = keyof Messages['Presence']['indicator'];

const titleCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One figure as a sentence a reader can cite; the indicator's code never shows. */
function describe(
  f: PresenceFigure,
  partnerName: string,
  t: Translate,
  indicators: ReturnType<typeof useTranslations<'Presence.indicator'>>,
): ReactNode {
  switch (f.indicatorCode) {
    case 'honorary_consulates_in_partner':
      return t('honorary', { count: Number(f.value), partner: partnerName });
    case 'embassies_planned':
      return f.year !== null
        ? t('embassyPlanned', { partner: partnerName, year: String(f.year) })
        : t('embassyPlannedNoYear', { partner: partnerName });
    case 'trade_representations_in_kaz':
      return t('tradeRepresentation', { partner: partnerName });
    default: {
      // An indicator the catalogues do not name yet keeps the database's English label.
      const code = f.indicatorCode as IndicatorKey;
      const label = indicators.has(code) ? indicators(code) : <span lang="en">{f.label}</span>;
      return (
        <>
          {label}: {f.value}
        </>
      );
    }
  }
}

function asOf(f: PresenceFigure, t: Translate, locale: Locale): string {
  if (f.indicatorCode === 'embassies_planned') return '';
  if (!f.asOf) return '';
  const date = formatIsoDate(f.asOf, f.asOfPrecision === 'YEAR' ? 'year' : 'day', locale);
  return f.dateInferred ? t('asOfInferred', { date }) : t('asOf', { date });
}

/**
 * The stored diplomatic-presence figures for one partner (totals, with the places a total lists
 * beside it rather than added to it) and the openings recorded as events. Places and the titles of
 * events are the records' own English, marked as such.
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
  const t = useTranslations('Profile.presence');
  const indicators = useTranslations('Presence.indicator');
  const locale: Locale = useLocale();
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
                {describe(f, partnerName, t, indicators)}
                {items.length > 0 ? (
                  <>
                    {' ('}
                    <span lang="en">{items.join(', ')}</span>)
                  </>
                ) : null}{' '}
                <span className="text-muted-foreground">{asOf(f, t, locale)}</span>
                <span className="block text-xs text-muted-foreground">
                  {t.rich('source', { citation: () => <SourceCitation citation={f.citation} /> })}
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
              <cite lang="en" className="not-italic">
                {e.title}
              </cite>{' '}
              ({formatIsoDate(e.date, 'day', locale)}).{' '}
              <span className="text-xs text-muted-foreground">
                {t.rich('source', { citation: () => <SourceCitation citation={e.citation} /> })}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
