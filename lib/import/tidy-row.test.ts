import { describe, expect, it } from 'vitest';
import { UNSPECIFIED_REPORTER } from '@/lib/constants';
import { parseTidyRow } from './tidy-row';

const base = {
  source_id: 'imf_dots_2022_via_SamLeBlanc',
  reporter: 'Kazakhstan',
  reporter_code: 'KAZ',
  partner: 'Germany',
  partner_code: 'DEU',
  year: '2020',
  period: 'FY',
  flow: 'export',
  value: '1234.5',
  unit: 'USD',
  scale: '1e6',
  flag: '',
  note: 'FOB',
};

describe('parseTidyRow', () => {
  it('normalises a published annual value', () => {
    const result = parseTidyRow(base, 2);
    expect('row' in result && result.row).toMatchObject({
      reporterCode: 'KAZ',
      partnerCode: 'DEU',
      indicatorCode: 'export',
      year: 2020,
      periodKind: 'YEAR',
      periodStart: '2020-01-01',
      periodEnd: '2020-12-31',
      periodKey: '2020|FY',
      value: '1234.5',
      scale: 6,
      qualifier: 'EXACT',
      isEstimate: false,
      derivation: 'PUBLISHED',
    });
  });

  it.each([
    ['e', 'ESTIMATE', true, 'PUBLISHED'],
    ['derived+e', 'ESTIMATE', true, 'DERIVED'],
    ['lower_bound', 'MORE_THAN', false, 'PUBLISHED'],
    ['upper_approximate', 'NEARLY', false, 'PUBLISHED'],
    ['approximate', 'ABOUT', false, 'PUBLISHED'],
  ])('maps flag %s', (flag, qualifier, estimate, derivation) => {
    const result = parseTidyRow({ ...base, flag }, 2);
    expect('row' in result && result.row).toMatchObject({ qualifier, isEstimate: estimate, derivation });
  });

  it('lets explicit columns override what the flag implies', () => {
    const result = parseTidyRow({ ...base, flag: '', qualifier: 'AT_LEAST', derivation: 'INFERRED' }, 2);
    expect('row' in result && result.row).toMatchObject({ qualifier: 'AT_LEAST', derivation: 'INFERRED' });
  });

  it('stores a missing reporter as the unspecified reporter', () => {
    const result = parseTidyRow({ ...base, reporter_code: '' }, 2);
    expect('row' in result && result.row.reporterCode).toBe(UNSPECIFIED_REPORTER);
  });

  it.each([
    ['value', '1,234.5'],
    ['value', 'abc'],
    ['value', ''],
    ['scale', '1e4'],
    ['year', '20x0'],
    ['year', '1850'],
    ['partner_code', 'de'],
    ['flag', 'guess'],
    ['period', 'sometime'],
    ['unit', ''],
  ])('reports a bad %s (%s) with line and column', (column, found) => {
    const result = parseTidyRow({ ...base, [column]: found }, 7);
    expect('problems' in result).toBe(true);
    if ('problems' in result) {
      expect(result.problems[0]).toMatchObject({ line: 7, column });
      expect(result.problems[0]?.expected.length).toBeGreaterThan(3);
    }
  });
});
