// The notes of the group-membership table (prisma/data/reference/group_memberships.csv) are a
// handful of fixed phrases; each has a catalogue key (Profile.groupMembers.notes), so a group's
// members table reads in the page's language. A note added to the data later has no key and is
// shown as written, marked as English.
import type { Messages } from 'next-intl';

export type MembershipNoteKey = keyof Messages['Profile']['groupMembers']['notes'];

const KEYS: Readonly<Record<string, MembershipNoteKey>> = {
  'Fixed post-Brexit composition of 27 members applied to every year': 'eu27',
  'Alma-Ata Protocol': 'almaAta',
  'Founding member of the EEC (the EU since 1993)': 'eecFounder',
  'Region (not an organisation): the five post-Soviet Central Asian states': 'centralAsia',
  'Founding member': 'founder',
  'Founding member of the EEC (West Germany; the EU since 1993)': 'eecFounderWestGermany',
  'Left on 31 January 2020': 'leftEu2020',
  'Associate member from 26 August 2005': 'associate2005',
  'Never ratified the CIS Charter; ended its participation in 2018': 'cisCharter',
  'Withdrew after the 2008 war': 'withdrew2008',
};

/** The catalogue key of a membership note as the data writes it, or null for a note without one. */
export function membershipNoteKey(note: string): MembershipNoteKey | null {
  return Object.hasOwn(KEYS, note) ? (KEYS[note] ?? null) : null;
}
