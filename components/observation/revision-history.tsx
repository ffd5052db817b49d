// The values newer vintages replaced for one observation, newest first (server component).
import { useLocale, useTranslations } from 'next-intl';
import { formatAsPublished, formatNumber, formatTimestampUtc } from '@/lib/format';
import type { ImportBatchSummary, ObservationRevision } from '@/lib/queries/observation-revisions';

export function ImportBatchText({ batch }: { batch: ImportBatchSummary | null }) {
  const t = useTranslations('Observation.batch');
  const locale = useLocale();
  if (!batch) return <span className="text-muted-foreground">{t('notRecorded')}</span>;
  return (
    <span>
      <span className="font-mono text-xs">{batch.file_name}</span>{' '}
      {t.rich('details', {
        // The importer's name of the file's layout (tidy, imf-dots): a code, as written.
        worded: (chunks) => <span lang="en">{chunks}</span>,
        format: batch.format,
        id: String(batch.id),
        time: formatTimestampUtc(batch.finished_at ?? batch.started_at, locale),
      })}
    </span>
  );
}

export function RevisionHistory({
  revisions,
  unit,
  scale,
}: {
  revisions: readonly ObservationRevision[];
  unit: string;
  scale: number;
}) {
  const t = useTranslations('Observation.revisions');
  const locale = useLocale();
  // A vintage is the source's own name of an edition: cited as published.
  const vintageText = (v: string | null) => (v ? <cite className="not-italic">{v}</cite> : t('notStated'));
  if (revisions.length === 0) {
    return (
      <p className="text-sm text-muted-foreground" data-testid="revision-history-empty">
        {t('empty')}
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-border">
      <table className="w-full text-sm" data-testid="revision-history">
        <caption className="sr-only">{t('caption')}</caption>
        <thead className="bg-muted text-left">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              {t('replaced')}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t('oldValue')}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t('oldFlag')}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t('vintages')}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t('replacedBy')}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t('import')}
            </th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((r) => (
            <tr key={r.id} className="border-t border-border align-top" data-testid="revision">
              <td className="px-3 py-2 whitespace-nowrap">{formatTimestampUtc(r.replaced_at, locale)}</td>
              <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums" data-testid="revision-old-value">
                {formatAsPublished(r.old_value, scale, unit, locale)}
              </td>
              <td className="px-3 py-2">
                {r.old_flag ? (
                  <span lang="en">{r.old_flag}</span>
                ) : (
                  <span className="text-muted-foreground">{t('none')}</span>
                )}
              </td>
              <td className="px-3 py-2" data-testid="revision-vintages">
                {vintageText(r.old_vintage)} → {vintageText(r.new_vintage)}
              </td>
              <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                {formatAsPublished(r.new_value, scale, unit, locale)}
                {r.new_flag ? (
                  <span className="text-muted-foreground">
                    {' '}
                    (<span lang="en">{r.new_flag}</span>)
                  </span>
                ) : null}
              </td>
              <td className="px-3 py-2">
                <ImportBatchText batch={r.import_batch} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The section under an observation: its revision history, with the JSON the API gives of it. */
export function RevisionSection({
  id,
  revisions,
  unit,
  scale,
}: {
  id: string;
  revisions: readonly ObservationRevision[];
  unit: string;
  scale: number;
}) {
  const t = useTranslations('Observation.revisions');
  const locale = useLocale();
  return (
    <section aria-labelledby="revisions" className="space-y-2">
      <h2 id="revisions" className="text-lg font-semibold">
        {revisions.length > 0 ? t('headingCount', { count: formatNumber(revisions.length, 0, locale) }) : t('heading')}
      </h2>
      <p className="text-sm text-muted-foreground">
        {t('intro')}{' '}
        <a
          href={`/api/observations/${id}/revisions`}
          className="font-mono text-xs underline underline-offset-2 hover:text-accent"
        >
          /api/observations/{id}/revisions
        </a>
      </p>
      <RevisionHistory revisions={revisions} unit={unit} scale={scale} />
    </section>
  );
}
