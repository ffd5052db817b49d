import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { mapTexts } from '@/lib/i18n/map-texts';
import { localizedHref } from '@/lib/i18n/paths';
import { classLabel, formatMapValue, type MapEntry, type MapView, type MapWords } from '@/lib/map/map-view';

interface MapTableProps {
  view: MapView;
  caption: string;
  entries: readonly MapEntry[];
  sourceLabels: ReadonlyMap<string, string>;
  testId: string;
  /** `_blank` in an embed: the profiles refuse to be framed. */
  linkTarget?: '_blank';
}

/**
 * The numbers behind the map as a table: every partner with its value, class, source and note,
 * each linked to its profile (the keyboard's way to the profiles; the map's links are for the mouse).
 */
export function MapTable({ view, caption, entries, sourceLabels, testId, linkTarget }: MapTableProps) {
  const t = useTranslations('map.table');
  const locale = useLocale();
  const words: MapWords = { texts: mapTexts(locale), locale };
  return (
    <ScrollRegion label={caption} className="max-h-[28rem]" testId={testId}>
      {/* Cell styles set once on the table: 200 rows of repeated class lists weighed 150 KB. */}
      <table className="w-full border-collapse text-sm [&_tbody_a:hover]:underline [&_td]:px-2 [&_td]:py-1 [&_tbody_th]:px-2 [&_tbody_th]:py-1 [&_tbody_th]:text-left [&_tbody_th]:font-normal [&_tbody_tr]:border-t [&_tbody_tr]:border-border [&_tbody_tr]:align-top">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-card">
          <tr className="shadow-[inset_0_-1px_0_var(--color-border)]">
            <th scope="col" className="px-2 py-1.5 text-left font-semibold">
              {t('partner')}
            </th>
            <th scope="col" className="px-2 py-1.5 text-right font-semibold">
              {t('value')}
            </th>
            <th scope="col" className="px-2 py-1.5 text-left font-semibold">
              {t('class')}
            </th>
            <th scope="col" className="px-2 py-1.5 text-left font-semibold">
              {t('source')}
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const cls = entry.classIndex === null ? undefined : view.classing.classes[entry.classIndex];
            const href = localizedHref(locale, `/partners/${entry.code}`);
            const source = entry.value !== null && entry.sourceId ? sourceLabels.get(entry.sourceId) : undefined;
            return (
              <tr key={entry.code} data-code={entry.code}>
                <th scope="row">
                  {linkTarget ? (
                    <a href={href} target={linkTarget} rel="noopener">
                      {entry.name}
                    </a>
                  ) : (
                    <Link href={href}>{entry.name}</Link>
                  )}
                </th>
                <td className="text-right whitespace-nowrap tabular-nums" data-value={entry.value ?? undefined}>
                  {formatMapValue(view.measure, entry.value, words)}
                  {entry.estimate ? <sup className="ml-0.5 text-[0.65rem] text-muted-foreground">e</sup> : null}
                </td>
                <td className="px-2 py-1 whitespace-nowrap">
                  {cls ? (
                    <span className="flex items-center gap-1.5">
                      <span
                        aria-hidden="true"
                        className="inline-block h-3 w-4 rounded-sm"
                        style={{ background: cls.color }}
                      />
                      {classLabel(view.measure, cls, words)}
                    </span>
                  ) : (
                    '–'
                  )}
                </td>
                <td className="px-2 py-1 text-xs text-muted-foreground">
                  {/* The source's title as published, a citation; the note in the page's language. */}
                  {source ? <cite className="not-italic">{source}</cite> : null}
                  {source && entry.note ? '; ' : null}
                  {entry.note}
                  {!source && !entry.note ? '–' : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
