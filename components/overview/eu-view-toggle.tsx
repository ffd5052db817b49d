'use client';

import { useTranslations } from 'next-intl';
import { useUrlState } from '@/components/layout/use-url-state';
import { COMPOSITION_EU_VIEWS, overviewParsers, type OverviewSearchParams } from '@/lib/search-params/overview';

/** Either the EU or its members, never both: the toggle is the only way to switch, and it is URL state. */
export function EuViewToggle({ params }: { params: OverviewSearchParams }) {
  const { navigate, isPending } = useUrlState(overviewParsers, params);
  const t = useTranslations('overview.composition');
  return (
    <fieldset className="flex items-center gap-2" aria-busy={isPending}>
      <legend className="sr-only">{t('euLegend')}</legend>
      <div className="flex gap-1 rounded-md border border-border bg-card p-1">
        {COMPOSITION_EU_VIEWS.map((view) => (
          <label
            key={view}
            className="cursor-pointer rounded px-2.5 py-1 text-sm hover:bg-muted has-[:checked]:bg-accent has-[:checked]:text-background has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent"
          >
            <input
              type="radio"
              name="eu-view"
              value={view}
              checked={params.eu === view}
              onChange={() => navigate({ eu: view })}
              className="sr-only"
            />
            {t(`eu.${view}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
