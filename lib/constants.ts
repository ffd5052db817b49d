// Codes the screens ask for by name. They are the tidy layout's codes, kept in the database as-is.

/** Kazakhstan as reporter: figures from Kazakhstan's own statistics. */
export const REPORTER_KAZ = 'KAZ';

/** The IMF aggregate for all partners: the reporter's total trade. */
export const WORLD_PARTNER_CODE = 'AGG_WORLD';

/** IMF Direction of Trade Statistics, Kazakhstan as reporter, 1992-2020 (vintage early 2022). */
export const IMF_DOTS_SOURCE_ID = 'imf_dots_2022_via_SamLeBlanc';

/** First year of Kazakhstan's own trade statistics after independence. */
export const FIRST_TRADE_YEAR = 1992;
