import { useLocale, useTranslations } from 'next-intl';
import { describeItemCounts, formatProseValues } from '@/lib/consistency/labels';
import type { RenderedCheck } from '@/lib/consistency/render';
import { formatQuantity } from '@/lib/format';
import { CheckItemsTable } from './check-items-table';
import { itemCountTexts } from './item-counts';
import { OutcomeBadge } from './outcome-badge';

/** One check: its outcome (as a word, a symbol and a colour), what it compares, and every item. */
export function CheckSection({ check, showAllItems }: { check: RenderedCheck; showAllItems: boolean }) {
  const t = useTranslations('Consistency');
  const locale = useLocale();
  const values = formatProseValues(check.values, locale);
  const headingId = `${check.id}-heading`;
  return (
    <section
      id={check.id}
      aria-labelledby={headingId}
      data-testid={`check-${check.id}`}
      data-outcome={check.outcome}
      className="scroll-mt-4 space-y-3"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h2 id={headingId} className="text-lg font-semibold">
          {t(`checks.${check.id}.title`)}
        </h2>
        <OutcomeBadge outcome={check.outcome} srPrefix={t('section.outcome')} />
      </div>
      <div className="max-w-4xl space-y-1.5 text-sm text-muted-foreground">
        <p>{t(`checks.${check.id}.description`, values)}</p>
        <p>
          <span className="font-semibold text-foreground">{t('section.why')}</span>
          {t(`checks.${check.id}.why`)}
        </p>
        <p data-testid={`check-${check.id}-tolerance`}>
          <span className="font-semibold text-foreground">{t('section.tolerance')}</span>
          {t(`checks.${check.id}.tolerance`, values)}
        </p>
      </div>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        {check.stats.map((stat) => (
          <div key={stat.label} className="flex gap-1.5">
            <dt className="text-muted-foreground">{stat.label}:</dt>
            <dd className="font-semibold tabular-nums">{formatQuantity(stat.value, stat.unit, locale)}</dd>
          </div>
        ))}
        <div className="flex gap-1.5">
          <dt className="text-muted-foreground">{t('section.items')}:</dt>
          <dd className="font-semibold">{describeItemCounts(check.itemCounts, itemCountTexts(t))}</dd>
        </div>
      </dl>
      <CheckItemsTable check={check} showAllItems={showAllItems} />
    </section>
  );
}
