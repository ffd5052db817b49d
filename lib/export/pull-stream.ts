// A byte stream fed from batches of rows, pulled by the consumer: a batch is read from the source
// (the database cursor) only when the client has taken the bytes of the previous one, so a slow
// download holds one batch in memory, not the whole result.
import type { RowBatches } from './types';

interface PullStreamParts<Row> {
  start?: () => Uint8Array;
  batch: (rows: readonly Row[], index: number) => Uint8Array;
  end?: () => Uint8Array;
}

export function pullStream<Row>(batches: RowBatches<Row>, parts: PullStreamParts<Row>): ReadableStream<Uint8Array> {
  const iterator = batches[Symbol.asyncIterator]();
  let started = false;
  let index = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          const head = parts.start?.();
          if (head && head.byteLength > 0) {
            controller.enqueue(head);
            return;
          }
        }
        // Empty batches produce no bytes; keep reading until there is something to hand over.
        for (;;) {
          const next = await iterator.next();
          if (next.done) {
            const tail = parts.end?.();
            if (tail && tail.byteLength > 0) controller.enqueue(tail);
            controller.close();
            return;
          }
          if (next.value.length === 0) continue;
          controller.enqueue(parts.batch(next.value, index));
          index += 1;
          return;
        }
      } catch (error) {
        // The status line is gone already: end the body with an error so the client sees a broken transfer.
        controller.error(error);
      }
    },
    async cancel() {
      // The client went away: close the cursor so the download's connection is free to close.
      await iterator.return?.(undefined);
    },
  });
}
