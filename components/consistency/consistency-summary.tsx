import { useLocale, useTranslations } from 'next-intl';
import { describeItemCounts } from '@/lib/consistency/labels';
import type { RenderedReport } from '@/lib/consistency/render';
import { CHECK_OUTCOMES } from '@/lib/consistency/types';
import { formatNumber, formatTimestampUtc } from '@/lib/format';
import { itemCountTexts } from './item-counts';
import { OutcomeBadge } from './outcome-badge';

/** Counts of checks by outcome, then every check with its outcome, linked to its section. */
export function ConsistencySummary({ report }: { report: RenderedReport }) {
  const t = useTranslations('Consistency');
  const locale = useLocale();
  const counts = itemCountTexts(t);
  return (
    <section aria-labelledby="summary-heading" data-testid="consistency-summary" className="space-y-4">
      <h2 id="summary-heading" className="text-lg font-semibold">
        {t('summary.heading')}
      </h2>
      <p className="text-sm text-muted-foreground">
        {t('summary.ran', {
          count: report.checks.length,
          n: formatNumber(report.checks.length, 0, locale),
          time: formatTimestampUtc(report.checkedAt, locale),
        })}
      </p>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {CHECK_OUTCOMES.map((outcome) => (
          <div key={outcome} className="rounded-lg border border-border bg-card p-3">
            <dt className="space-y-1">
              <OutcomeBadge outcome={outcome} />
              <span className="block text-xs text-muted-foreground">{t(`summary.meanings.${outcome}`)}</span>
            </dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`summary-count-${outcome}`}>
              {formatNumber(report.counts[outcome], 0, locale)}{' '}
              <span className="text-sm font-normal text-muted-foreground">
                {t('summary.checks', { count: report.counts[outcome] })}
              </span>
            </dd>
          </div>
        ))}
      </dl>
      <nav aria-label={t('summary.nav')}>
        <ol className="divide-y divide-border rounded-lg border border-border bg-card text-sm">
          {report.checks.map((check) => (
            <li key={check.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-3 py-2">
              <a href={`#${check.id}`} className="font-medium underline-offset-4 hover:underline">
                {t(`checks.${check.id}.title`)}
              </a>
              <span className="flex flex-wrap items-center gap-2">
                <span className="text-xs text-muted-foreground">{describeItemCounts(check.itemCounts, counts)}</span>
                <OutcomeBadge outcome={check.outcome} />
              </span>
            </li>
          ))}
        </ol>
      </nav>
    </section>
  );
}
