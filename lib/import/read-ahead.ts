/**
 * Yields what `source` yields, pulling up to `depth` items ahead of the consumer: while the
 * consumer awaits something else (the database merging a chunk), the producer's work (reading
 * and checking the next chunk) runs in the meantime instead of after it.
 */
export async function* readAhead<T>(source: AsyncIterable<T>, depth = 1): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  const pending: Promise<IteratorResult<T>>[] = [];
  const pull = () => {
    const next = iterator.next();
    // Handled when awaited below; without this, a failure that arrives while the consumer is
    // busy would count as an unhandled rejection.
    next.catch(() => undefined);
    pending.push(next);
  };
  let done = false;
  try {
    for (;;) {
      while (pending.length <= depth) pull();
      const next = await (pending.shift() as Promise<IteratorResult<T>>);
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    // The consumer stopped early (or failed): let the source close its file.
    if (!done) await iterator.return?.(undefined).catch(() => undefined);
  }
}
