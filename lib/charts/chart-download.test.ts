import { describe, expect, it } from 'vitest';
import { chartFileName, compareChartContext, compareChartFileName, yearSpan } from './chart-download';

describe('chart file names', () => {
  it('are built from the view, as in the issue', () => {
    expect(
      compareChartFileName({
        flow: 'turnover',
        mode: 'share',
        scale: 'log',
        currency: 'USD',
        partners: ['AGG_EU', 'CHN', 'RUS'],
        from: 2000,
        to: 2025,
      }),
    ).toBe('kaz-trade-turnover-share-log-AGG_EU-CHN-RUS-2000-2025');
  });

  it('name a linear scale by omission and a converted currency explicitly', () => {
    expect(
      compareChartFileName({
        flow: 'balance',
        mode: 'absolute',
        scale: 'linear',
        currency: 'EUR',
        partners: ['DEU'],
        from: 2015,
        to: 2015,
      }),
    ).toBe('kaz-trade-balance-value-eur-DEU-2015');
  });

  it('keep only letters, digits, "_" and single dashes, and drop empty parts', () => {
    expect(chartFileName(['Turnover', 'top partners', null, false, '', yearSpan(1992, 2025)])).toBe(
      'kaz-trade-Turnover-top-partners-1992-2025',
    );
    expect(chartFileName(['Côte d’Ivoire', 'mirror/exports'])).toBe('kaz-trade-Cote-d-Ivoire-mirror-exports');
    expect(yearSpan(null, 2020)).toBeNull();
  });
});

describe('download context', () => {
  it('says the mode, the scale and, for amounts, the currency', () => {
    expect(compareChartContext({ mode: 'share', scale: 'log', currency: 'USD' })).toBe(
      'Share of Kazakhstan’s total, logarithmic scale',
    );
    expect(compareChartContext({ mode: 'absolute', scale: 'linear', currency: 'EUR' })).toBe(
      'Value, linear scale, euro converted at ECB annual averages',
    );
  });
});
