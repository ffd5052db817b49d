import { describe, expect, it } from 'vitest';
import { ReadAhead } from './read-ahead';

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

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('ReadAhead', () => {
  it('produces the next item only when the consumer asks for it, by default', async () => {
    const log: string[] = [];
    for await (const n of new ReadAhead(numbers(3, log))) {
      log.push(`consumed ${n}`);
      await tick();
    }
    expect(log).toEqual(['produced 1', 'consumed 1', 'produced 2', 'consumed 2', 'produced 3', 'consumed 3', 'closed']);
  });

  it('produces the next item while the consumer awaits, once startNext is called', async () => {
    const log: string[] = [];
    const ahead = new ReadAhead(numbers(3, log));
    for await (const n of ahead) {
      log.push(`copied ${n}`);
      ahead.startNext();
      await tick();
      log.push(`merged ${n}`);
    }
    // The source finishes (and closes) while the consumer still works on the last item.
    expect(log).toEqual([
      'produced 1',
      'copied 1',
      'produced 2',
      'merged 1',
      'copied 2',
      'produced 3',
      'merged 2',
      'copied 3',
      'closed',
      'merged 3',
    ]);
  });

  it('starts one item ahead at most, however often startNext is called', async () => {
    const log: string[] = [];
    const ahead = new ReadAhead(numbers(5, log));
    for await (const n of ahead) {
      ahead.startNext();
      ahead.startNext();
      await tick();
      log.push(`consumed ${n}`);
    }
    expect(log.slice(0, 4)).toEqual(['produced 1', 'produced 2', 'consumed 1', 'produced 3']);
    expect(log.filter((l) => l.startsWith('consumed')).length).toBe(5);
  });

  it('passes on a failure of the source where the consumer reaches it, without an unhandled rejection', async () => {
    const log: string[] = [];
    const seen: number[] = [];
    await expect(
      (async () => {
        const ahead = new ReadAhead(numbers(5, log, 3));
        for await (const n of ahead) {
          seen.push(n);
          ahead.startNext();
          await tick();
        }
      })(),
    ).rejects.toThrow('failed at 3');
    expect(seen).toEqual([1, 2]);
  });

  it('closes the source when the consumer stops early', async () => {
    const log: string[] = [];
    const ahead = new ReadAhead(numbers(10, log));
    for await (const n of ahead) {
      ahead.startNext();
      if (n === 2) break;
    }
    expect(log.at(-1)).toBe('closed');
    expect(log.filter((l) => l.startsWith('produced')).length).toBe(3);
  });
});
