import { describe, expect, it } from 'vitest';
import { narrowColumnOrder, sortedColumnsFirst } from './column-order';

const columns = [
  { accessorKey: 'rank' },
  { accessorKey: 'name', meta: { isRowHeader: true } },
  { accessorKey: 'turnover' },
  { id: 'share' },
  { accessorKey: 'cagr' },
];

describe('narrowColumnOrder', () => {
  it('puts the key, then the sorted columns in sort order, before the rest', () => {
    expect(
      narrowColumnOrder(columns, [
        { id: 'cagr', desc: true },
        { id: 'share', desc: false },
      ]),
    ).toEqual(['name', 'cagr', 'share']);
  });

  it('names a column sorted by its own key once', () => {
    expect(narrowColumnOrder(columns, [{ id: 'name', desc: false }])).toEqual(['name']);
  });
});

describe('sortedColumnsFirst', () => {
  const ids = (list: readonly { id?: string; accessorKey?: unknown }[]) => list.map((c) => c.id ?? c.accessorKey);

  it('keeps every column once: the key, the sorted ones in sort order, then the rest as defined', () => {
    expect(
      ids(
        sortedColumnsFirst(columns, [
          { id: 'cagr', desc: true },
          { id: 'share', desc: false },
        ]),
      ),
    ).toEqual(['name', 'cagr', 'share', 'rank', 'turnover']);
  });

  it('leaves the defined order after the key when the key is the sort', () => {
    expect(ids(sortedColumnsFirst(columns, [{ id: 'name', desc: false }]))).toEqual([
      'name',
      'rank',
      'turnover',
      'share',
      'cagr',
    ]);
  });
});
