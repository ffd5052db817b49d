import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { BarChart } from '@/components/charts/lazy-charts';
import { ChartFigure } from '@/components/charts/chart-figure';
import { ChartTable, VALUE_MARKS, type ChartTableRow } from '@/components/charts/chart-table';
import { seriesColor } from '@/components/charts/chart-theme';
import { LineChart } from '@/components/charts/lazy-charts';
import { DataTableExport } from '@/components/data-table/data-table-export';
import { ProfileSkeleton } from '@/components/partner/profile-skeleton';
import { NewsFiguresTable } from '@/components/news/news-figures-table';
import { SourceCredit } from '@/components/provenance/source-credit';
import { PartnerContextSections } from '@/components/partner/context-sections';
import { MirrorSection } from '@/components/partner/mirror-section';
import { GroupMembersByPeriod, ProfileHeader } from '@/components/partner/profile-header';
import { toProfileTradeChart, toShareOfWorldRows } from '@/lib/charts/partner-profile';
import {
  describeSourceBreak,
  OFFICIAL_SERIES_NOTE,
  sourceBreakLines,
  sourcesSentence,
} from '@/lib/charts/provenance-text';
import { EU27_CODE, EU_CODE, REPORTER_KAZ, WORLD_PARTNER_CODE } from '@/lib/constants';
import { formatMillions, formatPercent, formatUsdMillions, formatYearRange, possessive } from '@/lib/format';
import { getUsdPerEurRates } from '@/lib/queries/compare';
import { getNewsFigures, TRADE_NEWS_INDICATORS } from '@/lib/queries/news-figures';
import { getPartnerContext } from '@/lib/queries/partner-context';
import { getSourceAttribution } from '@/lib/queries/overview';
import {
  getGroupMemberTrade,
  getMirrorComparison,
  getPartner,
  getPartnerMemberships,
  getPartnerTrade,
  type PartnerSummary,
} from '@/lib/queries/partner-profile';

interface PageProps {
  params: Promise<{ code: string }>;
}

/** A segment with a malformed escape (`%FF%FE`) names no partner: it gets the 404, not a URIError. */
function findPartner(rawCode: string): Promise<PartnerSummary | null> {
  let code: string;
  try {
    code = decodeURIComponent(rawCode);
  } catch {
    return Promise.resolve(null);
  }
  return getPartner(code);
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { code } = await params;
  const partner = await findPartner(code);
  return partner ? { title: `${partner.name} (${partner.code})` } : { title: 'Partner not found' };
}

/** The profile's download links: the observations behind its trade figures (app/api/export/partners/[code]). */
const profileExportHrefs = (code: string) => {
  const base = `/api/export/partners/${encodeURIComponent(code)}?format=`;
  return { csv: `${base}csv`, xlsx: `${base}xlsx`, json: `${base}json` };
};

const FLOW_CATEGORIES = [
  { key: 'export', label: 'Exports (FOB)' },
  { key: 'import', label: 'Imports (CIF)' },
  { key: 'turnover', label: 'Turnover' },
];

/**
 * The existence check runs before anything streams, so an unknown code answers a real 404 with
 * not-found.tsx. (No loading.tsx here or above for that reason: a loading boundary starts the
 * response as 200 before notFound() could run. The profile streams behind its own Suspense.)
 */
export default async function PartnerPage({ params }: PageProps) {
  const { code: rawCode } = await params;
  const partner = await findPartner(rawCode);
  if (!partner) notFound();
  // Started here, awaited inside the Suspense boundary, so the skeleton shows meanwhile.
  const data = loadProfile(partner);
  return (
    <Suspense fallback={<ProfileSkeleton name={partner.name} />}>
      <ProfileBody partner={partner} data={data} />
    </Suspense>
  );
}

async function loadProfile(partner: PartnerSummary) {
  const code = partner.code;
  const isEu = code === EU_CODE || code === EU27_CODE;
  const [trade, mirror, memberships, context, tradeNews, rates, memberTrade] = await Promise.all([
    getPartnerTrade({ code }),
    getMirrorComparison({ code }),
    getPartnerMemberships(isEu ? EU_CODE : code),
    getPartnerContext(code),
    getNewsFigures({ partnerCodes: [code], includeMirror: true, indicators: [...TRADE_NEWS_INDICATORS], limit: 100 }),
    getUsdPerEurRates(),
    partner.kind === 'GROUP' ? getGroupMemberTrade({ code }) : Promise.resolve(null),
  ]);
  return { trade, mirror, memberships, context, tradeNews, rates, memberTrade };
}

async function ProfileBody({ partner, data }: { partner: PartnerSummary; data: ReturnType<typeof loadProfile> }) {
  const { trade, mirror, memberships, context, tradeNews, rates, memberTrade } = await data;
  const { investment } = context;
  const code = partner.code;
  const isEu = code === EU_CODE || code === EU27_CODE;

  const chart = toProfileTradeChart(trade.points);
  const turnoverPoints = trade.points.filter((p) => p.flow === 'turnover');
  const shares = toShareOfWorldRows(turnoverPoints, trade.worldTurnover);
  const latest = chart.rows.filter((r) => r.turnover !== null).at(-1) ?? chart.rows.at(-1);
  const latestShare = latest ? (shares.find((s) => s.year === latest.year)?.share ?? null) : null;
  const range = formatYearRange(chart.fromYear, chart.toYear);
  const tradeSourceIds = [...new Set([...chart.sourceIds, ...trade.worldTurnover.map((p) => p.sourceId)])];
  const [tradeSources, mirrorSources, allSources] = await Promise.all([
    getSourceAttribution(chart.sourceIds),
    getSourceAttribution([mirror.sourceId]),
    getSourceAttribution(
      [
        ...tradeSourceIds,
        mirror.sourceId,
        ...tradeNews.map((f) => f.sourceId),
        ...context.sourceIds,
        ...(tradeNews.some((f) => f.unit === 'EUR') || investment.some((f) => f.unit === 'EUR')
          ? ['ecb_eurofxref_annual']
          : []),
      ].filter((id, i, all) => all.indexOf(id) === i),
    ),
  ]);

  const shareOf = (year: number) => shares.find((s) => s.year === year)?.share ?? null;
  const tradeTitle = `Kazakhstan’s trade with ${partner.name}${chart.fromYear !== null ? `, ${range}` : ''}`;
  const tradeTable: ChartTableRow[] = chart.rows.map((row) => ({
    key: String(row.year),
    header: String(row.year),
    cells: {
      export:
        row.export !== null
          ? { text: formatMillions(row.export), marks: row.isEstimate ? ['e'] : [], value: row.export }
          : undefined,
      import: row.import !== null ? { text: formatMillions(row.import), value: row.import } : undefined,
      turnover: row.turnover !== null ? { text: formatMillions(row.turnover), value: row.turnover } : undefined,
      balance:
        row.balance !== null ? { text: formatMillions(row.balance), marks: ['d'], value: row.balance } : undefined,
      share:
        shareOf(row.year) != null ? { text: formatPercent(shareOf(row.year)), value: shareOf(row.year) } : undefined,
    },
  }));
  // Only the drawn numbers go to the browser.
  const chartRows = chart.rows.map(({ year, export: exports, import: imports, turnover, balance }) => ({
    year,
    export: exports,
    import: imports,
    turnover,
    balance,
  }));
  const breakLines = sourceBreakLines(chart.breaks);
  const hasShares = shares.some((s) => s.share !== null) && code !== WORLD_PARTNER_CODE;

  return (
    <div className="space-y-10">
      <ProfileHeader partner={partner} groups={memberships.groups} />

      {code === REPORTER_KAZ ? (
        <p className="rounded-md border border-border bg-card px-3 py-2 text-sm">
          Kazakhstan is the reporter of this dashboard’s figures; its totals are on the{' '}
          <Link className="underline" href="/">
            overview
          </Link>
          .
        </p>
      ) : null}

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
                  {trade.rank ? (
                    <span className="block text-xs font-normal text-muted-foreground">
                      rank {trade.rank.rank} of {trade.rank.of} partner countries
                    </span>
                  ) : null}
                </dd>
              </div>
            </dl>
            <p className="text-xs text-muted-foreground">
              USD, current prices, calendar year {latest.year}, as reported by Kazakhstan. Balance = exports − imports
              (derived).{' '}
              {trade.rank && trade.rank.year >= 2020
                ? 'The bureau’s table lists 50 partners, so the rank is among those. '
                : ''}
              <SourceCredit sources={tradeSources} />
            </p>
          </>
        ) : (
          <p
            data-empty="true"
            className="rounded-md border border-dashed border-border px-3 py-4 text-sm text-muted-foreground"
          >
            No official annual trade figures with {partner.name} are in the database: IMF DOTS (1992–2020) and the
            bureau’s table (2020–2025, 50 partners) do not list it as a partner of Kazakhstan.
          </p>
        )}
        <p className="text-sm">
          <Link
            className="text-accent underline underline-offset-2"
            href={`/compare?partners=${code === EU27_CODE ? EU_CODE : code},CHN,RUS`}
          >
            Compare {partner.name} with other partners
          </Link>
        </p>
      </section>

      {chart.rows.length > 0 ? (
        <section aria-labelledby="trade-heading" className="space-y-3">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <h2 id="trade-heading" className="text-lg font-semibold">
              Exports, imports, turnover and balance over time
            </h2>
            <DataTableExport hrefs={profileExportHrefs(code)} />
          </div>
          <p className="max-w-3xl text-xs text-muted-foreground">
            The downloads hold the figures behind this profile as published, one row per flow and year in the tidy
            layout (re-importable): Kazakhstan’s exports, imports and turnover from the source each year shows, then{' '}
            {possessive(partner.name)} own reports of the same trade (mirror data).
          </p>
          <div className="grid gap-4 lg:grid-cols-3">
            <div className="lg:col-span-2">
              <ChartFigure
                id="partner-trade"
                testId="partner-trade-figure"
                title={tradeTitle}
                description={`Three lines, USD million: Kazakhstan’s exports to and imports from ${partner.name}, and their sum. Dotted lines mark a change of source.`}
                legend={FLOW_CATEGORIES.map((c, i) => ({ label: c.label, color: seriesColor(i) }))}
                exportFootnote={`USD million, calendar years ${range}. ${OFFICIAL_SERIES_NOTE} ${sourcesSentence(tradeSources)}`}
                table={
                  <ChartTable
                    caption={tradeTitle}
                    rowHeaderLabel="Year"
                    columns={[
                      { key: 'export', label: 'Exports', unit: 'USD million' },
                      { key: 'import', label: 'Imports', unit: 'USD million' },
                      { key: 'turnover', label: 'Turnover', unit: 'USD million' },
                      { key: 'balance', label: 'Balance', unit: 'USD million' },
                      { key: 'share', label: 'Share', unit: '% of KAZ total' },
                    ]}
                    rows={tradeTable}
                    marks={VALUE_MARKS}
                    testId="partner-trade-table"
                  />
                }
                footnote={
                  <>
                    <p>{OFFICIAL_SERIES_NOTE}</p>
                    {chart.breaks.length > 0 ? <p>{chart.breaks.map(describeSourceBreak).join('; ')}.</p> : null}
                    <p>
                      <SourceCredit sources={tradeSources} />
                    </p>
                  </>
                }
              >
                <LineChart
                  data={chartRows}
                  index="year"
                  categories={FLOW_CATEGORIES}
                  referenceLines={breakLines}
                  testId="partner-trade-chart"
                  height={320}
                  title={tradeTitle}
                />
              </ChartFigure>
            </div>
            <ChartFigure
              id="partner-balance"
              title={`Trade balance, ${range}`}
              description="Exports minus imports: above zero Kazakhstan sells more to the partner than it buys."
              legend={[{ label: 'Balance', color: seriesColor(0) }]}
              exportFootnote={`USD million, derived: exports − imports of the same source and year. ${OFFICIAL_SERIES_NOTE} ${sourcesSentence(tradeSources)}`}
              footnote={<p>USD million; derived from exports and imports of the same source and year.</p>}
              table={
                <ChartTable
                  caption={`Trade balance with ${partner.name}, ${range}`}
                  rowHeaderLabel="Year"
                  columns={[{ key: 'balance', label: 'Balance', unit: 'USD million' }]}
                  rows={tradeTable}
                  marks={VALUE_MARKS}
                  testId="partner-balance-table"
                />
              }
            >
              <BarChart
                data={chartRows}
                index="year"
                categories={[{ key: 'balance', label: 'Balance' }]}
                referenceLines={breakLines}
                testId="partner-balance-chart"
                height={260}
                title="Trade balance"
              />
            </ChartFigure>
          </div>
          {hasShares ? (
            <ChartFigure
              id="partner-share"
              title={`${possessive(partner.name)} share of Kazakhstan’s turnover, ${range}`}
              description={`The partner’s turnover as a percentage of Kazakhstan’s turnover with the world in the same year.${latestShare !== null && latest ? ` ${formatPercent(latestShare)} in ${latest.year}.` : ''}`}
              legend={[{ label: 'Share of total', color: seriesColor(0) }]}
              exportFootnote={`Share of Kazakhstan’s turnover with the world. ${OFFICIAL_SERIES_NOTE} ${sourcesSentence(tradeSources)}`}
              footnote={
                <p>
                  Each year’s share divides the partner’s value by Kazakhstan’s total from the same table: IMF DOTS to
                  2019, the bureau’s by-country table from 2020 (its total is the sum of its partner rows).
                </p>
              }
              table={
                <ChartTable
                  caption={`${possessive(partner.name)} share of Kazakhstan’s turnover, ${range}`}
                  rowHeaderLabel="Year"
                  columns={[{ key: 'share', label: 'Share', unit: '% of KAZ total' }]}
                  rows={tradeTable.filter((row) => row.cells.share)}
                  testId="partner-share-table"
                />
              }
            >
              <LineChart
                data={shares}
                index="year"
                categories={[{ key: 'share', label: 'Share of Kazakhstan’s total turnover' }]}
                unitKind="share"
                referenceLines={breakLines}
                testId="partner-share-chart"
                height={220}
              />
            </ChartFigure>
          ) : null}
        </section>
      ) : null}

      {partner.kind === 'GROUP' &&
      (memberships.members.length > 0 || (memberTrade && memberTrade.members.length > 0)) ? (
        <section aria-labelledby="members-heading" className="space-y-3">
          <h2 id="members-heading" className="text-lg font-semibold">
            Members
          </h2>
          {memberTrade && memberTrade.members.length > 0 ? (
            <div className="space-y-2" data-testid="member-trade">
              <p className="max-w-3xl text-sm text-muted-foreground">
                {memberTrade.groupTurnoverUsdMn !== null ? (
                  <>
                    Turnover with each current member in {memberTrade.year}, as a share of{' '}
                    {isEu ? 'the EU’s' : 'the group’s'} own figure ({formatUsdMillions(memberTrade.groupTurnoverUsdMn)}
                    ). The members are part of that figure: never add them to it.
                  </>
                ) : (
                  <>
                    Turnover with each current member in {memberTrade.year}. The group has no trade figure of its own
                    here, so there are no shares; the members’ figures are not added up into one.
                  </>
                )}
              </p>
              <div className="rounded-lg border border-border bg-card p-2">
                <ChartTable
                  caption={`Turnover with members, ${memberTrade.year}`}
                  rowHeaderLabel="Member"
                  columns={[
                    { key: 'turnover', label: 'Turnover', unit: 'USD million' },
                    ...(memberTrade.groupTurnoverUsdMn !== null
                      ? [{ key: 'share', label: 'Share', unit: isEu ? '% of the EU' : '% of the group' }]
                      : []),
                  ]}
                  rows={memberTrade.members.map((m) => ({
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
      ) : null}

      {code !== WORLD_PARTNER_CODE && code !== REPORTER_KAZ ? (
        <MirrorSection partnerName={partner.name} mirror={mirror} sources={mirrorSources} />
      ) : null}

      <section aria-labelledby="news-heading" className="space-y-3">
        <h2 id="news-heading" className="text-lg font-semibold">
          Trade figures in the news
        </h2>
        <p className="max-w-3xl text-sm text-muted-foreground">
          Quoted by officials and the press: rounded, sometimes from {possessive(partner.name)} own statistics or for
          part of a year. Shown with their wording and source; never merged into the official series above.
        </p>
        <NewsFiguresTable
          figures={tradeNews}
          rates={rates.rates}
          caption={`Trade figures for ${partner.name} quoted in the news`}
          testId="partner-news"
          emptyMessage="No trade figure for this partner in the news pages and articles."
        />
      </section>

      <PartnerContextSections partnerName={partner.name} context={context} rates={rates.rates} />

      <section aria-labelledby="sources-heading" className="space-y-2">
        <h2 id="sources-heading" className="text-lg font-semibold">
          Sources on this page
        </h2>
        <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="partner-sources">
          {allSources.map((s) => (
            <li key={s.id}>
              {s.url ? (
                <a href={s.url} className="underline underline-offset-2" rel="noopener noreferrer" target="_blank">
                  {s.attribution}
                </a>
              ) : (
                s.attribution
              )}
              {s.vintage ? <span className="text-muted-foreground"> (vintage: {s.vintage})</span> : null}
              {/* News attributions name only the site; the page title tells two pages of one site apart. */}
              {!s.attribution.includes(s.title) ? (
                <span className="block text-xs text-muted-foreground">{s.title}</span>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
