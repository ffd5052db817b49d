import { describe, expect, it } from 'vitest';
import { countLines } from './download-probe';

async function* chunks(...parts: string[]) {
  for (const part of parts) yield new TextEncoder().encode(part);
}

describe('countLines', () => {
  it('counts line breaks and bytes across chunks that split lines anywhere', async () => {
    expect(await countLines(chunks('a,b\n1,', '2\n3,4', '\n\n', 'é\n'))).toEqual({ lines: 5, bytes: 16 });
    expect(await countLines(chunks())).toEqual({ lines: 0, bytes: 0 });
  });
});
