/**
 * Where /data opens: the rows the official series uses, latest year first (proxy.ts sends a bare
 * /data here), not the first rows of the natural key order. A module of its own: the proxy loads it.
 */
export const DATA_LANDING = '?flags=official&sort=year:desc';
