import { afterAll, describe, expect, it } from 'vitest';
import { findItem, inEnglish } from '@/lib/testing/consistency-fixtures';
import { connectTestDatabase } from '@/lib/testing/database';
import { sharedValue } from '@/lib/testing/shared-data';
import { BNS, IMF } from '@/lib/testing/trade-fixtures';
import { getReporterPartnerCheck } from './reporter-vs-partner';

const sql = connectTestDatabase();

afterAll(async () => {
  await sql.end();
});

describe('on the bundled data', () => {
  it('sets the Netherlands’ own 2020 figure beside the official series’, never as the same figure', async () => {
    const check = inEnglish(await getReporterPartnerCheck());
    expect(check.outcome).toBe('info');
    const item = findItem(check, (i) => i.title === 'NLD-reported vs Kazakhstan-reported turnover, FY 2020');
    expect(item.outcome).toBe('info');
    const [shown, partner] = [item.values[0], item.values.at(-1)];
    expect(shown).toMatchObject({ role: 'Kazakhstan’s statistics (official series, shown)', sourceIds: [BNS] });
    expect(shown?.value).toBeCloseTo(
      sharedValue('bns_trade_by_partner_2020_2025.csv', { partner: 'NLD', flow: 'turnover', year: 2020 }),
      0,
    );
    expect(partner).toMatchObject({ role: 'NLD’s statistics', sourceIds: [IMF] });
    expect(partner?.value).toBeCloseTo(
      sharedValue('imf_dots_mirror_partner_reported.csv', {
        reporter: 'NLD',
        partner: 'KAZ',
        flow: 'turnover',
        year: 2020,
      }),
      0,
    );
  });

  it('lists a partner figure quoted by the news (China’s customs, 2022)', async () => {
    const check = inEnglish(await getReporterPartnerCheck());
    const item = findItem(
      check,
      (i) => i.key.startsWith('mirror:') && i.title === 'CHN-reported vs Kazakhstan-reported turnover, FY 2022',
    );
    expect(item.values.at(-1)?.value).toBe(
      sharedValue('news_reported_figures.csv', { reporter: 'CHN', partner: 'KAZ', flow: 'turnover', year: 2022 }),
    );
    expect(item.values[0]?.sourceIds).toEqual([BNS]);
  });
});
