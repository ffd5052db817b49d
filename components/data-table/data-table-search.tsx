'use client';

import { useEffect, useId, useRef, useState } from 'react';

/** Long enough to let a word be typed, short enough to feel live (house style rule 10). */
export const SEARCH_DEBOUNCE_MS = 300;

interface DataTableSearchProps {
  /** The search in the URL. */
  value: string;
  /** Called once typing pauses; the caller replaces the URL (no history entry per keystroke). */
  onSearch: (value: string) => void;
  label: string;
  placeholder?: string;
  testId?: string;
}

/** A free-text filter: local while typing, written to the URL after a pause. */
export function DataTableSearch({ value, onSearch, label, placeholder, testId }: DataTableSearchProps) {
  const [text, setText] = useState(value);
  const sent = useRef(value);
  const id = useId();

  // The URL changed from elsewhere (reset, back button): show it, unless it is what we just sent.
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    if (text.trim() === sent.current.trim()) return;
    const timer = setTimeout(() => {
      sent.current = text.trim();
      onSearch(text.trim());
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, onSearch]);

  return (
    <div className="w-full sm:w-64">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        type="search"
        value={text}
        maxLength={100}
        onChange={(event) => setText(event.target.value)}
        placeholder={placeholder ?? label}
        data-testid={testId}
        className="h-9 w-full rounded-md border border-border bg-card px-3 text-sm placeholder:text-muted-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
      />
    </div>
  );
}
