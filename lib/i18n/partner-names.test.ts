import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { LOCALES } from './locales';
import { NON_ISO_PARTNER_NAMES, partnerName } from './partner-names';

// Every partner of the bundled data (prisma/data/reference/partners.csv) has a name in every language.
const partners = parse(readFileSync('prisma/data/reference/partners.csv'), { columns: true }) as {
  code: string;
  name: string;
  name_ru: string;
}[];

describe('partner names', () => {
  it('names every bundled partner in every language, not in English', () => {
    const unnamed: string[] = [];
    for (const p of partners) {
      for (const locale of LOCALES.filter((l) => l !== 'en')) {
        const name = partnerName(locale, { code: p.code, name: p.name, nameRu: p.name_ru || null });
        if (!name || name === p.name) unnamed.push(`${locale}:${p.code}`);
      }
    }
    // Names the same in English and Kazakh/Russian would be flagged too; none of the bundled partners is.
    expect(unnamed).toEqual([]);
  });

  it('prefers the bureau’s Russian name', () => {
    expect(partnerName('ru', { code: 'DEU', name: 'Germany', nameRu: 'Германия (ФРГ)' })).toBe('Германия (ФРГ)');
    expect(partnerName('ru', { code: 'DEU', name: 'Germany', nameRu: null })).toBe('Германия');
  });

  it('names countries in Kazakh from i18n-iso-countries, groups from the table', () => {
    expect(partnerName('kk', { code: 'DEU', name: 'Germany' })).toBe('Германия');
    expect(partnerName('kk', { code: 'CHN', name: 'China' })).toBe('Қытай');
    expect(partnerName('kk', { code: 'AGG_EU', name: 'European Union' })).toBe('Еуропалық Одақ');
    expect(partnerName('en', { code: 'AGG_EU', name: 'European Union', nameRu: 'Евросоюз' })).toBe('European Union');
  });

  it('lists only codes that are not ISO countries of the bundled data', () => {
    const codes = new Set(partners.map((p) => p.code));
    expect(Object.keys(NON_ISO_PARTNER_NAMES).filter((code) => !codes.has(code))).toEqual([]);
  });
});
