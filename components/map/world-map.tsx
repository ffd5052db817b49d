import { useLocale } from 'next-intl';
import { REPORTER_KAZ } from '@/lib/constants';
import { mapTexts } from '@/lib/i18n/map-texts';
import { localizedHref } from '@/lib/i18n/paths';
import { partnerName } from '@/lib/i18n/partner-names';
import { NO_DATA_FILL, REPORTER_COLOR } from '@/lib/map/classes';
import { formatMapValue, type MapEntry, type MapView, type MapWords } from '@/lib/map/map-view';
import type { WorldGeometry } from '@/lib/map/world-geometry';

interface WorldMapProps {
  geometry: WorldGeometry;
  view: MapView;
  /** "Turnover, 2025" or "Turnover growth, 2020–2025". */
  subject: string;
  /** Short source names by source id, for each country's title. */
  sourceLabels: ReadonlyMap<string, string>;
  /** id of the element that names the map (the figure's title). */
  labelledBy: string;
  /** `_blank` in an embed: the profiles refuse to be framed. */
  linkTarget?: '_blank';
}

/** Natural Earth's shapes that are in no statistics (drawn as "not a partner"), keyed for the catalogues. */
const UNLISTED_SHAPES: Readonly<Record<string, 'northernCyprus' | 'somaliland'>> = {
  'N. Cyprus': 'northernCyprus',
  Somaliland: 'somaliland',
};

/** What a country's tooltip says: the value with its unit, the period and the source, or why there is none. */
function describe(
  name: string,
  entry: MapEntry | undefined,
  props: WorldMapProps,
  inBlock: boolean,
  words: MapWords,
): string {
  const { view, subject, sourceLabels } = props;
  const { texts } = words;
  if (!entry) return texts('tooltip.noFigure', { name, subject });
  const who = inBlock ? texts('tooltip.inBlock', { name }) : name;
  if (entry.value === null)
    return texts('tooltip.noData', { who, subject, note: entry.note ?? texts('tooltip.notReported') });
  const source = entry.sourceId ? sourceLabels.get(entry.sourceId) : undefined;
  return [
    texts('tooltip.value', { who, value: formatMapValue(view.measure, entry.value, words) }),
    entry.estimate ? texts('tooltip.estimate') : '',
    texts('tooltip.subject', { subject }),
    entry.note ? `; ${entry.note}` : '',
    source ? texts('tooltip.source', { source }) : '.',
  ].join('');
}

/**
 * The world choropleth, drawn on the server as SVG: every shape with a title (the browser's own
 * tooltip, without JavaScript) and, for partners, a link to the profile. The links stay out of the
 * tab order (the table of the same numbers under the map is the keyboard's way in): 180 tab stops
 * across a picture would bury the page's controls.
 */
export function WorldMap(props: WorldMapProps) {
  const { geometry, view, labelledBy, linkTarget } = props;
  const locale = useLocale();
  const words: MapWords = { texts: mapTexts(locale), locale };
  // A shape's own name is Natural Earth's English one: named in the page's language by its code.
  const shapeName = (code: string | null, name: string) => {
    if (code) return partnerName(locale, { code, name });
    const key = UNLISTED_SHAPES[name];
    return key ? words.texts(`shapes.${key}`) : name;
  };
  const block = new Set(view.blockMembers);
  const fillOf = (entry: MapEntry | undefined) =>
    entry && entry.classIndex !== null
      ? (view.classing.classes[entry.classIndex]?.color ?? NO_DATA_FILL)
      : NO_DATA_FILL;

  return (
    <svg
      viewBox={`0 0 ${geometry.width} ${geometry.height}`}
      width={geometry.width}
      height={geometry.height}
      role="group"
      aria-labelledby={labelledBy}
      data-chart-layout="wide"
      data-testid="world-map"
      data-measure={view.measure}
      data-year={view.year}
      className="world-map h-auto w-full"
    >
      <defs>
        <pattern id="map-no-data" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="5" height="5" fill="var(--map-no-data)" />
          <line x1="0" y1="0" x2="0" y2="5" stroke="var(--map-no-data-line)" strokeWidth="1.2" />
        </pattern>
      </defs>
      <g stroke="var(--map-border)" strokeWidth="0.5" strokeLinejoin="round">
        {geometry.shapes.map((shape) => {
          if (shape.code === REPORTER_KAZ)
            return (
              <path key={shape.key} d={shape.d} fill={REPORTER_COLOR} data-reporter="true">
                <title>{words.texts('tooltip.reporter')}</title>
              </path>
            );
          if (shape.code === null)
            return (
              <path key={shape.key} d={shape.d} fill={NO_DATA_FILL}>
                <title>{words.texts('tooltip.unlisted', { name: shapeName(null, shape.name) })}</title>
              </path>
            );
          const entry = view.fills.get(shape.code);
          const inBlock = block.has(shape.code);
          return (
            <a
              key={shape.key}
              href={localizedHref(locale, `/partners/${entry?.code ?? shape.code}`)}
              tabIndex={-1}
              target={linkTarget}
              data-code={shape.code}
              data-class={entry?.classIndex ?? 'none'}
            >
              <path d={shape.d} fill={fillOf(entry)} />
              <title>
                {describe(
                  inBlock ? shapeName(shape.code, shape.name) : (entry?.name ?? shapeName(shape.code, shape.name)),
                  entry,
                  props,
                  inBlock,
                  words,
                )}
              </title>
            </a>
          );
        })}
      </g>
      {/* Small states as points on top, only where the partner has a row that year. */}
      <g stroke="var(--map-border)" strokeWidth="0.8">
        {[...geometry.dots.values()].map((dot) => {
          const entry = view.fills.get(dot.code);
          if (!entry) return null;
          const inBlock = block.has(dot.code);
          return (
            <a
              key={dot.code}
              href={localizedHref(locale, `/partners/${entry.code}`)}
              tabIndex={-1}
              target={linkTarget}
              data-code={dot.code}
              data-class={entry.classIndex ?? 'none'}
              data-dot="true"
            >
              <circle cx={dot.x} cy={dot.y} r="3.5" fill={fillOf(entry)} />
              <title>
                {describe(inBlock ? shapeName(dot.code, dot.name) : entry.name, entry, props, inBlock, words)}
              </title>
            </a>
          );
        })}
      </g>
    </svg>
  );
}
