import Link from 'next/link';
import { SourceCitation } from '@/components/sources/source-citation';
import type { PresenceFigure, PresenceNetwork } from '@/lib/queries/presence';

const ABROAD_ORDER = [
  'embassies_abroad',
  'diplomatic_missions_abroad',
  'consulates_general_abroad',
  'consulates_abroad',
  'diplomatic_establishments_other_abroad',
];

const value = (figures: readonly PresenceFigure[], code: string) => figures.find((f) => f.indicatorCode === code);

/** Kazakhstan's network abroad by type, the representations in Kazakhstan, and the 2012-2014 plan by year. */
export function PresenceNetworkView({ network }: { network: PresenceNetwork }) {
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
          Kazakhstan’s establishments abroad
        </h2>
        {total ? (
          <p className="text-sm" data-testid="presence-total">
            <span className="text-2xl font-semibold tabular-nums">{total.value}</span> establishments
            {countries ? (
              <>
                {' '}
                in <span className="font-semibold tabular-nums">{countries.value}</span> countries
              </>
            ) : null}
            , opened since independence, as of July 2011 (year inferred).
          </p>
        ) : (
          <p className="text-sm text-muted-foreground">No figure for Kazakhstan’s network is in the database.</p>
        )}
        {byType.length > 0 ? (
          <table className="w-full max-w-xl border-collapse text-sm" data-testid="presence-by-type">
            <caption className="sr-only">Establishments abroad by type</caption>
            <thead>
              <tr className="text-left">
                <th scope="col" className="py-1.5 pr-3 font-semibold">
                  Type
                </th>
                <th scope="col" className="py-1.5 text-right font-semibold">
                  Number
                </th>
              </tr>
            </thead>
            <tbody>
              {byType.map((f) => (
                <tr key={f.indicatorCode} className="border-t border-border">
                  <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                    {f.label}
                    {f.derivation === 'DERIVED' ? (
                      <span className="block text-xs text-muted-foreground">
                        Derived: the total less the four types listed; the article does not say what they are.
                      </span>
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
            Source: <SourceCitation citation={citation} />
          </p>
        ) : null}
      </section>
      {years.length > 0 ? (
        <section aria-labelledby="plan-heading" className="space-y-3">
          <h2 id="plan-heading" className="text-lg font-semibold">
            The plan for new embassies, 2012–2014
          </h2>
          <p className="max-w-3xl text-sm text-muted-foreground">
            A plan announced by the Foreign Ministry, not a record of openings: {planned.length} new embassies over
            three years.
          </p>
          <ul className="grid gap-3 sm:grid-cols-3" data-testid="presence-plan">
            {years.map((year) => {
              const list = planned.filter((p) => p.year === year);
              return (
                <li key={year} className="rounded-lg border border-border bg-card p-3 text-sm">
                  <p className="font-semibold">
                    {year}: {list.length} {list.length === 1 ? 'embassy' : 'embassies'}
                  </p>
                  <p>
                    {list.map((p, i) => (
                      <span key={p.code}>
                        {i > 0 ? ', ' : ''}
                        <Link className="underline underline-offset-2" href={`/partners/${p.code}`}>
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
            Foreign representations in Kazakhstan
          </h2>
          <ul className="space-y-1 text-sm" data-testid="presence-in-kazakhstan">
            {inKazakhstan.map((f) => (
              <li key={f.indicatorCode}>
                {f.label}: <span className="font-semibold tabular-nums">{f.value}</span>
              </li>
            ))}
          </ul>
          <p className="text-xs text-muted-foreground">As of July 2011 (year inferred); same source.</p>
        </section>
      ) : null}
    </div>
  );
}
