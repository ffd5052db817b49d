// Expected addresses follow the rule of issue 16: English at the bare paths, Russian and Kazakh
// under /ru and /kk, and a prefix only for a screen translated into every language (/presence,
// /compare, the overview among them; an address below a screen, /presence/x, stands for one that
// no translation serves).
import { describe, expect, it } from 'vitest';
import { TRANSLATED_SCREENS } from './locales';
import { languageAddresses, languageMetadata, localizedEmbed, localizedHref, routeLocale, splitLocale } from './paths';

describe('splitLocale', () => {
  it('reads the language from the first segment only', () => {
    expect(splitLocale('/ru/presence')).toEqual({ locale: 'ru', path: '/presence', prefixed: true });
    expect(splitLocale('/kk')).toEqual({ locale: 'kk', path: '/', prefixed: true });
    expect(splitLocale('/compare')).toEqual({ locale: 'en', path: '/compare', prefixed: false });
    expect(splitLocale('/russia')).toEqual({ locale: 'en', path: '/russia', prefixed: false });
    expect(splitLocale('/partners/RU')).toEqual({ locale: 'en', path: '/partners/RU', prefixed: false });
  });
});

describe('routeLocale', () => {
  it('serves English at the bare path and sends /en/… there for good', () => {
    expect(routeLocale('/compare')).toEqual({ kind: 'page', locale: 'en', path: '/compare' });
    expect(routeLocale('/en/compare')).toEqual({ kind: 'redirect', path: '/compare', status: 308 });
    expect(routeLocale('/en')).toEqual({ kind: 'redirect', path: '/', status: 308 });
  });
  it('serves a translated screen in its language and sends the others to English for now', () => {
    expect(TRANSLATED_SCREENS.some((s) => s.test('/presence'))).toBe(true);
    expect(routeLocale('/ru/presence')).toEqual({ kind: 'page', locale: 'ru', path: '/presence' });
    expect(routeLocale('/kk/presence')).toEqual({ kind: 'page', locale: 'kk', path: '/presence' });
    expect(routeLocale('/ru/compare')).toEqual({ kind: 'page', locale: 'ru', path: '/compare' });
    expect(routeLocale('/ru/consistency')).toEqual({ kind: 'page', locale: 'ru', path: '/consistency' });
    expect(routeLocale('/kk/embed/compare')).toEqual({ kind: 'page', locale: 'kk', path: '/embed/compare' });
    expect(routeLocale('/kk/sources')).toEqual({ kind: 'page', locale: 'kk', path: '/sources' });
    expect(routeLocale('/ru/presence/x')).toEqual({ kind: 'redirect', path: '/presence/x', status: 307 });
  });
  it('serves the data screen, an observation’s page and the consistency checks under the prefix, not the API', () => {
    expect(routeLocale('/ru/data')).toEqual({ kind: 'page', locale: 'ru', path: '/data' });
    expect(routeLocale('/kk/observations/42')).toEqual({ kind: 'page', locale: 'kk', path: '/observations/42' });
    expect(routeLocale('/ru/observations/42/x')).toEqual({
      kind: 'redirect',
      path: '/observations/42/x',
      status: 307,
    });
    expect(localizedHref('kk', '/data?partner=DEU')).toBe('/kk/data?partner=DEU');
    expect(localizedHref('ru', '/sources#source-bns')).toBe('/ru/sources#source-bns');
    expect(localizedHref('ru', '/consistency?items=all')).toBe('/ru/consistency?items=all');
    expect(localizedHref('kk', '/api/observations?partner=DEU')).toBe('/api/observations?partner=DEU');
  });
  it('serves the overview and its chart embeds under the prefix, with the query', () => {
    expect(routeLocale('/kk')).toEqual({ kind: 'page', locale: 'kk', path: '/' });
    expect(routeLocale('/ru/embed/overview/turnover')).toEqual({
      kind: 'page',
      locale: 'ru',
      path: '/embed/overview/turnover',
    });
    expect(localizedHref('ru', '/?eu=members#composition-heading')).toBe('/ru?eu=members#composition-heading');
    expect(localizedHref('en', '/')).toBe('/');
    expect(localizedEmbed('kk', { src: '/embed/overview/world', fullView: '/#turnover-heading', height: 620 })).toEqual(
      {
        src: '/kk/embed/overview/world',
        fullView: '/kk#turnover-heading',
        height: 620,
      },
    );
    expect(languageMetadata('ru', '/')).toEqual({
      alternates: { canonical: '/ru', languages: { en: '/', ru: '/ru', kk: '/kk', 'x-default': '/' } },
    });
  });
  it('serves the partner list, partner profiles (groups included), their chart embeds and the map', () => {
    expect(routeLocale('/kk/partners/DEU')).toEqual({ kind: 'page', locale: 'kk', path: '/partners/DEU' });
    expect(routeLocale('/ru/partners/AGG_EU')).toEqual({ kind: 'page', locale: 'ru', path: '/partners/AGG_EU' });
    // A lower-case code is served, so the page's own redirect to /ru/partners/DEU keeps the language.
    expect(routeLocale('/ru/partners/deu')).toEqual({ kind: 'page', locale: 'ru', path: '/partners/deu' });
    expect(routeLocale('/ru/partners')).toEqual({ kind: 'page', locale: 'ru', path: '/partners' });
    expect(routeLocale('/kk/map')).toEqual({ kind: 'page', locale: 'kk', path: '/map' });
    expect(routeLocale('/ru/embed/map')).toEqual({ kind: 'page', locale: 'ru', path: '/embed/map' });
    expect(routeLocale('/ru/partners/DEU/x')).toEqual({ kind: 'redirect', path: '/partners/DEU/x', status: 307 });
    expect(routeLocale('/kk/embed/partners/DEU/trade')).toEqual({
      kind: 'page',
      locale: 'kk',
      path: '/embed/partners/DEU/trade',
    });
    // A lower-case code is served too, so the embed's own redirect keeps the language.
    expect(routeLocale('/ru/embed/partners/deu/share')).toEqual({
      kind: 'page',
      locale: 'ru',
      path: '/embed/partners/deu/share',
    });
    expect(routeLocale('/ru/embed/partners/DEU')).toEqual({
      kind: 'redirect',
      path: '/embed/partners/DEU',
      status: 307,
    });
    expect(localizedHref('kk', '/partners/CHN')).toBe('/kk/partners/CHN');
    expect(localizedHref('ru', '/partners?q=Герм')).toBe('/ru/partners?q=Герм');
    expect(localizedHref('kk', '/map?measure=share&year=2024')).toBe('/kk/map?measure=share&year=2024');
  });
});

describe('localizedHref', () => {
  it('prefixes only translated screens, keeping the query and fragment', () => {
    expect(localizedHref('ru', '/presence?x=1#plan')).toBe('/ru/presence?x=1#plan');
    expect(localizedHref('kk', '/presence')).toBe('/kk/presence');
    expect(localizedHref('ru', '/compare?partners=DEU')).toBe('/ru/compare?partners=DEU');
    expect(localizedHref('ru', '/presence/x?items=all')).toBe('/presence/x?items=all');
    expect(localizedHref('en', '/presence')).toBe('/presence');
  });
});

describe('languageAddresses and languageMetadata', () => {
  it('lists the page in every language, with its query', () => {
    expect(languageAddresses('/presence', 'a=1')).toEqual([
      { locale: 'en', href: '/presence?a=1' },
      { locale: 'ru', href: '/ru/presence?a=1' },
      { locale: 'kk', href: '/kk/presence?a=1' },
    ]);
    expect(languageAddresses('/presence/x')).toEqual([]);
  });
  it('gives hreflang alternates and the canonical address in the page’s language', () => {
    expect(languageMetadata('kk', '/presence')).toEqual({
      alternates: {
        canonical: '/kk/presence',
        languages: { en: '/presence', ru: '/ru/presence', kk: '/kk/presence', 'x-default': '/presence' },
      },
    });
    expect(languageMetadata('en', '/presence/x')).toEqual({});
  });
});

describe('localizedEmbed', () => {
  it('puts a translated embed and its full view under the prefix, and leaves English-only ones', () => {
    const embed = { src: '/embed/compare?partners=CHN', fullView: '/compare?partners=CHN', height: 560 };
    expect(localizedEmbed('ru', embed)).toEqual({
      src: '/ru/embed/compare?partners=CHN',
      fullView: '/ru/compare?partners=CHN',
      height: 560,
    });
    expect(localizedEmbed('en', embed)).toEqual(embed);
    const map = { src: '/embed/map?measure=share', fullView: '/map?measure=share', height: 600 };
    expect(localizedEmbed('kk', map)).toEqual({
      src: '/kk/embed/map?measure=share',
      fullView: '/kk/map?measure=share',
      height: 600,
    });
    const profile = { src: '/embed/partners/DEU/trade', fullView: '/partners/DEU#trade-heading', height: 480 };
    expect(localizedEmbed('kk', profile)).toEqual({
      src: '/kk/embed/partners/DEU/trade',
      fullView: '/kk/partners/DEU#trade-heading',
      height: 480,
    });
  });
});
