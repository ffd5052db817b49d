import type { ReactNode } from 'react';
import { ScrollRegion } from '@/components/ui/scroll-region';

export interface ChartTableCell {
  text: string;
  /** Short marks after the value (e = estimate, d = derived, c = converted), explained in `marks`. */
  marks?: readonly string[];
  /** The number behind the text, in the column's unit: written as data-value so that tests can compare it with the exports. */
  value?: number | null;
}

export interface ChartTableRow {
  key: string;
  header: string;
  cells: Record<string, ChartTableCell | undefined>;
}

interface ChartTableProps {
  caption: string;
  rowHeaderLabel: string;
  columns: readonly { key: string; label: string; unit?: string }[];
  rows: readonly ChartTableRow[];
  /** What each mark means, printed under the table. */
  marks?: Record<string, string>;
  testId?: string;
  footer?: ReactNode;
}

/**
 * The numbers behind a chart as a plain, semantic table: the chart's text alternative. A server
 * component (no sorting: the order is the chart's, usually by year).
 */
export function ChartTable({ caption, rowHeaderLabel, columns, rows, marks, testId, footer }: ChartTableProps) {
  const usedMarks = new Set(rows.flatMap((row) => Object.values(row.cells).flatMap((cell) => cell?.marks ?? [])));
  return (
    <div className="space-y-2">
      <ScrollRegion label={caption} className="max-h-[28rem]" testId={testId}>
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="sticky top-0 bg-card">
            <tr>
              <th
                scope="col"
                className="sticky left-0 bg-card px-2 py-1.5 text-left font-semibold shadow-[inset_0_-1px_0_var(--color-border)]"
              >
                {rowHeaderLabel}
              </th>
              {columns.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  className="px-2 py-1.5 text-right align-bottom font-semibold shadow-[inset_0_-1px_0_var(--color-border)]"
                >
                  <span className="block">{column.label}</span>
                  {column.unit ? (
                    <span className="block text-xs font-normal text-muted-foreground">{column.unit}</span>
                  ) : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-row-key={row.key} className="border-t border-border">
                <th scope="row" className="sticky left-0 bg-card px-2 py-1 text-left font-normal whitespace-nowrap">
                  {row.header}
                </th>
                {columns.map((column) => {
                  const cell = row.cells[column.key];
                  return (
                    <td
                      key={column.key}
                      data-column={column.key}
                      data-value={cell?.value ?? undefined}
                      className="px-2 py-1 text-right whitespace-nowrap tabular-nums"
                    >
                      {cell?.text ?? '–'}
                      {cell?.marks && cell.marks.length > 0 ? (
                        <sup className="ml-0.5 text-[0.65rem] text-muted-foreground">{cell.marks.join(' ')}</sup>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {marks && usedMarks.size > 0 ? (
        <p className="text-xs text-muted-foreground">
          {Object.entries(marks)
            .filter(([mark]) => usedMarks.has(mark))
            .map(([mark, meaning]) => `${mark} = ${meaning}`)
            .join('; ')}
          .
        </p>
      ) : null}
      {footer}
    </div>
  );
}

/** The marks every table uses, one vocabulary across the app. */
export const VALUE_MARKS = {
  e: 'IMF estimate (or computed from one)',
  d: 'derived (summed from members or months, or exports + imports)',
  c: 'converted at the ECB annual average rate',
  p: 'converted with a provisional (year-to-date) rate',
} as const;
