import { useTranslations } from 'next-intl';
import type { CheckOutcome } from '@/lib/consistency/types';

// A symbol and a word on every badge: the colour is never the only signal.
const SYMBOLS: Record<CheckOutcome, string> = { pass: '✓', fail: '✗', review: '!', not_checkable: '?', info: 'i' };

const CLASSES: Record<CheckOutcome, string> = {
  pass: 'border-pass-border bg-pass text-pass-foreground',
  fail: 'border-fail-border bg-fail text-fail-foreground',
  review: 'border-warning-border bg-warning text-warning-foreground',
  not_checkable: 'border-unchecked-border bg-unchecked text-unchecked-foreground',
  info: 'border-info-border bg-info text-info-foreground',
};

interface OutcomeBadgeProps {
  outcome: CheckOutcome;
  /** Read before the outcome by screen readers, e.g. "Check outcome". */
  srPrefix?: string;
}

export function OutcomeBadge({ outcome, srPrefix }: OutcomeBadgeProps) {
  const t = useTranslations('Consistency.outcomes');
  return (
    <span
      data-outcome={outcome}
      className={`inline-flex shrink-0 items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${CLASSES[outcome]}`}
    >
      {srPrefix ? <span className="sr-only">{srPrefix}: </span> : null}
      <span aria-hidden="true" className="font-mono">
        {SYMBOLS[outcome]}
      </span>
      {t(outcome)}
    </span>
  );
}
