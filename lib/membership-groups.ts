// The country groups whose membership the database tracks over time (table group_membership).
// Shared by the data screen's group filter and the partner list, in the order they are offered.

export const MEMBERSHIP_GROUP_CODES = ['AGG_EU', 'AGG_EAEU', 'AGG_CIS', 'AGG_CENTRAL_ASIA'] as const;

export type MembershipGroupCode = (typeof MEMBERSHIP_GROUP_CODES)[number];

/** Short names for chips and filters; the partner table has the long ones. */
export const MEMBERSHIP_GROUP_LABELS: Record<MembershipGroupCode, string> = {
  AGG_EU: 'EU',
  AGG_EAEU: 'EAEU',
  AGG_CIS: 'CIS',
  AGG_CENTRAL_ASIA: 'Central Asia',
};

/**
 * How a year is matched against a membership, said once so that every screen explains it the same
 * way: a country counts as a member for a calendar year when its membership covers the whole year
 * (joined on or before 1 January, left on or after 31 December). Partial years never count, so a
 * group's members for a year are the same whichever month one looks at.
 */
export const MEMBERSHIP_RULE =
  'A country counts as a member for a year when its membership covers that whole calendar year (e.g. Croatia in the EU from 2014, the United Kingdom until 2019).';
