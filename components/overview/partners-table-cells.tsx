// The cells of the overview's partner table, drawn by the server (PartnersSection): the browser
// gets finished rows and formats no number while it hydrates. Values are USD million; units sit
// in the headers (partners-table-columns.tsx).
import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatMillions, formatPercent } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { localizedHref } from '@/lib/i18n/paths';
import type { PartnerTableRow } from '@/lib/queries/overview';
import type { PartnersTableTexts } from './partners-table-columns';
import type { PartnersTableColumnId } from './partners-table-layout';

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

export function partnersTableCells(
  t: PartnersTableTexts,
  locale: Locale,
): Record<PartnersTableColumnId, (row: PartnerTableRow) => ReactNode> {
  return {
    name: (row) => (
      <>
        <Link
          href={localizedHref(locale, `/partners/${row.code}`)}
          className="underline decoration-border underline-offset-2 hover:decoration-current"
        >
          {row.name}
        </Link>{' '}
        <span className="font-mono text-xs whitespace-nowrap text-muted-foreground">{row.code}</span>
      </>
    ),
    kind: (row) => <span className="whitespace-nowrap text-muted-foreground">{t(`kind.${row.kind}`)}</span>,
    export: (row) => (
      <Millions
        value={row.exportUsdMn}
        isEstimate={row.exportIsEstimate}
        isDerived={row.exportIsDerived}
        t={t}
        locale={locale}
      />
    ),
    import: (row) => (
      <Millions
        value={row.importUsdMn}
        isEstimate={row.importIsEstimate}
        isDerived={row.importIsDerived}
        t={t}
        locale={locale}
      />
    ),
    // Turnover is exports plus imports by definition; the note under the table says so once,
    // instead of a "d" in every cell of the column.
    turnover: (row) => (
      <Millions value={row.turnoverUsdMn} isEstimate={row.turnoverIsEstimate} isDerived={false} t={t} locale={locale} />
    ),
    share: (row) => formatPercent(row.shareOfWorld, 1, locale),
  };
}
