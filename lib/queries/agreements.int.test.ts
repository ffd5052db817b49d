import { describe, expect, it } from 'vitest';
import { getPartnerAgreementList } from './agreements';
import { getPartnerEventList } from './events';
import { getPresenceNetwork, getPartnerPresence } from './presence';
import { getSources } from './sources';

// Counts by status on the seeded database. Expected values come from the sources, not the code:
// Russia: DESTA lists 13 agreements with Kazakhstan and Russia; nos. 880 (EFTA) and 937 (India) are
// under negotiation, no. 717 (CIS agrarian market) has no entry into force, the other 10 have one.
// EU: the articles name the EPCA (DESTA no. 997, in force since March 2020 per eximtutor), the
// raw-materials memorandum and its roadmap (each in two articles, one row each), the four Brussels
// memoranda, the expanded Central Asia-EU roadmap, and two plans (visa consultations, the Michel
// visit's commitments). Germany: the EPCA and the agreements of Tokayev's two visits, all in force;
// "more than 35 in force" is a stated count beside the list.

describe('agreements by status', () => {
  it('counts the EU’s agreements once each, split by status', async () => {
    const eu = await getPartnerAgreementList('AGG_EU');
    expect(eu.countsByStatus).toEqual({
      IN_FORCE: 1,
      SIGNED: 0,
      UNDER_NEGOTIATION: 0,
      MEMORANDUM: 2,
      ROADMAP: 2,
      PLAN: 2,
    });
    expect(eu.rows).toHaveLength(7);
    const epca = eu.rows.find((r) => r.title.includes('EPCA'));
    expect(epca).toMatchObject({
      status: 'IN_FORCE',
      signedYear: 2015,
      inForceOn: '2020-03-01',
      inForcePrecision: 'MONTH',
    });
    expect(epca?.citations.map((c) => c.sourceId).sort()).toEqual(
      ['article:002_b9b2a1f356df666f', 'desta_via_globalgov_manytrade', 'news:exim'].sort(),
    );
    const mou = eu.rows.filter((r) => /raw materials/i.test(r.title));
    expect(mou.map((r) => r.status).sort()).toEqual(['MEMORANDUM', 'ROADMAP']);
    for (const r of mou) expect(r.citations).toHaveLength(2);
    // The EU's second code reads the same rows.
    expect((await getPartnerAgreementList('AGG_EU27')).countsByStatus).toEqual(eu.countsByStatus);
  });

  it('keeps Russia’s negotiations apart from its agreements', async () => {
    const rus = await getPartnerAgreementList('RUS');
    expect(rus.countsByStatus).toEqual({
      IN_FORCE: 10,
      SIGNED: 1,
      UNDER_NEGOTIATION: 2,
      MEMORANDUM: 0,
      ROADMAP: 0,
      PLAN: 0,
    });
    expect(rus.rows).toHaveLength(13);
    expect(
      rus.rows
        .filter((r) => r.status === 'UNDER_NEGOTIATION')
        .map((r) => r.title)
        .sort(),
    ).toEqual(['Belarus Kazakhstan Russia India', 'EFTA Russian Federation Belarus Kazakhstan'].sort());
    expect(rus.rows.find((r) => r.title === 'Kazakhstan Russia')).toMatchObject({
      signedYear: 1992,
      inForceYear: 1998,
    });
  });

  it('shows Germany’s “more than 35 in force” as a stated count, never a row', async () => {
    const deu = await getPartnerAgreementList('DEU');
    expect(deu.countsByStatus).toEqual({
      IN_FORCE: 3,
      SIGNED: 0,
      UNDER_NEGOTIATION: 0,
      MEMORANDUM: 0,
      ROADMAP: 0,
      PLAN: 0,
    });
    expect(deu.rows.some((r) => /35/.test(r.title))).toBe(false);
    expect(deu.statedCounts).toHaveLength(1);
    expect(deu.statedCounts[0]).toMatchObject({ value: '35', qualifier: 'MORE_THAN' });
    // The EPCA is one row on Germany's page too, with its DESTA signing year.
    expect(deu.rows.find((r) => r.title.includes('EPCA'))?.signedYear).toBe(2015);
  });

  it('counts always equal the rows listed', async () => {
    for (const code of ['AGG_EU', 'RUS', 'DEU', 'CHN', 'ARM', 'FRA']) {
      const list = await getPartnerAgreementList(code);
      const sum = Object.values(list.countsByStatus).reduce((a, b) => a + b, 0);
      expect(sum, code).toBe(list.rows.length);
    }
  });
});

describe('events, presence and sources for a reader', () => {
  it('gives events a summary and, for a worked-out date, how it was worked out', async () => {
    const events = await getPartnerEventList('DEU');
    const founded = events.find((e) => e.title === 'Kazakhstan and Germany establish diplomatic relations');
    expect(founded).toMatchObject({ date: '1992-01-01', endDate: '1992-12-31', dateInferred: true });
    expect(founded?.dateBasis).toMatch(/30th anniversary/);
    for (const e of events) if (e.dateInferred) expect(e.dateBasis, e.key).toBeTruthy();
  });

  it('reads the presence figures of the articles', async () => {
    const network = await getPresenceNetwork();
    const value = (code: string) => network.totals.find((f) => f.indicatorCode === code && f.item === '')?.value;
    // Article 003: 75 establishments, 46 embassies, 6 missions, 8 consulates general, 6 consulates.
    expect([
      value('diplomatic_establishments_abroad'),
      value('embassies_abroad'),
      value('diplomatic_missions_abroad'),
    ]).toEqual(['75', '46', '6']);
    expect([value('consulates_general_abroad'), value('consulates_abroad')]).toEqual(['8', '6']);
    expect(
      network.planned
        .filter((p) => p.year === 2012)
        .map((p) => p.code)
        .sort(),
    ).toEqual(['BRA', 'FIN', 'IDN']);
    expect(network.planned).toHaveLength(11);
    const france = await getPartnerPresence('FRA');
    expect(france.find((f) => f.indicatorCode === 'honorary_consulates_in_partner' && f.item === '')?.value).toBe('3');
  });

  it('lists every source with its outlet or publisher and no title from an address fragment', async () => {
    const sources = await getSources();
    const tass = sources.find((s) => s.id === 'news:tass');
    expect(tass?.outlet?.name).toBe('Pravda network (news-pravda.com)');
    for (const s of sources) {
      expect(s.title, s.id).not.toMatch(/^\d+$|^https?:|^News$/);
      if (s.kind === 'NEWS_ARTICLE') expect(s.outlet, s.id).not.toBeNull();
    }
  });
});
