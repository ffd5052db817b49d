import { describe, expect, it } from 'vitest';
import { unreadParameters } from './page-params';

const unread = (path: string, query: string) => unreadParameters(path, new URLSearchParams(query));

describe('unreadParameters', () => {
  it('names the parameters a page does not read', () => {
    expect(unread('/', 'cb=123&year=2020&utm_source=x')).toEqual(['cb', 'utm_source']);
    expect(unread('/data', 'partner=DEU&cols=year,value&cb=1&format=csv')).toEqual(['cb', 'format']);
    expect(
      unread('/partners', 'sort=cagr:desc&page=2&size=25&window=5&min=100&view=groups&group=AGG_EU&q=ger&year=2020'),
    ).toEqual([]);
    expect(unread('/compare', 'partners=DEU&flow=export&mode=share&scale=log&currency=EUR&sort=last:asc&x=1')).toEqual([
      'x',
    ]);
    expect(unread('/consistency', 'items=all&items=x&z=1')).toEqual(['z']);
  });

  it('treats pages without parameters alike, and leaves other addresses alone', () => {
    expect(unread('/partners/DEU', 'cb=1')).toEqual(['cb']);
    expect(unread('/sources', 'cb=1')).toEqual(['cb']);
    expect(unread('/observations/12', 'cb=1')).toEqual(['cb']);
    expect(unread('/no-such-page', 'cb=1')).toBeNull();
    expect(unread('/partners/DEU/extra', 'cb=1')).toBeNull();
  });
});

describe('unreadParameters: the disagreements screen', () => {
  it('reads its own parameters and nothing else', () => {
    expect(unread('/mirror', 'flow=export&year=2019&min=100&sort=ratio:desc&page=2&size=50&utm=1')).toEqual(['utm']);
  });
});

describe('unreadParameters: the embed routes', () => {
  it('read their full view’s parameters, less those that change nothing on the chart', () => {
    expect(
      unread('/embed/compare', 'partners=DEU&flow=export&from=2000&to=2020&mode=share&scale=log&currency=EUR&x=1'),
    ).toEqual(['x']);
    // The summary table's sort is not on the chart.
    expect(unread('/embed/compare', 'partners=DEU&sort=last:asc')).toEqual(['sort']);
    expect(unread('/embed/map', 'measure=growth&year=2024&eu=block&window=5&min=100&q=1')).toEqual(['q']);
    expect(unread('/embed/overview/composition', 'eu=members&year=2020&sort=share:desc')).toEqual(['year', 'sort']);
    expect(unread('/embed/overview/turnover', 'eu=members')).toEqual(['eu']);
    expect(unread('/embed/partners/DEU/trade', 'cb=1')).toEqual(['cb']);
  });

  it('leave other addresses under /embed alone', () => {
    expect(unread('/embed', 'cb=1')).toBeNull();
    expect(unread('/embed/partners/DEU', 'cb=1')).toBeNull();
  });
});
