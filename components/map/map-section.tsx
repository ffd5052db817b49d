import Link from 'next/link';
import { ChartFigure } from '@/components/charts/chart-figure';
import { MethodsNote } from '@/components/charts/methods-note';
import { SourceCredit } from '@/components/provenance/source-credit';
import { chartFileName, yearSpan } from '@/lib/charts/chart-download';
import { mapEmbed } from '@/lib/charts/chart-embed';
import { formatMapValue, MEASURE_LABELS, measureSentence, measureUnit } from '@/lib/map/map-view';
import type { MapData } from '@/lib/loaders/map';
import type { MapParams } from '@/lib/search-params/map';
import { MapLegend } from './map-legend';
import { MapReadout } from './map-readout';
import { MapTable } from './map-table';
import { WorldMap } from './world-map';

const NATURAL_EARTH =
  'Boundaries: Natural Earth (public domain), 1:110m, small states as points from 1:50m, via the world-atlas package; they imply no position on any disputed border.';

/** The map in its chart frame (title, description, the SVG, legend, table alternative, downloads), then its methods and sources (in an embed, under the map). */
export function MapSection({
  data,
  params,
  year,
  variant = 'card',
}: {
  data: MapData;
  params: MapParams;
  year: number;
  /** `embed` on /embed/map: the map alone, every link opening in a new tab (the full site refuses frames). */
  variant?: 'card' | 'embed';
}) {
  const isEmbed = variant === 'embed';
  const { view, geometry, sources } = data;
  const sourceLabels = new Map(sources.map((s) => [s.id, `${s.title} (${s.publisher})`]));
  const period = params.measure === 'growth' ? `${year - params.window}–${year}` : String(year);
  const label = MEASURE_LABELS[params.measure];
  const title = `${label} by partner, ${period}`;
  const unit = measureUnit(params.measure, params.window);
  const withValue = view.entries.filter((e) => e.value !== null).length;
  const eu =
    params.eu === 'block'
      ? 'The EU is drawn as one block: its 27 members in the EU’s colour, with the EU’s figure.'
      : 'EU members are drawn one by one, each with its own figure.';
  const exportFootnote = `${unit}; ${period}. Kazakhstan’s official series. Sources: ${[...sourceLabels.values()].join('; ')}. ${NATURAL_EARTH}`;

  return (
    <>
      <ChartFigure
        id="world-map-figure"
        title={title}
        headingLevel={2}
        variant={variant}
        embed={mapEmbed(params, year)}
        testId="map-figure"
        description={
          <p>
            {measureSentence(params)}, {period}: {withValue} partners have a value, in {view.classing.classes.length}{' '}
            classes. Countries without one are hatched, never drawn as zero. {eu}
          </p>
        }
        footnote={
          isEmbed ? (
            <>
              <span>
                {unit}; {period}. Kazakhstan’s official series (the bureau’s tables from 2020, the IMF’s before).{' '}
              </span>
              <SourceCredit sources={sources} /> <span>{NATURAL_EARTH}</span>
            </>
          ) : (
            <p>
              {unit}; {period}.
            </p>
          )
        }
        exportFootnote={exportFootnote}
        exportContext={`${label}, ${unit}; ${params.eu === 'block' ? 'the EU as one block' : 'EU members one by one'}`}
        downloadName={chartFileName([
          'map',
          params.measure,
          params.measure === 'growth' ? `${params.window}y` : null,
          params.eu === 'block' ? 'eu-block' : null,
          params.measure === 'growth' ? yearSpan(year - params.window, year) : year,
        ])}
        table={
          <MapTable
            view={view}
            entries={view.entries}
            caption={`${title}: ${unit}`}
            sourceLabels={sourceLabels}
            testId="map-table"
            linkTarget={isEmbed ? '_blank' : undefined}
          />
        }
      >
        <MapReadout
          hint="Point at a country, or tap it, for its figure; click it to open the partner’s profile."
          openInNewTab={isEmbed}
        >
          <WorldMap
            geometry={geometry}
            view={view}
            subject={`${label}, ${period}`}
            sourceLabels={sourceLabels}
            labelledBy="world-map-figure-title"
            linkTarget={isEmbed ? '_blank' : undefined}
          />
        </MapReadout>
        <MapLegend view={view} unit={unit} />
        {view.undrawn.length > 0 ? (
          <div className="text-sm" data-testid="map-undrawn">
            <p className="font-medium">
              Partners the map cannot draw (former countries, or too small for its outlines):
            </p>
            <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {view.undrawn.map((entry) => (
                <li key={entry.code} data-code={entry.code}>
                  {isEmbed ? (
                    <a
                      href={`/partners/${entry.code}`}
                      target="_blank"
                      rel="noopener"
                      className="underline underline-offset-2"
                    >
                      {entry.name}
                    </a>
                  ) : (
                    <Link href={`/partners/${entry.code}`} className="underline underline-offset-2">
                      {entry.name}
                    </Link>
                  )}
                  : {formatMapValue(params.measure, entry.value)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </ChartFigure>
      {isEmbed ? null : (
        <MethodsNote>
          <p>
            Kazakhstan’s official series: the bureau’s tables from 2020, the IMF’s before (the same rows as the partners
            page).
          </p>
          <p>
            <SourceCredit sources={sources} />
          </p>
          <p>{NATURAL_EARTH}</p>
        </MethodsNote>
      )}
    </>
  );
}
