import { describe, expect, it } from 'vitest';
import { compareDefaults } from '@/lib/search-params/compare';
import { MAP_DEFAULTS } from '@/lib/search-params/map';
import { unreadParameters } from '@/lib/search-params/page-params';
import { compareEmbed, embedSnippet, mapEmbed, overviewEmbed, partnerEmbed } from './chart-embed';

const range = { minYear: 1995, maxYear: 2025 };

describe('compareEmbed', () => {
  it('is the full view’s permalink under /embed, without the summary table’s sort', () => {
    const embed = compareEmbed({ ...compareDefaults(range), sort: { id: 'growth', desc: true } }, range);
    expect(embed.src).toBe(
      '/embed/compare?partners=AGG_EU,CHN,RUS&flow=turnover&from=2000&to=2025&mode=absolute&scale=linear&currency=USD',
    );
    expect(embed.fullView).toBe(
      '/compare?partners=AGG_EU,CHN,RUS&flow=turnover&from=2000&to=2025&mode=absolute&scale=linear&currency=USD&sort=growth:desc',
    );
  });

  it('names only parameters the embed route reads, so the proxy never redirects it', () => {
    const url = new URL(
      compareEmbed({ ...compareDefaults(range), mode: 'share', scale: 'log' }, range).src,
      'http://x',
    );
    expect(unreadParameters(url.pathname, url.searchParams)).toEqual([]);
  });
});

describe('overview, partner and map embeds', () => {
  it('give the composition the EU view and the other charts no parameter', () => {
    expect(overviewEmbed('composition', 'members')).toMatchObject({
      src: '/embed/overview/composition?eu=members',
      fullView: '/?eu=members#composition-heading',
    });
    // The block is the overview's default and is left out, as on the overview itself.
    expect(overviewEmbed('composition', 'block').src).toBe('/embed/overview/composition');
    expect(overviewEmbed('world')).toMatchObject({ src: '/embed/overview/world', fullView: '/#turnover-heading' });
  });

  it('point a partner’s chart at its profile section', () => {
    expect(partnerEmbed('DEU', 'balance')).toMatchObject({
      src: '/embed/partners/DEU/balance',
      fullView: '/partners/DEU#trade-heading',
    });
    expect(partnerEmbed('NLD', 'mirror-exports').fullView).toBe('/partners/NLD#mirror-heading');
  });

  it('write the map’s year and every parameter, as its permalink does', () => {
    const embed = mapEmbed({ ...MAP_DEFAULTS, measure: 'growth' }, 2024);
    expect(embed.src).toBe('/embed/map?measure=growth&year=2024&eu=members&window=5&min=100');
    expect(embed.fullView).toBe('/map?measure=growth&year=2024&eu=members&window=5&min=100');
    const url = new URL(embed.src, 'http://x');
    expect(unreadParameters(url.pathname, url.searchParams)).toEqual([]);
  });
});

describe('embedSnippet', () => {
  it('is an iframe at this site’s origin with a title, a width, a height and no border', () => {
    const embed = { src: '/embed/compare?partners=AGG_EU,CHN,RUS', fullView: '/compare', height: 600 };
    expect(embedSnippet('https://trade.example.kz', embed, 'Turnover with the EU, China and Russia')).toBe(
      '<iframe src="https://trade.example.kz/embed/compare?partners=AGG_EU,CHN,RUS" title="Turnover with the EU, China and Russia" width="100%" height="600" style="border:0;max-width:960px" loading="lazy"></iframe>',
    );
  });

  it('escapes what would end the attribute or the tag', () => {
    const snippet = embedSnippet(
      'http://localhost:3000',
      { src: '/embed/map?measure=share&year=2020', fullView: '/map', height: 700 },
      'Exports & imports "as reported" <2020>',
    );
    expect(snippet).toContain('src="http://localhost:3000/embed/map?measure=share&amp;year=2020"');
    expect(snippet).toContain('title="Exports &amp; imports &quot;as reported&quot; &lt;2020&gt;"');
  });
});
