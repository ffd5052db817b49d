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
