import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { ChartFigure } from '@/components/charts/chart-figure';
import { MethodsNote } from '@/components/charts/methods-note';
import { SourceCredit } from '@/components/provenance/source-credit';
import { chartFileName, yearSpan } from '@/lib/charts/chart-download';
import { mapEmbed } from '@/lib/charts/chart-embed';
import { mapTexts } from '@/lib/i18n/map-texts';
import { localizedEmbed, localizedHref } from '@/lib/i18n/paths';
import { formatMapValue, measureLabel, measureSentence, measureUnit, type MapWords } from '@/lib/map/map-view';
import type { MapData } from '@/lib/loaders/map';
import type { MapParams } from '@/lib/search-params/map';
import { MapLegend } from './map-legend';
import { MapReadout } from './map-readout';
import { MapTable } from './map-table';
import { WorldMap } from './world-map';

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
  const t = useTranslations('map');
  const locale = useLocale();
  const words: MapWords = { texts: mapTexts(locale), locale };
  const isEmbed = variant === 'embed';
  const { view, geometry, sources } = data;
  const sourceLabels = new Map(sources.map((s) => [s.id, `${s.title} (${s.publisher})`]));
  const period = params.measure === 'growth' ? `${year - params.window}–${year}` : String(year);
  const label = measureLabel(params.measure, words);
  const title = t('figure.title', { measure: label, period });
  const unit = measureUnit(params.measure, params.window, words);
  const withValue = view.entries.filter((e) => e.value !== null).length;
  const eu = params.eu === 'block' ? t('figure.euBlock') : t('figure.euMembers');
  const boundaries = t('figure.boundaries');
  const exportFootnote = t('figure.exportFootnote', {
    unit,
    period,
    sources: [...sourceLabels.values()].join('; '),
    boundaries,
  });
  const profile = (code: string) => localizedHref(locale, `/partners/${code}`);

  return (
    <>
      <ChartFigure
        id="world-map-figure"
        title={title}
        headingLevel={2}
        variant={variant}
        embed={localizedEmbed(locale, mapEmbed(params, year))}
        testId="map-figure"
        description={
          <p>
            {t('figure.description', {
              sentence: measureSentence(params, words),
              period,
              count: withValue,
              classes: String(view.classing.classes.length),
              eu,
            })}
          </p>
        }
        footnote={
          isEmbed ? (
            <>
              <span>{t('figure.embedFootnote', { unit, period })} </span>
              <SourceCredit sources={sources} /> <span>{boundaries}</span>
            </>
          ) : (
            <p>{t('figure.footnote', { unit, period })}</p>
          )
        }
        exportFootnote={exportFootnote}
        exportContext={t('figure.exportContext', { measure: label, unit, eu: params.eu })}
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
            caption={t('figure.tableCaption', { title, unit })}
            sourceLabels={sourceLabels}
            testId="map-table"
            linkTarget={isEmbed ? '_blank' : undefined}
          />
        }
      >
        <MapReadout hint={t('figure.hint')} openInNewTab={isEmbed}>
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
            <p className="font-medium">{t('figure.undrawn')}</p>
            <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {view.undrawn.map((entry) => (
                <li key={entry.code} data-code={entry.code}>
                  {isEmbed ? (
                    <a
                      href={profile(entry.code)}
                      target="_blank"
                      rel="noopener"
                      className="underline underline-offset-2"
                    >
                      {entry.name}
                    </a>
                  ) : (
                    <Link href={profile(entry.code)} className="underline underline-offset-2">
                      {entry.name}
                    </Link>
                  )}
                  : {formatMapValue(params.measure, entry.value, words)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </ChartFigure>
      {isEmbed ? null : (
        <MethodsNote>
          <p>{t('figure.methods')}</p>
          <p>
            <SourceCredit sources={sources} />
          </p>
          <p>{boundaries}</p>
        </MethodsNote>
      )}
    </>
  );
}
