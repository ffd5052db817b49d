// The consistency page's URL state: by default each check lists its failing and not-checkable
// items and the first of the others; `?items=all` lists every item. Anything else falls back.
import { z } from 'zod';
import type { RawSearchParams } from './overview';

/**
 * Passing and informational items listed per check unless every item is asked for: the page has
 * hundreds, and failures are always listed in full.
 */
export const DEFAULT_OTHER_ITEMS_PER_CHECK = 12;

/** Every parameter the consistency page reads; the proxy drops any other from a page's address. */
export const CONSISTENCY_PARAM_NAMES = ['items'] as const;

export const consistencySearchParamsSchema = z.object({
  items: z.enum(['all']).optional().catch(undefined),
});

export interface ConsistencySearchParams {
  showAllItems: boolean;
}

export function parseConsistencySearchParams(raw: RawSearchParams): ConsistencySearchParams {
  // A repeated parameter counts as given once; an array value is not a valid choice.
  const value = Array.isArray(raw.items) ? raw.items[0] : raw.items;
  return { showAllItems: consistencySearchParamsSchema.parse({ items: value }).items === 'all' };
}

/** The link that lists every item of a check (or only the first ones again), anchored to it. */
export function consistencyItemsHref(checkId: string, showAllItems: boolean): string {
  return `${showAllItems ? '/consistency?items=all' : '/consistency'}#${checkId}`;
}
