import Link from 'next/link';
import type { useTranslations } from 'next-intl';
import { DataTableColumnHeader } from '@/components/data-table/data-table-column-header';
import { createDataTableColumnHelper } from '@/components/data-table/data-table-features';
import { disagreementSentence, type MirrorSentenceTexts } from '@/lib/charts/mirror-text';
import { formatMillions, MISSING } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { localizedHref } from '@/lib/i18n/paths';
import type { MirrorGapRow } from '@/lib/queries/mirror';
import type { MirrorFlow } from '@/lib/search-params/mirror';

const helper = createDataTableColumnHelper<MirrorGapRow>();

const signed = (value: number, locale: Locale) =>
  `${value > 0 ? '+' : value < 0 ? '−' : ''}${formatMillions(Math.abs(value), locale)}`;

export type MirrorTexts = ReturnType<typeof useTranslations<'MirrorScreen'>>;

/** The disagreement table's columns, in the page's language; which record is which depends on the flow. */
export function mirrorColumns(flow: MirrorFlow, t: MirrorTexts, locale: Locale) {
  const kaz = t('columns.kaz', { flow });
  const partner = t('columns.partnerValue', { flow });
  const sentenceTexts: MirrorSentenceTexts = (key, values) => t(`sentence.${key}`, values);
  return helper.columns([
    helper.accessor('partnerName', {
      id: 'partner',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.partner')} />,
      cell: ({ row }) => (
        <Link
          href={localizedHref(locale, `/partners/${row.original.partnerCode}#mirror-heading`)}
          prefetch={false}
          className="underline-offset-2 hover:underline"
        >
          {row.original.partnerName}{' '}
          <span className="font-mono text-xs whitespace-nowrap text-muted-foreground">{row.original.partnerCode}</span>
        </Link>
      ),
      sortDescFirst: false,
      meta: { label: t('columns.partner'), isRowHeader: true, className: 'min-w-40' },
    }),
    helper.accessor('year', {
      id: 'year',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.year')} />,
      cell: ({ getValue }) => getValue(),
      sortDescFirst: true,
      meta: { label: t('columns.year'), align: 'end' },
    }),
    helper.accessor('kazUsdMn', {
      id: 'kaz',
      header: ({ column }) => <DataTableColumnHeader column={column} title={kaz} unit={t('columns.kazUnit')} />,
      cell: ({ row }) => (
        <span className="tabular-nums">
          {formatMillions(row.original.kazUsdMn, locale)}
          {row.original.hasEstimate ? (
            <abbr title={t('columns.estimate')} className="ml-0.5 text-xs text-muted-foreground no-underline">
              {t('columns.estimateMark')}
            </abbr>
          ) : null}
        </span>
      ),
      sortDescFirst: true,
      meta: { label: kaz, align: 'end' },
    }),
    helper.accessor('partnerUsdMn', {
      id: 'partner_value',
      header: ({ column }) => <DataTableColumnHeader column={column} title={partner} unit={t('columns.partnerUnit')} />,
      cell: ({ getValue }) => <span className="tabular-nums">{formatMillions(getValue(), locale)}</span>,
      sortDescFirst: true,
      meta: { label: partner, align: 'end' },
    }),
    helper.accessor('gapUsdMn', {
      // Sorted by size, whichever side records more.
      id: 'abs_gap',
      header: ({ column }) => (
        <DataTableColumnHeader column={column} title={t('columns.gap')} unit={t('columns.gapUnit')} />
      ),
      cell: ({ getValue }) => <span className="tabular-nums">{signed(getValue(), locale)}</span>,
      sortDescFirst: true,
      meta: { label: t('columns.gap'), align: 'end' },
    }),
    helper.accessor('ratio', {
      id: 'ratio',
      header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.ratio')} />,
      cell: ({ row }) =>
        row.original.ratio === null && row.original.partnerUsdMn === 0 && row.original.kazUsdMn === 0 ? (
          MISSING
        ) : (
          <span data-testid="mirror-sentence">
            {disagreementSentence(
              row.original.kazUsdMn,
              row.original.partnerUsdMn,
              row.original.partnerName,
              sentenceTexts,
              locale,
            )}
          </span>
        ),
      sortDescFirst: true,
      meta: { label: t('columns.ratio'), className: 'min-w-56' },
    }),
  ]);
}
