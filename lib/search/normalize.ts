// Text normalisation for the site search, the same for the index and for what is typed.

/**
 * Kazakh letters a reader may type with a Russian or Latin keyboard as their nearest plain letter
 * (Қазақстан → казакстан), so one query finds a name in any of the three languages.
 */
const KAZAKH_FOLDS: Readonly<Record<string, string>> = {
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
};

/**
 * Case-folded, without diacritics (Türkiye → turkiye, Côte → cote; ё → е, й → и, as both sides
 * are folded alike), Kazakh letters folded, punctuation as spaces, spaces collapsed.
 */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[әғқңөұүһі]/g, (letter) => KAZAKH_FOLDS[letter] ?? letter)
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
