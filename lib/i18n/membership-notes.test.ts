import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './messages/en.json';
import { membershipNoteKey } from './membership-notes';

describe('membershipNoteKey', () => {
  it('gives every note of the bundled memberships a key whose English reads as the data does', () => {
    const file = path.resolve(import.meta.dirname, '../../prisma/data/reference/group_memberships.csv');
    const rows: { note: string }[] = parse(readFileSync(file, 'utf8'), { columns: true });
    const notes = [...new Set(rows.map((r) => r.note).filter(Boolean))];
    expect(notes.length).toBeGreaterThan(5);
    for (const note of notes) {
      const key = membershipNoteKey(note);
      expect(key, note).not.toBeNull();
      expect(en.Profile.groupMembers.notes[key!]).toBe(note);
    }
  });

  it('has no key for a note it does not know, nor for inherited names', () => {
    expect(membershipNoteKey('Joined in 2030')).toBeNull();
    expect(membershipNoteKey('toString')).toBeNull();
  });
});
