import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import partnerListEn from '@/lib/i18n/messages/partner-list/en.json';
import { pagerTexts } from './pager-texts';

const t = createTranslator({ locale: 'en', messages: { partnerList: partnerListEn }, namespace: 'partnerList.kit' });

describe('pagerTexts', () => {
  it('names the rows of the page shown and the page among all of them', () => {
    expect(pagerTexts(t, 'en', { page: 2, size: 50, total: 235, rows: 'partners' })).toEqual({
      summary: '51–100 of 235 partners',
      page: 'Page 2 of 5',
    });
  });

  it('ends the last page at the total, and groups thousands', () => {
    expect(pagerTexts(t, 'en', { page: 25, size: 100, total: 2_412, rows: 'observations' })).toEqual({
      summary: '2,401–2,412 of 2,412 observations',
      page: 'Page 25 of 25',
    });
  });

  it('says there are none, on page 1 of 1, when nothing matches', () => {
    expect(pagerTexts(t, 'en', { page: 1, size: 50, total: 0, rows: 'partners' })).toEqual({
      summary: 'No partners',
      page: 'Page 1 of 1',
    });
  });
});
