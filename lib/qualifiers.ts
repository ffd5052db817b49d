// How a value was worded by its source, as readers see it: a symbol next to the number and a
// phrase in tooltips, legends and the exports' Flags sheet. One table, so all of them agree.
import type { Qualifier } from '@/lib/generated/prisma/enums';

export interface QualifierDisplay {
  /** Shown before the number; empty for exact values. */
  symbol: string;
  label: string;
}

export const QUALIFIER_DISPLAY: Record<Qualifier, QualifierDisplay> = {
  EXACT: { symbol: '', label: 'As published' },
  ABOUT: { symbol: '≈', label: 'About (rounded or approximate)' },
  AT_LEAST: { symbol: '≥', label: 'At least' },
  MORE_THAN: { symbol: '>', label: 'More than (a lower bound)' },
  NEARLY: { symbol: '≲', label: 'Nearly (just under)' },
  ESTIMATE: { symbol: '', label: 'Estimate' },
};

/** Marker after an estimated value, as the IMF prints it. */
export const ESTIMATE_MARK = 'e';

export function qualifierDisplay(qualifier: string): QualifierDisplay {
  return QUALIFIER_DISPLAY[qualifier as Qualifier] ?? { symbol: '', label: qualifier };
}
