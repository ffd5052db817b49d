// Explicit tables that map what statistical offices write to the project's partner codes. Only
// equivalences that are certain belong here: anything not listed is reported to the user by name
// and line, never matched approximately. Add a row when a new file needs one (with a test).

/**
 * IMF DOTS names whose spelling differs from the partner table's name (the table names some
 * countries as the bureau does: "China", "Poland"). Verified against the Kazakhstan workbook
 * (DOTS_103) and the partner-reported workbooks in ../shared/data.
 */
export const IMF_PARTNER_NAMES: Readonly<Record<string, string>> = {
  World: 'AGG_WORLD',
  'Afghanistan, Islamic Rep. of': 'AFG',
  'Armenia, Rep. of': 'ARM',
  'Azerbaijan, Rep. of': 'AZE',
  'Belarus, Rep. of': 'BLR',
  'China, P.R.: Mainland': 'CHN',
  'Croatia, Rep. of': 'HRV',
  'Czech Rep.': 'CZE',
  'Estonia, Rep. of': 'EST',
  'Iran, Islamic Rep. of': 'IRN',
  'Kazakhstan, Rep. of': 'KAZ',
  'Korea, Rep. of': 'KOR',
  'Kyrgyz Rep.': 'KGZ',
  'Netherlands, The': 'NLD',
  'Poland, Rep. of': 'POL',
  'Slovak Rep.': 'SVK',
  'Slovenia, Rep. of': 'SVN',
  'Tajikistan, Rep. of': 'TJK',
  Turkey: 'TUR',
  'Uzbekistan, Rep. of': 'UZB',
  // Names of the current IMF releases for the same economies.
  'Türkiye, Rep. of': 'TUR',
  'Curaçao, Kingdom of the Netherlands': 'CUW',
  'Sint Maarten, Kingdom of the Netherlands': 'SXM',
  'Palau, Rep. of': 'PLW',
};

/**
 * Rows of IMF workbooks that are not a partner: trade the reporter does not allocate by country
 * ("Special Categories", e.g. confidential or military goods). They are skipped with a notice, as
 * the bundled IMF data leaves them out.
 */
export const IMF_NOT_PARTNERS: ReadonlySet<string> = new Set(['Special Categories']);

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
