// Which partner a shape of the world map is. Natural Earth (world-atlas) identifies countries by
// ISO 3166-1 numeric code; the partner table by alpha-3. The ISO table of i18n-iso-countries
// converts one into the other; a few shapes have no ISO code and are matched by name or left as
// "not a partner".
import isoCodes from 'i18n-iso-countries/codes.json';

/** numeric → alpha-3, from i18n-iso-countries' rows [alpha-2, alpha-3, numeric, …]. */
const ALPHA3_BY_NUMERIC: ReadonlyMap<string, string> = new Map(isoCodes.map((row) => [row[2] ?? '', row[1] ?? '']));

/**
 * Shapes Natural Earth draws without an ISO numeric code. Kosovo is a partner under the IMF's code
 * XKX; Northern Cyprus, Somaliland and the rest are in no statistics of their own, so they stay
 * unmatched (drawn, but as "not a partner").
 */
const CODE_BY_NAME: Readonly<Record<string, string>> = { Kosovo: 'XKX' };

/** The partner code of a world-atlas feature (its id is a zero-padded ISO numeric code), or null. */
export function featurePartnerCode(id: string | number | null | undefined, name: string): string | null {
  if (id !== null && id !== undefined && id !== '') {
    const numeric = String(id).padStart(3, '0');
    return ALPHA3_BY_NUMERIC.get(numeric) ?? null;
  }
  return CODE_BY_NAME[name] ?? null;
}
