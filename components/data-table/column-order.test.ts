import { describe, expect, it } from 'vitest';
import { narrowColumnOrder } from './column-order';

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
