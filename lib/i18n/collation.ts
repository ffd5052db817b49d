// One alphabetical order of names per language, for every screen that sorts partners by name.
// In JavaScript (Intl.Collator: ICU's rules for the language), never PostgreSQL's collation, which
// depends on how the server was built and initialised: the bundled server's root collation put
// Kazakh's І beside И and Ү before Ұ, where the Kazakh alphabet has І after Ы and Ұ before Ү.
import type { Locale } from './locales';
import { perLocale } from './per-locale';

/** Compares two names in the language's alphabetical order. */
export const nameCollator = perLocale((locale) => new Intl.Collator(locale));

/**
 * Each name's place in the language's alphabetical order (0 first), ties broken by `keys` (codes),
 * so that PostgreSQL can sort by names it cannot collate itself.
 */
export function alphabeticalPlaces(locale: Locale, names: readonly string[], keys: readonly string[]): number[] {
  const { compare } = nameCollator(locale);
  const order = names
    .map((_, i) => i)
    .sort((a, b) => compare(names[a] ?? '', names[b] ?? '') || (keys[a] ?? '').localeCompare(keys[b] ?? ''));
  const places = new Array<number>(names.length);
  order.forEach((index, place) => (places[index] = place));
  return places;
}
