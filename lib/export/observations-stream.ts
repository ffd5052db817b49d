// Turns the cursor's batches into a streamed HTTP body (CSV or JSON), pulling the next batch only
// when the client has taken the previous one.
import type { ObservationRecord } from '@/lib/queries/observations';
import { scaleLabel, UNSPECIFIED_REPORTER } from '@/lib/import/tidy-row';
import { csvHeader, csvRows } from './observations-csv';

export function toJsonRecord(r: ObservationRecord): string {
  const unspecified = r.reporter_code === UNSPECIFIED_REPORTER;
  const json = JSON.stringify({
    ...r,
    reporter: unspecified ? 'unspecified' : r.reporter,
    reporter_code: unspecified ? '' : r.reporter_code,
    value: '\u0000value',
    scale: scaleLabel(r.scale),
    stated_growth_pct: r.stated_growth_pct === null ? null : Number(r.stated_growth_pct),
  });
  // PostgreSQL's numeric text is a valid JSON number: writing it verbatim keeps every digit.
  return json.replace('"\\u0000value"', r.value);
}

export function observationsBody(batches: AsyncGenerator<ObservationRecord[]>, format: 'csv' | 'json'): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let started = false;
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(format === 'csv' ? csvHeader() : '['));
      }
      try {
        const next = await batches.next();
        if (next.done) {
          if (format === 'json') controller.enqueue(encoder.encode(']\n'));
          controller.close();
          return;
        }
        if (format === 'csv') {
          controller.enqueue(encoder.encode(csvRows(next.value)));
        } else {
          const parts = next.value.map((r) => toJsonRecord(r));
          controller.enqueue(encoder.encode((first ? '\n' : ',\n') + parts.join(',\n')));
          first = false;
        }
      } catch (error) {
        // Headers are gone already: end the body with an error so the client sees a broken transfer.
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
