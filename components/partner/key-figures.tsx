import { useLocale, useTranslations } from 'next-intl';

import Link from 'next/link';
import { SourceCredit } from '@/components/provenance/source-credit';
import type { ProfileTradeRow } from '@/lib/charts/partner-profile';
import { EU27_CODE, EU_CODE } from '@/lib/constants';
import { formatPercent, formatUsdMillions } from '@/lib/format';
import type { PartnerSummary, PartnerTrade } from '@/lib/queries/partner-profile';
import type { SourceAttribution } from '@/lib/queries/source-attribution';
import { localizedHref } from '@/lib/i18n/paths';

interface KeyFiguresProps {
  partner: PartnerSummary;
  latest: ProfileTradeRow | undefined;
  latestShare: number | null;
  rank: PartnerTrade['rank'];
  sources: SourceAttribution[];
}

/** The partner's figures in its latest year, its share of Kazakhstan's turnover and its rank. */
export function KeyFigures({ partner, latest, latestShare, rank, sources }: KeyFiguresProps) {
  const t = useTranslations('Profile.key');
  const locale = useLocale();
  const code = partner.code === EU27_CODE ? EU_CODE : partner.code;
  return (
    <section aria-labelledby="key-heading" className="space-y-3">
      <h2 id="key-heading" className="text-lg font-semibold">
        {latest ? t('inYear', { year: String(latest.year) }) : t('trade')}
      </h2>
      {latest ? (
        <>
          <dl className="grid grid-cols-2 gap-3 lg:grid-cols-5" data-testid="partner-key-figures">
            {(
              [
                [t('turnover'), latest.turnover],
                [t('exports'), latest.export],
                [t('imports'), latest.import],
                [t('balance'), latest.balance],
              ] as const
            ).map(([label, value]) => (
              <div key={label} className="rounded-lg border border-border bg-card p-3">
                <dt className="text-sm text-muted-foreground">{label}</dt>
                <dd className="text-lg font-semibold tabular-nums">{formatUsdMillions(value, locale)}</dd>
              </div>
            ))}
            <div className="rounded-lg border border-border bg-card p-3">
              <dt className="text-sm text-muted-foreground">{t('share')}</dt>
              <dd className="text-lg font-semibold tabular-nums">
                {formatPercent(latestShare, 1, locale)}
                {rank ? (
                  <span className="block text-xs font-normal text-muted-foreground" data-testid="partner-rank">
                    {rank.year !== latest.year
                      ? t('rankIn', { rank: rank.rank, of: rank.of, year: String(rank.year) })
                      : t('rank', { rank: rank.rank, of: rank.of })}
                  </span>
                ) : null}
              </dd>
            </div>
          </dl>
          <p className="text-xs text-muted-foreground">
            {t('note', { year: String(latest.year) })} <SourceCredit sources={sources} />
          </p>
        </>
      ) : (
        <p
          data-empty="true"
          className="rounded-md border border-dashed border-border px-3 py-4 text-sm text-muted-foreground"
        >
          {t('none', { partner: partner.name })}
        </p>
      )}
      <p className="text-sm">
        <Link
          className="text-accent underline underline-offset-2"
          href={localizedHref(locale, `/compare?partners=${code},CHN,RUS`)}
        >
          {t('compare', { partner: partner.name })}
        </Link>
      </p>
    </section>
  );
}
