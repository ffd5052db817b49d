// The values newer vintages replaced for one observation, newest first (server component).
import { formatAsPublished, formatTimestampUtc } from '@/lib/format';
import type { ImportBatchSummary, ObservationRevision } from '@/lib/queries/observation-revisions';

const vintageText = (v: string | null) => v ?? 'not stated';

export function ImportBatchText({ batch }: { batch: ImportBatchSummary | null }) {
  if (!batch) return <span className="text-muted-foreground">not recorded</span>;
  return (
    <span>
      <span className="font-mono text-xs">{batch.file_name}</span> ({batch.format}, import #{batch.id},{' '}
      {formatTimestampUtc(batch.finished_at ?? batch.started_at)})
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
  if (revisions.length === 0) {
    return (
      <p className="text-sm text-muted-foreground" data-testid="revision-history-empty">
        No earlier values: no later vintage has changed this figure since it was first imported.
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-border">
      <table className="w-full text-sm" data-testid="revision-history">
        <caption className="sr-only">Earlier values of this observation, newest first</caption>
        <thead className="bg-muted text-left">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Replaced
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Old value
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Old flag
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Vintage (old → new)
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Replaced by
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Import
            </th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((r) => (
            <tr key={r.id} className="border-t border-border align-top" data-testid="revision">
              <td className="px-3 py-2 whitespace-nowrap">{formatTimestampUtc(r.replaced_at)}</td>
              <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums" data-testid="revision-old-value">
                {formatAsPublished(r.old_value, scale, unit)}
              </td>
              <td className="px-3 py-2">{r.old_flag || <span className="text-muted-foreground">none</span>}</td>
              <td className="px-3 py-2" data-testid="revision-vintages">
                {vintageText(r.old_vintage)} → {vintageText(r.new_vintage)}
              </td>
              <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                {formatAsPublished(r.new_value, scale, unit)}
                {r.new_flag ? <span className="text-muted-foreground"> ({r.new_flag})</span> : null}
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
