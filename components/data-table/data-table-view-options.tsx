'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import type { ReactTable, RowData } from '@tanstack/react-table';
import { Popover } from '@/components/ui/popover';
import type { DataTableFeatures } from './data-table-features';

interface DataTableViewOptionsProps<TData extends RowData> {
  table: ReactTable<DataTableFeatures, TData>;
}

/**
 * Which columns to show. Toggles go through the table to the URL (the caller's
 * onColumnVisibilityChange), so a shared link shows the same columns. At least one stays visible.
 */
export function DataTableViewOptions<TData extends RowData>({ table }: DataTableViewOptionsProps<TData>) {
  const t = useTranslations('DataTable');
  return (
    <Popover
      testId="view-options"
      align="end"
      trigger={
        <>
          <svg
            aria-hidden="true"
            viewBox="0 0 16 16"
            className="h-3.5 w-3.5"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
          >
            <path d="M2 4h12M2 8h12M2 12h12" />
          </svg>
          <span>{t('columns')}</span>
        </>
      }
      panelClassName="w-56"
    >
      <ColumnToggles table={table} />
    </Popover>
  );
}

/**
 * The checkboxes keep their own state while the panel is open: the URL (and so the table) follows
 * a moment later, and a box must not spring back in between.
 */
function ColumnToggles<TData extends RowData>({ table }: DataTableViewOptionsProps<TData>) {
  const t = useTranslations('DataTable');
  const columns = table.getAllLeafColumns().filter((column) => column.getCanHide());
  const [visible, setVisible] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(columns.map((c) => [c.id, c.getIsVisible()])),
  );
  const visibleCount = Object.values(visible).filter(Boolean).length;
  return (
    <fieldset>
      <legend className="px-1.5 pb-1 text-xs font-semibold text-muted-foreground">{t('showColumns')}</legend>
      <ul className="space-y-0.5">
        {columns.map((column) => {
          const checked = visible[column.id] ?? true;
          const label =
            column.columnDef.meta?.label ??
            (typeof column.columnDef.header === 'string' ? column.columnDef.header : column.id);
          return (
            <li key={column.id}>
              <label className="flex cursor-pointer items-center gap-2 rounded px-1.5 py-1 hover:bg-muted">
                <input
                  type="checkbox"
                  className="accent-accent"
                  checked={checked}
                  disabled={checked && visibleCount <= 1}
                  onChange={(event) => {
                    const next = { ...visible, [column.id]: event.target.checked };
                    setVisible(next);
                    table.setColumnVisibility(next);
                  }}
                />
                {label}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
