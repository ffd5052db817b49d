import { describe, expect, it } from 'vitest';
import { csvHeader, csvLines } from './csv-writer';
import type { ExportColumn } from './types';

type Row = { a: string | null; b: string | number | null; c: boolean };

const COLUMNS: readonly ExportColumn<Row>[] = [
  { key: 'a', type: 'text', value: (r) => r.a, description: 'text' },
  { key: 'b', type: 'number', value: (r) => r.b, description: 'number' },
  { key: 'c', type: 'boolean', value: (r) => r.c, description: 'flag' },
];

describe('csvLines', () => {
  it('quotes a field with a comma, a quote or a line break, and nothing else', () => {
    const rows: Row[] = [
      { a: 'Korea, Rep. of', b: '12.5', c: true },
      { a: 'say "hi"', b: null, c: false },
      { a: 'two\nlines', b: -3, c: false },
      { a: 'plain', b: '=1+1', c: true },
    ];
    expect(csvLines(rows, COLUMNS)).toBe(
      '"Korea, Rep. of",12.5,true\n"say ""hi""",,false\n"two\nlines",-3,false\nplain,\'=1+1,true\n',
    );
    expect(csvHeader(COLUMNS)).toBe('a,b,c\n');
  });
});
