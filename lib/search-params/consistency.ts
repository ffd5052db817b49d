// The consistency page's URL state: by default each check lists its failing and not-checkable
// items and the first of the others; `?items=all` lists every item. Anything else falls back.
import { createLoader, createSerializer, parseAsStringLiteral } from 'nuqs/server';
import type { RawSearchParams } from './shared';

/**
 * Passing and informational items listed per check unless every item is asked for: the page has
 * hundreds, and failures are always listed in full.
 */
export const DEFAULT_OTHER_ITEMS_PER_CHECK = 6;

export const consistencyParsers = {
  items: parseAsStringLiteral(['all']),
};

const loadConsistencySearchParams = createLoader(consistencyParsers);
const serializeConsistency = createSerializer(consistencyParsers);

export interface ConsistencySearchParams {
  showAllItems: boolean;
}

/** A repeated parameter counts as given once (nuqs reads the first): the page has no notice to name it in. */
export function parseConsistencySearchParams(raw: RawSearchParams): ConsistencySearchParams {
  return { showAllItems: loadConsistencySearchParams(raw).items === 'all' };
}

/** The link that lists every item of a check (or only the first ones again), anchored to it. */
export function consistencyItemsHref(checkId: string, showAllItems: boolean): string {
  return `/consistency${serializeConsistency({ items: showAllItems ? 'all' : null })}#${checkId}`;
}
