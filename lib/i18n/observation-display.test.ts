// A value's qualifier and period in the page's language; words expected from the catalogues.
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from './messages/en.json';
import ru from './messages/ru.json';
import { periodDisplay, qualifierText } from './observation-display';

const tRu = createTranslator({ locale: 'ru', messages: { Data: ru.Data }, namespace: 'Data' });
const tEn = createTranslator({ locale: 'en', messages: { Data: en.Data }, namespace: 'Data' });

describe('periodDisplay', () => {
  it('says the calendar year in the language and leaves dates as they are', () => {
    expect(periodDisplay('FY', tRu)).toEqual({ text: ru.Data.cells.fullYear });
    expect(periodDisplay('2024-03', tRu)).toEqual({ text: '2024-03' });
    expect(periodDisplay('FY', tEn)).toEqual({ text: 'FY' });
  });
  it('keeps a source’s own wording of a period, in English', () => {
    expect(periodDisplay('Jan-Jul', tRu)).toEqual({ text: 'Jan-Jul', lang: 'en' });
    expect(periodDisplay('cumulative (as of 2023)', tRu)).toEqual({ text: 'cumulative (as of 2023)', lang: 'en' });
  });
});

describe('qualifierText', () => {
  it('gives the symbol and both phrases in the language', () => {
    expect(qualifierText('MORE_THAN', tRu)).toEqual({
      symbol: '>',
      label: ru.Data.qualifierLabels.MORE_THAN,
      short: ru.Data.qualifiers.MORE_THAN,
    });
    expect(qualifierText('MORE_THAN', tEn).short).toBe('more than');
  });
  it('shows a qualifier the catalogue does not know by its code', () => {
    expect(qualifierText('ROUGHLY', tRu)).toEqual({ symbol: '', label: 'ROUGHLY', short: 'ROUGHLY' });
  });
});
