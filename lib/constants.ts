// Codes the screens ask for by name. They are the tidy layout's codes, kept in the database as-is.

/** Kazakhstan as reporter: figures from Kazakhstan's own statistics. */
export const REPORTER_KAZ = 'KAZ';

/** Rows whose source does not say whose statistics they are; a placeholder, never a partner. */
export const UNSPECIFIED_REPORTER = 'XXX';

/** The IMF aggregate for all partners: the reporter's total trade. */
export const WORLD_PARTNER_CODE = 'AGG_WORLD';

/** IMF Direction of Trade Statistics, Kazakhstan as reporter, 1992-2020 (vintage early 2022). */
export const IMF_DOTS_SOURCE_ID = 'imf_dots_2022_via_SamLeBlanc';

/** First year of Kazakhstan's own trade statistics after independence. */
export const FIRST_TRADE_YEAR = 1992;

/** Bureau of National Statistics of Kazakhstan, trade by country, final annual editions 2020-2025. */
export const BNS_BY_PARTNER_SOURCE_ID = 'bns_312101_via_makenerzhan';

/** EU-27 totals summed from the bureau's member rows (derived). */
export const BNS_EU27_SOURCE_ID = 'derived_eu27_from_bns_312101';

/** The bureau's monthly totals with all partners (export, import), 2019-01 to 2026-06. */
export const BNS_MONTHLY_SOURCE_ID = 'bns_446905_monthly_via_makenerzhan';

/** The EU in its 27-member composition: IMF writes AGG_EU, the derived bureau totals AGG_EU27. */
export const EU_CODE = 'AGG_EU';
export const EU27_CODE = 'AGG_EU27';

/**
 * From this year on the EU has had its 27 post-Brexit members (the UK left on 31 January 2020),
 * so AGG_EU and AGG_EU27 figures describe the same composition and can be compared.
 */
export const EU27_COMPOSITION_FROM_YEAR = 2020;

/** Currencies a view can be shown in; euros are converted at the ECB annual average. */
export const CURRENCIES = ['USD', 'EUR'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** The composition's remainder: the world total minus the partners shown. */
export const OTHER_PARTNERS_KEY = 'OTHER';

/** An agreement's standing, from in force to only planned; profiles count agreements by it. */
export const AGREEMENT_STATUSES = ['IN_FORCE', 'SIGNED', 'UNDER_NEGOTIATION', 'MEMORANDUM', 'ROADMAP', 'PLAN'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
