import { describe, expect, it } from 'vitest';
import { parseObservationId } from './observation-id';

describe('parseObservationId', () => {
  it('accepts positive whole numbers up to bigint, kept as text', () => {
    expect(parseObservationId('1')).toEqual({ ok: true, id: '1' });
    expect(parseObservationId('9223372036854775807')).toEqual({ ok: true, id: '9223372036854775807' });
  });

  it('refuses anything else with a reason', () => {
    for (const raw of [
      '',
      '0',
      '-1',
      '01',
      '1.5',
      '1e3',
      'abc',
      '12 ',
      ' 12',
      '9223372036854775808',
      '99999999999999999999',
      "1'; DROP TABLE observation",
    ]) {
      const parsed = parseObservationId(raw);
      expect(parsed.ok, raw).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/observation id/);
    }
  });
});
