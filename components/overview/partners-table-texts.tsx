// The sentences around the overview's partner table, drawn by the server: how many partners and
// what the shares are of above it, where the rest are and the sources below it.
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { SourceCredit } from '@/components/provenance/source-credit';
import { formatUsdMillions, formatYear } from '@/lib/format';
import type { FullPartnerList } from '@/lib/charts/overview-table';
import type { PartnerTable, SourceAttribution } from '@/lib/queries/overview';

export interface PartnersTableData {
  table: PartnerTable;
  sources: SourceAttribution[];
  /** The world total's source and how it was obtained, in the page's language (the loader's words). */
  worldSource: string;
  worldOrigin: string;
  /** Where the rest is when the table shows only its first rows (in the page's language). */
  fullList: FullPartnerList | null;
}

export function PartnersTableSummary({ data }: { data: PartnersTableData }) {
  const t = useTranslations('overview.partners');
  const locale = useLocale();
  const { table: result, worldSource, worldOrigin } = data;
  const year = formatYear(result.year);
  return (
    <p className="text-sm text-muted-foreground">
      {result.year === null ? (
        t('none')
      ) : (
        <>
          {t('summary', { count: result.total, year })}
          {` ${t('source', { source: worldSource })}`}
          {result.worldTurnoverUsdMn !== null
            ? ` ${t('shares', {
                year,
                amount: formatUsdMillions(result.worldTurnoverUsdMn, locale),
                origin: worldOrigin,
              })}`
            : null}{' '}
          {t('euRow')} <span className="whitespace-nowrap">{t('marks')}</span>
        </>
      )}
    </p>
  );
}

export function PartnersTableFooter({ data }: { data: PartnersTableData }) {
  const t = useTranslations('overview.partners');
  const { fullList, sources } = data;
  return (
    <>
      {fullList ? (
        <p className="text-sm" data-testid="partners-table-more">
          {t.rich('more', {
            shown: fullList.shown,
            total: fullList.total,
            link: (chunks) => (
              <Link href={fullList.href} className="font-medium underline underline-offset-2 hover:text-accent">
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : null}
      <p className="text-xs text-muted-foreground">
        <SourceCredit sources={sources} />
      </p>
    </>
  );
}
