import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import type { Locale } from '@/lib/i18n/locales';
import en from '@/lib/i18n/messages/en.json';
import kk from '@/lib/i18n/messages/kk.json';
import ru from '@/lib/i18n/messages/ru.json';
import { disagreementSentence, type MirrorSentenceTexts } from './mirror-text';

const MESSAGES = { en, ru, kk };

/** The catalogue's sentences in `locale`, as the table reads them through useTranslations. */
function texts(locale: Locale): MirrorSentenceTexts {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'MirrorScreen.sentence' });
  return (key, values) => t(key, values);
}

describe('disagreementSentence', () => {
  it('says which side records more, and how many times', () => {
    const t = texts('en');
    // 2020 exports to the Netherlands: 3,149 as Kazakhstan reports them, 140 as the Netherlands does.
    expect(disagreementSentence(3149, 140, 'Netherlands', t)).toBe('Kazakhstan’s figure is 22 times Netherlands’.');
    expect(disagreementSentence(100, 1100, 'Germany', t)).toBe('Germany reports 11 times Kazakhstan’s figure.');
    expect(disagreementSentence(100, 250, 'France', t)).toBe('France reports 2.5 times Kazakhstan’s figure.');
  });

  it('says when they agree, and when one side records nothing', () => {
    const t = texts('en');
    expect(disagreementSentence(105, 100, 'Italy', t)).toBe('The two agree within 10 %.');
    expect(disagreementSentence(5, 0, 'Malta', t)).toBe('Malta records none of it.');
    expect(disagreementSentence(0, 5, 'Malta', t)).toBe('Kazakhstan records none of it.');
    expect(disagreementSentence(0, 0, 'Malta', t)).toBe('Neither side records this flow.');
  });

  it('writes the number in the language, its noun agreeing with the number shown', () => {
    const ru = texts('ru');
    // Russian: "в 22 раза" (few), "в 11 раз" (many), "в 21 раз" (one), "в 2,5 раза" (a fraction).
    expect(disagreementSentence(3149, 140, 'Нидерланды', ru, 'ru')).toMatch(
      /^По данным Казахстана в 22 раза больше.*\(Нидерланды\)\.$/,
    );
    expect(disagreementSentence(100, 1100, 'Германия', ru, 'ru')).toMatch(/\(Германия\).* в 11 раз больше/);
    expect(disagreementSentence(2100, 100, 'Италия', ru, 'ru')).toMatch(/ в 21 раз больше/);
    expect(disagreementSentence(100, 250, 'Франция', ru, 'ru')).toMatch(/ в 2,5 раза больше/);
    // Shown rounded: 21.6 reads "22", and the noun follows the 22.
    expect(disagreementSentence(2160, 100, 'Италия', ru, 'ru')).toMatch(/ в 22 раза больше/);
    const kk = texts('kk');
    expect(disagreementSentence(100, 250, 'Франция', kk, 'kk')).toMatch(/\(Франция\).* 2,5 есе көп\.$/);
    expect(disagreementSentence(105, 100, 'Италия', kk, 'kk')).toContain('10 %');
  });
});
