import { useLocale, useTranslations } from 'next-intl';
import { mapTexts } from '@/lib/i18n/map-texts';
import { NO_DATA_COLOR, REPORTER_COLOR } from '@/lib/map/classes';
import { classLabel, classingSentence, type MapView, type MapWords } from '@/lib/map/map-view';

const SWATCH = 'inline-block h-3 w-5 shrink-0 rounded-sm border border-border';
/** The map's hatching, for the "no data" swatch (the SVG pattern cannot be used outside the SVG). */
const HATCH = `repeating-linear-gradient(45deg, var(--map-no-data) 0 2px, var(--map-no-data-line) 2px 3px)`;

/** The classed legend: each class with its stated limits and how many partners fall in it. */
export function MapLegend({ view, unit }: { view: MapView; unit: string }) {
  const t = useTranslations('map.legend');
  const locale = useLocale();
  const words: MapWords = { texts: mapTexts(locale), locale };
  // Which colour is which side, for the two measures that have sides.
  const sides = view.measure === 'balance' ? t('balance') : view.measure === 'growth' ? t('growth') : null;
  const counts = view.classing.classes.map((_, i) => view.entries.filter((e) => e.classIndex === i).length);
  const withValue = view.entries.filter((e) => e.value !== null).length;
  return (
    <div className="space-y-1.5 text-xs" data-testid="map-legend">
      <p className="font-medium">{unit}</p>
      <ul className="flex flex-wrap gap-x-4 gap-y-1.5" aria-label={t('label')}>
        {view.classing.classes.map((cls, i) => (
          <li key={cls.color} className="flex items-center gap-1.5" data-legend-item="bar" data-color={cls.color}>
            <span aria-hidden="true" className={SWATCH} style={{ background: cls.color }} />
            {classLabel(view.measure, cls, words)} ({counts[i]})
          </li>
        ))}
        <li className="flex items-center gap-1.5" data-legend-item="bar" data-color={NO_DATA_COLOR}>
          <span aria-hidden="true" className={SWATCH} style={{ background: HATCH }} />
          {t('noData')}
        </li>
        <li className="flex items-center gap-1.5" data-legend-item="bar" data-color={REPORTER_COLOR}>
          <span aria-hidden="true" className={SWATCH} style={{ background: REPORTER_COLOR }} />
          {t('reporter')}
        </li>
      </ul>
      <p className="text-muted-foreground">
        {sides ? `${sides} ` : null}
        {classingSentence(view.classing, withValue, words)}
      </p>
    </div>
  );
}
