// The partner list's sentences, drawn by the server: the count above the table and the notes
// below it. The client table (PartnerListTable) places them; hydrating it formats no number.
import { useLocale, useTranslations } from 'next-intl';
import { SourceCredit } from '@/components/provenance/source-credit';
import { formatNumber, formatUsdMillions } from '@/lib/format';
import type { SourceAttribution } from '@/lib/queries/overview';
import type { PartnerList } from '@/lib/queries/partner-list';
import type { PartnerListParams } from '@/lib/search-params/partner-list';

type ListFigures = Omit<PartnerList, 'rows' | 'sparklines'>;

/** "235 partner countries in 2025 …": how many rows the filters give, over all pages. */
export function PartnerListSummary({ partnerList, params }: { partnerList: ListFigures; params: PartnerListParams }) {
  const t = useTranslations('partnerList');
  const locale = useLocale();
  const year = partnerList.year ?? new Date().getUTCFullYear();
  return (
    <p className="text-sm text-muted-foreground" data-testid="partner-list-summary">
      {t.rich('summary', {
        num: (chunks) => <span className="font-medium text-foreground">{chunks}</span>,
        n: formatNumber(partnerList.total, 0, locale),
        count: partnerList.total,
        view: params.view,
        year: String(year),
      })}
    </p>
  );
}

function WorldNote({ partnerList, origin }: { partnerList: ListFigures; origin: string }) {
  const t = useTranslations('partnerList');
  const locale = useLocale();
  const { world, year } = partnerList;
  if (year === null) return null;
  if (world.turnoverUsdMn === null) return <>{t('notes.noWorld', { year: String(year) })}</>;
  return <>{t('notes.world', { year: String(year), total: formatUsdMillions(world.turnoverUsdMn, locale), origin })}</>;
}

/** What the shares are of, what the marks mean, and the sources. */
export function PartnerListNotes({
  partnerList,
  params,
  sources,
  worldOrigin,
}: {
  partnerList: ListFigures;
  params: PartnerListParams;
  sources: SourceAttribution[];
  worldOrigin: string;
}) {
  const t = useTranslations('partnerList');
  const locale = useLocale();
  const year = partnerList.year ?? new Date().getUTCFullYear();
  return (
    <div className="space-y-1 text-xs text-muted-foreground" data-testid="partner-list-notes">
      <p>
        {t('notes.official', { year: String(year) })} <WorldNote partnerList={partnerList} origin={worldOrigin} />
      </p>
      <p>
        {t('notes.marks', {
          window: partnerList.window,
          min: params.min > 0 ? t('notes.minRule', { amount: formatNumber(params.min, 0, locale) }) : '',
        })}{' '}
        {t('membershipRule')}
      </p>
      <p>
        <SourceCredit sources={sources} />
      </p>
    </div>
  );
}
