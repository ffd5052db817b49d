// The disagreement table's cells, drawn by the server (DataTableBody): the browser gets the
// finished rows and runs none of this (issue 18.2). The header's column definitions are
// mirror-table-columns.tsx, both in the order of MIRROR_COLUMNS (mirror-column-layout.ts).
import Link from 'next/link';
import type { ReactNode } from 'react';
import { disagreementSentence, type MirrorSentenceTexts } from '@/lib/charts/mirror-text';
import { formatMillions, MISSING } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { localizedHref } from '@/lib/i18n/paths';
import type { MirrorGapRow } from '@/lib/queries/mirror';
import type { MirrorColumnId } from './mirror-column-layout';
import type { MirrorTexts } from './mirror-table-columns';

const signed = (value: number, locale: Locale) =>
  `${value > 0 ? '+' : value < 0 ? '−' : ''}${formatMillions(Math.abs(value), locale)}`;

export function mirrorCells(t: MirrorTexts, locale: Locale): Record<MirrorColumnId, (row: MirrorGapRow) => ReactNode> {
  const sentenceTexts: MirrorSentenceTexts = (key, values) => t(`sentence.${key}`, values);
  return {
    partner: (r) => (
      <Link
        href={localizedHref(locale, `/partners/${r.partnerCode}#mirror-heading`)}
        prefetch={false}
        className="underline-offset-2 hover:underline"
      >
        {r.partnerName}{' '}
        <span className="font-mono text-xs whitespace-nowrap text-muted-foreground">{r.partnerCode}</span>
      </Link>
    ),
    year: (r) => r.year,
    kaz: (r) => (
      <span className="tabular-nums">
        {formatMillions(r.kazUsdMn, locale)}
        {r.hasEstimate ? (
          <abbr title={t('columns.estimate')} className="ml-0.5 text-xs text-muted-foreground no-underline">
            {t('columns.estimateMark')}
          </abbr>
        ) : null}
      </span>
    ),
    partner_value: (r) => <span className="tabular-nums">{formatMillions(r.partnerUsdMn, locale)}</span>,
    abs_gap: (r) => <span className="tabular-nums">{signed(r.gapUsdMn, locale)}</span>,
    ratio: (r) =>
      r.ratio === null && r.partnerUsdMn === 0 && r.kazUsdMn === 0 ? (
        MISSING
      ) : (
        <span data-testid="mirror-sentence">
          {disagreementSentence(r.kazUsdMn, r.partnerUsdMn, r.partnerName, sentenceTexts, locale)}
        </span>
      ),
  };
}
