import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, csvRecordBatches, type CsvRecord } from './csv-records';

async function* chunked(text: string, sizes: number[]): AsyncGenerator<string> {
  let pos = 0;
  let k = 0;
  while (pos < text.length) {
    const size = Math.max(1, sizes.length > 0 ? (sizes[k++ % sizes.length] ?? 1) : text.length);
    yield text.slice(pos, pos + size);
    pos += size;
  }
}

async function parseAll(text: string, sizes: number[] = [], delimiter = ','): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const batch of csvRecordBatches(chunked(text, sizes), delimiter)) out.push(...batch);
  return out;
}

describe('csvRecordBatches', () => {
  it('reads plain and quoted fields with their start lines, skipping empty lines', async () => {
    const text = '\uFEFFa,b,c\n1,"two, with comma","three ""quoted"""\r\n\n4,"multi\nline",6\n7,,\n';
    expect(await parseAll(text)).toEqual([
      { fields: ['a', 'b', 'c'], line: 1 },
      { fields: ['1', 'two, with comma', 'three "quoted"'], line: 2 },
      { fields: ['4', 'multi\nline', '6'], line: 4 },
      { fields: ['7', '', ''], line: 6 },
    ]);
  });

  it('reads a last line without a line break and other delimiters', async () => {
    expect(await parseAll('a;b\n"x";y', [], ';')).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['x', 'y'], line: 2 },
    ]);
  });

  it.each([
    ['an unclosed quote', 'a,b\n"open,1\n2,3\n', 2],
    ['text after a closing quote', 'a,b\n"x"y,1\n', 2],
    ['a quote inside an unquoted field', 'a,b\nx"y,1\n', 2],
  ])('refuses %s with the line', async (_name, text, line) => {
    const error = await parseAll(text).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect((error as CsvSyntaxError).line).toBe(line);
  });

  it('reads back whatever csv-stringify writes, however the text is chunked', async () => {
    const field = fc.string({
      unit: fc.constantFrom('a', 'Ä', ',', '"', '\n', '\r\n', ' ', '1', '€', '\t'),
      maxLength: 8,
    });
    const record = fc.array(field, { minLength: 1, maxLength: 5 }).filter((r) => !(r.length === 1 && r[0] === ''));
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 5 }),
        async (records, sizes) => {
          const lines = records.map((r) => stringify([r], { record_delimiter: 'unix' }));
          const starts: number[] = [];
          let line = 1;
          for (const l of lines) {
            starts.push(line);
            line += (l.match(/\n/g) ?? []).length;
          }
          const parsed = await parseAll(lines.join(''), sizes);
          expect(parsed.map((r) => r.fields)).toEqual(records);
          expect(parsed.map((r) => r.line)).toEqual(starts);
        },
      ),
      { numRuns: 300 },
    );
  });
});
