import { afterAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '@/lib/testing/database';
import { sharedRows } from '@/lib/testing/shared-data';
import { getMirrorGaps } from './mirror';

const sql = connectTestDatabase();
afterAll(async () => {
  await sql.end();
});

const usdMn = (r: { value: string; scale: string }) => (Number(r.value) * Number(r.scale)) / 1e6;

/** Kazakhstan's exports against each partner's imports from it, as the shared IMF files have them. */
function exportPairs(): { partner: string; year: number; kaz: number; partner_value: number }[] {
  const mirror = new Map(
    sharedRows('imf_dots_mirror_partner_reported.csv')
      .filter((r) => r.flow === 'import' && r.partner_code === 'KAZ' && r.period === 'FY')
      .map((r) => [`${r.reporter_code}|${r.year}`, usdMn(r)]),
  );
  return sharedRows('imf_dots_kaz_reported.csv')
    .filter(
      (r) =>
        r.flow === 'export' && r.period === 'FY' && (!r.partner_code.startsWith('AGG_') || r.partner_code === 'AGG_EU'),
    )
    .flatMap((r) => {
      const other = mirror.get(`${r.partner_code}|${r.year}`);
      return other === undefined
        ? []
        : [{ partner: r.partner_code, year: Number(r.year), kaz: usdMn(r), partner_value: other }];
    });
}

describe('getMirrorGaps', () => {
  it('puts both records of 2020 exports to the Netherlands side by side, from one IMF release', async () => {
    const gaps = await getMirrorGaps({
      flow: 'export',
      year: 2020,
      minUsdMn: 0,
      sort: [{ id: 'abs_gap', desc: true }],
      page: 1,
      size: 100,
    });
    const nld = gaps.rows.find((r) => r.partnerCode === 'NLD');
    const expected = exportPairs().find((p) => p.partner === 'NLD' && p.year === 2020);
    expect(nld?.kazUsdMn).toBeCloseTo(expected?.kaz ?? NaN, 6);
    expect(nld?.partnerUsdMn).toBeCloseTo(expected?.partner_value ?? NaN, 6);
    // The figures: USD 3,149 million as Kazakhstan reports, 140 as the Netherlands does.
    expect(Math.round(nld?.kazUsdMn ?? 0)).toBe(3149);
    expect(Math.round(nld?.partnerUsdMn ?? 0)).toBe(140);
    expect(gaps.lastYear).toBe(2020);
  });

  it('lists the largest gap first, above the stated size, over every year', async () => {
    const gaps = await getMirrorGaps({
      flow: 'export',
      minUsdMn: 100,
      sort: [{ id: 'abs_gap', desc: true }],
      page: 1,
      size: 5,
    });
    const pairs = exportPairs().filter((p) => Math.max(p.kaz, p.partner_value) >= 100);
    const largest = pairs.reduce((a, b) =>
      Math.abs(b.kaz - b.partner_value) > Math.abs(a.kaz - a.partner_value) ? b : a,
    );
    expect(gaps.total).toBe(pairs.length);
    expect([gaps.rows[0]?.partnerCode, gaps.rows[0]?.year]).toEqual([largest.partner, largest.year]);
  });

  it("names partners in the page's language and sorts by those names", async () => {
    // One page with every 2020 pair, so that both languages list the same rows.
    const input = { flow: 'export', year: 2020, minUsdMn: 0, page: 1, size: 500 } as const;
    const ru = await getMirrorGaps({ ...input, sort: [{ id: 'partner', desc: false }], locale: 'ru' });
    // The bureau's Russian name (prisma/data/reference/partners.csv), not the English one.
    expect(ru.rows.find((r) => r.partnerCode === 'NLD')?.partnerName).toBe('Нидерланды');
    const names = ru.rows.map((r) => r.partnerName);
    expect(names).toEqual([...names].sort(new Intl.Collator('ru').compare));
    // The same rows as in English, only named and ordered otherwise.
    const en = await getMirrorGaps({ ...input, sort: [{ id: 'partner', desc: false }] });
    expect(en.rows.find((r) => r.partnerCode === 'NLD')?.partnerName).toBe('Netherlands');
    expect(new Set(ru.rows.map((r) => r.partnerCode))).toEqual(new Set(en.rows.map((r) => r.partnerCode)));
  });
});
