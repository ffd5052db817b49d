'use client';

import { useId } from 'react';

/** Long enough to let a word be typed, short enough to feel live (house style rule 10). */
export const SEARCH_DEBOUNCE_MS = 300;

interface DataTableSearchProps {
  /** The search as the URL state has it, updated at once while typing (nuqs holds the URL write). */
  value: string;
  /** Called on every keystroke; the caller writes the URL debounced, with replace. */
  onSearch: (value: string) => void;
  label: string;
  placeholder?: string;
  testId?: string;
}

/** A free-text filter bound to the URL state. */
export function DataTableSearch({ value, onSearch, label, placeholder, testId }: DataTableSearchProps) {
  const id = useId();
  return (
    <div className="w-full sm:w-64">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        type="search"
        value={value}
        maxLength={100}
        onChange={(event) => onSearch(event.target.value)}
        placeholder={placeholder ?? label}
        data-testid={testId}
        className="h-9 w-full rounded-md border border-border bg-card px-3 text-sm placeholder:text-muted-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
      />
    </div>
  );
}
