// Columns of the partner table. Column ids are the URL sort keys (lib/search-params/overview.ts),
// so a header click maps straight to `?sort=<id>`. Values are USD million; units sit in headers.
// Words and numbers in the page's language: the table passes its translator and locale.
import Link from 'next/link';
import type { useTranslations } from 'next-intl';
import { DataTableColumnHeader } from '@/components/data-table/data-table-column-header';
import { createDataTableColumnHelper } from '@/components/data-table/data-table-features';
import { formatMillions, formatPercent } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { localizedHref } from '@/lib/i18n/paths';
import type { PartnerTableRow } from '@/lib/queries/overview';

const helper = createDataTableColumnHelper<PartnerTableRow>();

export type PartnersTableTexts = ReturnType<typeof useTranslations<'overview.partners'>>;

interface MillionsProps {
  value: number | null;
  isEstimate: boolean;
  isDerived: boolean;
  t: PartnersTableTexts;
  locale: Locale;
}

function Millions({ value, isEstimate, isDerived, t, locale }: MillionsProps) {
  return (
    <>
      {formatMillions(value, locale)}
      {value !== null && isEstimate ? (
        <abbr
          title={t('columns.estimate')}
          className="ml-0.5 align-super text-[0.65rem] text-muted-foreground no-underline"
        >
          e
        </abbr>
      ) : null}
      {value !== null && isDerived ? (
        <abbr
          title={t('columns.derived')}
          className="ml-0.5 align-super text-[0.65rem] text-muted-foreground no-underline"
        >
          d
        </abbr>
      ) : null}
    </>
  );
}

export function partnersTableColumns(t: PartnersTableTexts, locale: Locale) {
  const unit = t('columns.usdMillion');
  return helper.columns([
    helper.accessor('name', {
      id: 'name',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.partner')} />,
      cell: ({ row }) => (
        <>
          <Link
            href={localizedHref(locale, `/partners/${row.original.code}`)}
            className="underline decoration-border underline-offset-2 hover:decoration-current"
          >
            {row.original.name}
          </Link>{' '}
          <span className="font-mono text-xs whitespace-nowrap text-muted-foreground">{row.original.code}</span>
        </>
      ),
      sortDescFirst: false,
      meta: { isRowHeader: true, className: 'min-w-40 max-w-72' },
    }),
    helper.accessor('kind', {
      id: 'kind',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.kind')} />,
      cell: ({ getValue }) => (
        <span className="whitespace-nowrap text-muted-foreground">{t(`kind.${getValue()}`)}</span>
      ),
      enableSorting: false,
    }),
    helper.accessor('exportUsdMn', {
      id: 'export',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.exports')} unit={unit} />,
      cell: ({ row }) => (
        <Millions
          value={row.original.exportUsdMn}
          isEstimate={row.original.exportIsEstimate}
          isDerived={row.original.exportIsDerived}
          t={t}
          locale={locale}
        />
      ),
      sortDescFirst: true,
      meta: { align: 'end' },
    }),
    helper.accessor('importUsdMn', {
      id: 'import',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.imports')} unit={unit} />,
      cell: ({ row }) => (
        <Millions
          value={row.original.importUsdMn}
          isEstimate={row.original.importIsEstimate}
          isDerived={row.original.importIsDerived}
          t={t}
          locale={locale}
        />
      ),
      sortDescFirst: true,
      meta: { align: 'end' },
    }),
    helper.accessor('turnoverUsdMn', {
      id: 'turnover',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.turnover')} unit={unit} />,
      cell: ({ row }) => (
        <Millions
          value={row.original.turnoverUsdMn}
          isEstimate={row.original.turnoverIsEstimate}
          // Turnover is exports plus imports by definition; the note under the table says so once,
          // instead of a "d" in every cell of the column.
          isDerived={false}
          t={t}
          locale={locale}
        />
      ),
      sortDescFirst: true,
      meta: { align: 'end' },
    }),
    helper.accessor('shareOfWorld', {
      id: 'share',
      header: ({ column }) => (
        <DataTableColumnHeader column={column} title={t('columns.share')} unit={t('columns.shareUnit')} />
      ),
      cell: ({ getValue }) => formatPercent(getValue(), 1, locale),
      sortDescFirst: true,
      meta: { align: 'end' },
    }),
  ]);
}
