// prisma/data/reference/iso_3166_1.csv is compiled from Debian's iso-codes package
// (scripts/compile-iso-codes.ts); these checks keep it whole and consistent with the partners.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

type Row = Record<string, string>;
const read = (file: string) => parse(readFileSync(path.join(import.meta.dirname, file)), { columns: true, bom: true }) as Row[];
const iso = read('iso_3166_1.csv');

describe('iso_3166_1.csv', () => {
  it('has every ISO 3166-1 country once, with well-formed codes', () => {
    expect(iso.length).toBe(249);
    for (const column of ['alpha2', 'alpha3', 'numeric'] as const) {
      expect(new Set(iso.map((r) => r[column])).size, column).toBe(iso.length);
    }
    for (const r of iso) {
      expect(r.alpha2).toMatch(/^[A-Z]{2}$/);
      expect(r.alpha3).toMatch(/^[A-Z]{3}$/);
      expect(r.numeric).toMatch(/^\d{3}$/);
      expect(r.name).not.toBe('');
    }
  });

  it.each([
    ['KZ', 'KAZ', '398'], ['DE', 'DEU', '276'], ['CN', 'CHN', '156'], ['RU', 'RUS', '643'], ['US', 'USA', '840'],
    ['GB', 'GBR', '826'], ['GR', 'GRC', '300'], ['UZ', 'UZB', '860'], ['AF', 'AFG', '004'],
  ])('maps %s, %s and %s to one country', (alpha2, alpha3, numeric) => {
    expect(iso.find((r) => r.alpha3 === alpha3)).toMatchObject({ alpha2, numeric });
  });

  it('covers every country of the partner list (Kosovo has no ISO code)', () => {
    const codes = new Set(iso.map((r) => r.alpha3));
    const countries = read('partners.csv').filter((p) => p.kind === 'COUNTRY').map((p) => p.code);
    expect(countries.filter((c) => !codes.has(c ?? ''))).toEqual(['XKX']);
  });

});
