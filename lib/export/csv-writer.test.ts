import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, csvHeader, csvLines } from './csv-writer';
import type { ExportColumn } from './types';

type Row = { a: string | null; b: string | number | null; c: boolean };

const COLUMNS: readonly ExportColumn<Row>[] = [
  { key: 'a', type: 'text', value: (r) => r.a, description: 'text' },
  { key: 'b', type: 'number', value: (r) => r.b, description: 'number' },
  { key: 'c', type: 'boolean', value: (r) => r.c, description: 'flag' },
];

// Text with the characters that matter to CSV: separators, quotes, line breaks, formula starts.
const tricky = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r', '=', '+', '-', '@', '\t', "'", 'é', '1', '.') });

describe('csvLines', () => {
  it('writes exactly what csv-stringify writes for the same cells, for any text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ a: fc.option(tricky), b: fc.option(fc.oneof(tricky, fc.double({ noNaN: true }), fc.integer())), c: fc.boolean() }), { maxLength: 20 }),
        (rows) => {
          // The oracle: csv-stringify on the same cells (the writer before it was made faster).
          const expected = stringify(rows.map((r) => COLUMNS.map((c) => csvCell(c.type, c.value(r)))));
          expect(csvLines(rows, COLUMNS)).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('quotes a field with a comma, a quote or a line break, and nothing else', () => {
    const rows: Row[] = [
      { a: 'Korea, Rep. of', b: '12.5', c: true },
      { a: 'say "hi"', b: null, c: false },
      { a: 'two\nlines', b: -3, c: false },
      { a: 'plain', b: '=1+1', c: true },
    ];
    expect(csvLines(rows, COLUMNS)).toBe('"Korea, Rep. of",12.5,true\n"say ""hi""",,false\n"two\nlines",-3,false\nplain,\'=1+1,true\n');
    expect(csvHeader(COLUMNS)).toBe('a,b,c\n');
  });
});
