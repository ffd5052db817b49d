import { describe, expect, it } from 'vitest';
import { alphabeticalPlaces, nameCollator } from './collation';

// The Kazakh alphabet: А Ә Б В Г Ғ Д Е Ё Ж З И Й К Қ Л М Н Ң О Ө П Р С Т У Ұ Ү Ф Х Һ Ц Ч Ш Щ Ъ Ы І Ь Э Ю Я.
describe('nameCollator', () => {
  it('sorts Kazakh names in the Kazakh alphabet', () => {
    const names = ['Ямайка', 'Іле', 'Үндістан', 'Ұлыбритания', 'Қытай', 'Кипр', 'Әзірбайжан', 'Ыстамбұл', 'Германия'];
    expect([...names].sort(nameCollator('kk').compare)).toEqual([
      'Әзірбайжан',
      'Германия',
      'Кипр',
      'Қытай',
      'Ұлыбритания',
      'Үндістан',
      'Ыстамбұл',
      'Іле',
      'Ямайка',
    ]);
  });

  it('sorts Russian names with Ё beside Е, not after Я', () => {
    expect(['Ямайка', 'Ёлкино', 'Египет', 'Жужуй'].sort(nameCollator('ru').compare)).toEqual([
      'Египет',
      'Ёлкино',
      'Жужуй',
      'Ямайка',
    ]);
  });
});

describe('alphabeticalPlaces', () => {
  it('gives each name its place, ties by key', () => {
    expect(alphabeticalPlaces('en', ['Congo', 'Chad', 'Congo', 'Austria'], ['COG', 'TCD', 'COD', 'AUT'])).toEqual([
      3, 1, 2, 0,
    ]);
  });
});
