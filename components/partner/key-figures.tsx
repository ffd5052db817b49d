import Link from 'next/link';
import { SourceCredit } from '@/components/provenance/source-credit';
import type { ProfileTradeRow } from '@/lib/charts/partner-profile';
import { EU27_CODE, EU_CODE } from '@/lib/constants';
import { formatPercent, formatUsdMillions } from '@/lib/format';
import type { PartnerSummary, PartnerTrade } from '@/lib/queries/partner-profile';
import type { SourceAttribution } from '@/lib/queries/source-attribution';

interface KeyFiguresProps {
  partner: PartnerSummary;
  latest: ProfileTradeRow | undefined;
  latestShare: number | null;
  rank: PartnerTrade['rank'];
  sources: SourceAttribution[];
}

/** The partner's figures in its latest year, its share of Kazakhstan's turnover and its rank. */
export function KeyFigures({ partner, latest, latestShare, rank, sources }: KeyFiguresProps) {
  const code = partner.code === EU27_CODE ? EU_CODE : partner.code;
  return (
    <section aria-labelledby="key-heading" className="space-y-3">
      <h2 id="key-heading" className="text-lg font-semibold">
        {latest ? `In ${latest.year}` : 'Trade'}
      </h2>
      {latest ? (
        <>
          <dl className="grid grid-cols-2 gap-3 lg:grid-cols-5" data-testid="partner-key-figures">
            {(
              [
                ['Turnover', latest.turnover],
                ['Exports', latest.export],
                ['Imports', latest.import],
                ['Balance', latest.balance],
              ] as const
            ).map(([label, value]) => (
              <div key={label} className="rounded-lg border border-border bg-card p-3">
                <dt className="text-sm text-muted-foreground">{label}</dt>
                <dd className="text-lg font-semibold tabular-nums">{formatUsdMillions(value)}</dd>
              </div>
            ))}
            <div className="rounded-lg border border-border bg-card p-3">
              <dt className="text-sm text-muted-foreground">Share of Kazakhstan’s turnover</dt>
              <dd className="text-lg font-semibold tabular-nums">
                {formatPercent(latestShare)}
                {rank ? (
                  <span className="block text-xs font-normal text-muted-foreground" data-testid="partner-rank">
                    rank {rank.rank} of {rank.of} partner countries{rank.year !== latest.year ? ` in ${rank.year}` : ''}
                  </span>
                ) : null}
              </dd>
            </div>
          </dl>
          <p className="text-xs text-muted-foreground">
            USD, current prices, calendar year {latest.year}, as reported by Kazakhstan. Balance = exports − imports
            (derived). The share and the rank compare the partner with Kazakhstan’s total and its other partners in the
            same year’s table. <SourceCredit sources={sources} />
          </p>
        </>
      ) : (
        <p
          data-empty="true"
          className="rounded-md border border-dashed border-border px-3 py-4 text-sm text-muted-foreground"
        >
          No official annual trade figures with {partner.name} are in the database: neither IMF DOTS (1992–2019) nor the
          bureau’s by-country table (2020–2025) lists it as a partner of Kazakhstan.
        </p>
      )}
      <p className="text-sm">
        <Link className="text-accent underline underline-offset-2" href={`/compare?partners=${code},CHN,RUS`}>
          Compare {partner.name} with other partners
        </Link>
      </p>
    </section>
  );
}
