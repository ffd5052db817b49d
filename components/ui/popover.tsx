'use client';

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface PopoverProps {
  /** The trigger's content; it is a button with aria-expanded. */
  trigger: ReactNode;
  /** Accessible name of the trigger when its content is not enough (e.g. an icon). */
  triggerLabel?: string;
  children: ReactNode;
  /** Which edge of the trigger the panel lines up with. */
  align?: 'start' | 'end';
  triggerClassName?: string;
  panelClassName?: string;
  testId?: string;
}

export const POPOVER_TRIGGER_CLASS =
  'inline-flex h-9 items-center gap-1.5 rounded-md border border-border bg-card px-3 text-sm hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent aria-expanded:bg-muted';

/**
 * A disclosure: a button that shows a panel below it. Escape and a click outside close it and
 * give focus back to the button; Tab moves through the panel like any other content, so it needs
 * no focus trap. Rendered in place (no portal), so it scrolls with its toolbar.
 */
export function Popover({
  trigger,
  triggerLabel,
  children,
  align = 'start',
  triggerClassName,
  panelClassName,
  testId,
}: PopoverProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  return (
    <div ref={rootRef} className="relative" data-testid={testId}>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={triggerLabel}
        onClick={() => setOpen((value) => !value)}
        className={triggerClassName ?? POPOVER_TRIGGER_CLASS}
      >
        {trigger}
      </button>
      <div
        id={panelId}
        hidden={!open}
        className={`absolute top-full z-30 mt-1 max-w-[calc(100vw-2rem)] rounded-md border border-border bg-card p-2 text-sm shadow-lg ${align === 'end' ? 'right-0' : 'left-0'} ${panelClassName ?? 'w-64'}`}
      >
        {/* Mounted only while open, so each opening starts from the current URL state. */}
        {open ? children : null}
      </div>
    </div>
  );
}
