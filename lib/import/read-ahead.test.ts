import { describe, expect, it } from 'vitest';
import { readAhead } from './read-ahead';

async function* numbers(n: number, log: string[], failAt?: number) {
  try {
    for (let i = 1; i <= n; i += 1) {
      if (i === failAt) throw new Error(`failed at ${i}`);
      log.push(`produced ${i}`);
      yield i;
    }
  } finally {
    log.push('closed');
  }
}

describe('readAhead', () => {
  it('yields every item in order, with the producer one item ahead of the consumer', async () => {
    const log: string[] = [];
    for await (const n of readAhead(numbers(3, log))) {
      log.push(`consumed ${n}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // The source finishes (and closes) while the consumer still works on the last item.
    expect(log).toEqual(['produced 1', 'produced 2', 'consumed 1', 'produced 3', 'consumed 2', 'closed', 'consumed 3']);
  });

  it('passes on a failure of the source where the consumer reaches it, without an unhandled rejection', async () => {
    const log: string[] = [];
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const n of readAhead(numbers(5, log, 3))) {
          seen.push(n);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })(),
    ).rejects.toThrow('failed at 3');
    expect(seen).toEqual([1, 2]);
  });

  it('closes the source when the consumer stops early', async () => {
    const log: string[] = [];
    for await (const n of readAhead(numbers(10, log))) {
      if (n === 2) break;
    }
    expect(log.at(-1)).toBe('closed');
    expect(log.filter((l) => l.startsWith('produced')).length).toBeLessThanOrEqual(3);
  });
});
