// Columns of the compare summary. Column ids are the URL sort keys (lib/search-params/compare.ts).
// Amounts are in the view's currency (USD as published, or EUR converted), named in the headers.
import Link from 'next/link';
import { DataTableColumnHeader } from '@/components/data-table/data-table-column-header';
import { createDataTableColumnHelper } from '@/components/data-table/data-table-features';
import type { CompareSummaryRow } from '@/lib/charts/compare-series';
import type { Locale } from '@/lib/i18n/locales';
import { localizedHref } from '@/lib/i18n/paths';
import { formatMillions, formatPercent, formatSignedPercent, formatYear, MINUS, MISSING } from '@/lib/format';
import type { CompareTexts } from './compare-text';

const helper = createDataTableColumnHelper<CompareSummaryRow>();

function AmountWithYear({ amount, year, locale }: { amount: number | null; year: number | null; locale: Locale }) {
  if (amount === null) return <>{MISSING}</>;
  return (
    <>
      {formatMillions(amount, locale)} <span className="text-xs text-muted-foreground">({formatYear(year)})</span>
    </>
  );
}

export function compareSummaryColumns(currency: 'USD' | 'EUR', flowLabel: string, t: CompareTexts, locale: Locale) {
  const unit = t('summary.million', { currency });
  return helper.columns([
    helper.accessor('name', {
      id: 'partner',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('summary.partner')} />,
      cell: ({ row }) => (
        <Link
          href={localizedHref(locale, `/partners/${row.original.code}`)}
          className="underline decoration-border underline-offset-2 hover:decoration-current"
        >
          {row.original.name}
        </Link>
      ),
      sortDescFirst: false,
      meta: { isRowHeader: true, className: 'min-w-36' },
    }),
    helper.accessor('firstAmount', {
      id: 'first',
      header: ({ column }) => (
        <DataTableColumnHeader column={column} title={t('summary.first', { flow: flowLabel })} unit={unit} />
      ),
      cell: ({ row }) => (
        <AmountWithYear amount={row.original.firstAmount} year={row.original.firstYear} locale={locale} />
      ),
      sortDescFirst: true,
      meta: { align: 'end' },
    }),
    helper.accessor('lastAmount', {
      id: 'last',
      header: ({ column }) => (
        <DataTableColumnHeader column={column} title={t('summary.last', { flow: flowLabel })} unit={unit} />
      ),
      cell: ({ row }) => (
        <AmountWithYear amount={row.original.lastAmount} year={row.original.lastYear} locale={locale} />
      ),
      sortDescFirst: true,
      meta: { align: 'end' },
    }),
    helper.accessor('change', {
      id: 'change',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('summary.change')} unit={unit} />,
      cell: ({ getValue }) => {
        const value = getValue();
        return value === null
          ? MISSING
          : `${value > 0 ? '+' : value < 0 ? MINUS : ''}${formatMillions(Math.abs(value), locale)}`;
      },
      sortDescFirst: true,
      meta: { align: 'end' },
    }),
    helper.accessor('growth', {
      id: 'growth',
      header: ({ column }) => (
        <DataTableColumnHeader column={column} title={t('summary.growth')} unit={t('summary.growthUnit')} />
      ),
      cell: ({ getValue, row }) => (
        <>
          {formatSignedPercent(getValue(), 1, locale)}
          {row.original.breaks.length > 0 ? (
            <span className="block text-xs text-muted-foreground" data-testid="summary-breaks">
              {t('summary.across', { list: row.original.breaks.join(', ') })}
            </span>
          ) : null}
        </>
      ),
      sortDescFirst: true,
      meta: { align: 'end' },
    }),
    helper.accessor('share', {
      id: 'share',
      header: ({ column }) => (
        <DataTableColumnHeader column={column} title={t('summary.share')} unit={t('summary.shareUnit')} />
      ),
      cell: ({ getValue }) => formatPercent(getValue(), 1, locale),
      sortDescFirst: true,
      meta: { align: 'end' },
    }),
  ]);
}
