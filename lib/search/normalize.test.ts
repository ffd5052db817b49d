import { describe, expect, it } from 'vitest';
import { normalizeSearchText } from './normalize';

describe('normalizeSearchText', () => {
  it('folds case and Latin diacritics', () => {
    expect(normalizeSearchText('Türkiye')).toBe('turkiye');
    expect(normalizeSearchText("Côte d'Ivoire")).toBe('cote d ivoire');
    expect(normalizeSearchText('  KOREA,   Rep. ')).toBe('korea rep');
  });

  it('folds Cyrillic case, and ё and й like their plain letters', () => {
    expect(normalizeSearchText('ГЕРМАНИЯ')).toBe('германия');
    expect(normalizeSearchText('Объединённые')).toBe(normalizeSearchText('Объединенные'));
  });

  it('folds Kazakh letters to the Russian letters a reader may type instead', () => {
    expect(normalizeSearchText('Қытай')).toBe('кытаи');
    expect(normalizeSearchText('Түркия')).toBe('туркия');
    expect(normalizeSearchText('Әзірбайжан')).toBe('азирбаижан');
  });
});
