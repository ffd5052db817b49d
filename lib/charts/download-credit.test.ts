import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import kk from '@/lib/i18n/messages/kk.json';
import { downloadCredit } from './download-credit';

/** The client's words for the line (Charts.credit), as ChartDownloadButtons reads them. */
const words = (messages: typeof en) => {
  const t = createTranslator({ locale: 'en', messages, namespace: 'Charts' });
  return (day: string) => t('credit', { day });
};

describe('downloadCredit', () => {
  it('ends with the page’s address and the reader’s calendar date', () => {
    // Local time: 1 a.m. on 24 November wherever the test runs (in UTC it may still be the 23rd).
    expect(downloadCredit('http://localhost:3000/compare?mode=share', new Date(2026, 10, 24, 1, 0), words(en))).toBe(
      'http://localhost:3000/compare?mode=share · downloaded 2026-11-24',
    );
    expect(downloadCredit('http://localhost:3000/', new Date(2027, 0, 5, 23, 59), words(en))).toBe(
      'http://localhost:3000/ · downloaded 2027-01-05',
    );
  });

  it('says it in the page’s language', () => {
    expect(downloadCredit('http://x/kk/compare', new Date(2026, 0, 2), words(kk))).toBe(
      'http://x/kk/compare · жүктелген күні 2026-01-02',
    );
  });
});
