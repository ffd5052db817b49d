// Explicit tables that map what statistical offices write to the project's partner codes. Only
// equivalences that are certain belong here: anything not listed is reported to the user by name
// and line, never matched approximately. Add a row when a new file needs one (with a test).

/**
 * Aggregate and special codes of SDMX and Comtrade files. W00 is the world in IMF's DOT codes and
 * in Comtrade's partnerISO; WORLD and EU27_2020 are Eurostat's; EU27_2020 is the fixed post-Brexit
 * composition, which the project calls AGG_EU27.
 */
export const AGGREGATE_CODES: Readonly<Record<string, string>> = {
  W00: 'AGG_WORLD',
  WORLD: 'AGG_WORLD',
  WLD: 'AGG_WORLD',
  EU27_2020: 'AGG_EU27',
};

/** Two-letter codes that Eurostat uses instead of ISO's: Greece is EL, the United Kingdom UK, Kosovo XK. */
export const EUROSTAT_ALPHA2: Readonly<Record<string, string>> = {
  EL: 'GRC',
  UK: 'GBR',
  XK: 'XKX',
};

/**
 * UN Comtrade numeric codes that differ from ISO 3166 numeric (the UN's own groupings of
 * territories), and its special partners: 0 is the world, 899 "Areas, nes".
 */
export const COMTRADE_NUMERIC: Readonly<Record<string, string>> = {
  '0': 'AGG_WORLD',
  '842': 'USA',
  '251': 'FRA',
  '757': 'CHE',
  '699': 'IND',
  '579': 'NOR',
  '899': 'AGG_NS',
};
