import { describe, expect, it } from 'vitest';
import { featurePartnerCode } from './geo-codes';

describe('featurePartnerCode', () => {
  it('reads Natural Earth ids as ISO 3166-1 numeric codes, padded or not', () => {
    expect(featurePartnerCode('276', 'Germany')).toBe('DEU');
    expect(featurePartnerCode('398', 'Kazakhstan')).toBe('KAZ');
    expect(featurePartnerCode('004', 'Afghanistan')).toBe('AFG');
    expect(featurePartnerCode(4, 'Afghanistan')).toBe('AFG');
    expect(featurePartnerCode('158', 'Taiwan')).toBe('TWN');
    expect(featurePartnerCode('344', 'Hong Kong')).toBe('HKG');
  });

  it('matches Kosovo, which has no ISO code, to the IMF code the partner table uses', () => {
    expect(featurePartnerCode(undefined, 'Kosovo')).toBe('XKX');
  });

  it('leaves shapes that are no partner unmatched', () => {
    expect(featurePartnerCode(undefined, 'N. Cyprus')).toBeNull();
    expect(featurePartnerCode(undefined, 'Somaliland')).toBeNull();
    expect(featurePartnerCode('999', 'Nowhere')).toBeNull();
  });
});
