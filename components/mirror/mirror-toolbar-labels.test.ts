import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import ru from '@/lib/i18n/messages/ru.json';
import { mirrorMinSizeLabels } from './mirror-toolbar-labels';

describe('mirrorMinSizeLabels', () => {
  it('names each minimum size in the page’s language, the first as any size', () => {
    const t = createTranslator({ locale: 'en', messages: en, namespace: 'MirrorScreen.toolbar' });
    expect(mirrorMinSizeLabels(t, 'en')).toEqual([
      'any size',
      'USD 10 million',
      'USD 100 million',
      'USD 1,000 million',
    ]);
  });

  it('groups thousands as Russian does', () => {
    const t = createTranslator({ locale: 'ru', messages: ru, namespace: 'MirrorScreen.toolbar' });
    expect(mirrorMinSizeLabels(t, 'ru').at(-1)).toBe('1\u00a0000 млн долл. США');
  });
});
