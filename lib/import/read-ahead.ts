/**
 * Yields what `source` yields; `startNext()` starts producing the next item at once, so that the
 * producer's work (reading and checking the next chunk) runs while the consumer awaits something
 * else (PostgreSQL merging this chunk). The consumer says when: the producer's work runs on the
 * same thread, so reading ahead while the consumer still streams a chunk to PostgreSQL delays that
 * stream by as long as the reading takes (measured in docs/import.md, "Throughput").
 */
export class ReadAhead<T> implements AsyncIterable<T> {
  readonly #iterator: AsyncIterator<T>;
  #pending: Promise<IteratorResult<T>> | null = null;

  constructor(source: AsyncIterable<T>) {
    this.#iterator = source[Symbol.asyncIterator]();
  }

  /** Starts producing the next item now, unless it is already being produced. */
  startNext(): void {
    if (this.#pending) return;
    const next = this.#iterator.next();
    // Handled when awaited below; without this, a failure that arrives while the consumer is
    // busy would count as an unhandled rejection.
    next.catch(() => undefined);
    this.#pending = next;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    let done = false;
    try {
      for (;;) {
        this.startNext();
        const next = await (this.#pending as Promise<IteratorResult<T>>);
        this.#pending = null;
        if (next.done) {
          done = true;
          return;
        }
        yield next.value;
      }
    } finally {
      // The consumer stopped early (or failed): let the source close its file.
      if (!done) await this.#iterator.return?.(undefined).catch(() => undefined);
    }
  }
}
