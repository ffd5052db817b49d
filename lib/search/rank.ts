// Matching and ranking for the site search. Written here rather than taken from a fuzzy-matching
// library: the index is a few hundred names, the rules we need are few (codes match exactly,
// then whole names, prefixes, word prefixes, substrings, larger partners first on a tie), and
// the libraries looked at (match-sorter, fuse.js) fold Latin diacritics (and ё) but not Kazakh letters,
// and add fuzzy matches ("Germ" → "Guernsey") that read as noise in a list of countries.
import { normalizeSearchText } from './normalize';

export type SearchItemType = 'partner' | 'group' | 'screen';

/** One entry of the index as the server sends it (app/api/search-index). */
export interface SearchItem {
  type: SearchItemType;
  /** Partner code (DEU, AGG_EU) or the screen's path. */
  id: string;
  /** English display name. */
  label: string;
  href: string;
  /** Codes, matched only whole (DEU, DE, EU). */
  codes: string[];
  /** Names and alternative names in English, Russian and Kazakh, as written. */
  names: string[];
  /** Larger first on a tie: turnover in USD million for partners; screens and groups get a fixed rank. */
  weight: number;
}

interface PreparedItem {
  item: SearchItem;
  codes: string[];
  names: { text: string; folded: string; words: string[] }[];
}

export interface SearchResult {
  item: SearchItem;
  /** The name that matched, when it is not the display name (Германия for "Герм"). */
  matched: string | null;
  score: number;
}

export function prepareSearchIndex(items: readonly SearchItem[]): PreparedItem[] {
  return items.map((item) => ({
    item,
    codes: item.codes.map((code) => code.toLowerCase()),
    names: item.names.map((text) => {
      const folded = normalizeSearchText(text);
      return { text, folded, words: folded.split(' ') };
    }),
  }));
}

/** How well one name matches the folded query; 0 for no match. */
function nameScore(name: { folded: string; words: string[] }, query: string, queryWords: readonly string[]): number {
  if (name.folded === query) return 90;
  if (name.folded.startsWith(query)) return 80;
  if (name.words.some((word) => word.startsWith(query))) return 60;
  // "south kor", "korea rep": every typed word starts a word of the name.
  if (queryWords.length > 1 && queryWords.every((q) => name.words.some((word) => word.startsWith(q)))) return 50;
  if (name.folded.includes(query)) return 40;
  return 0;
}

const TYPE_ORDER: Record<SearchItemType, number> = { partner: 0, group: 1, screen: 2 };

/** The best matches for what was typed, best first: at most `limit`. */
export function searchIndex(prepared: readonly PreparedItem[], typed: string, limit = 8): SearchResult[] {
  const query = normalizeSearchText(typed);
  if (query === '') return [];
  const queryWords = query.split(' ');
  const results: SearchResult[] = [];
  for (const entry of prepared) {
    let score = entry.codes.includes(query.replace(/ /g, '_')) || entry.codes.includes(query) ? 100 : 0;
    let matched: string | null = null;
    for (const name of entry.names) {
      const s = nameScore(name, query, queryWords);
      if (s > score) {
        score = s;
        matched = name.text === entry.item.label ? null : name.text;
      }
    }
    if (score > 0) results.push({ item: entry.item, matched, score });
  }
  return results
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.item.weight - a.item.weight ||
        TYPE_ORDER[a.item.type] - TYPE_ORDER[b.item.type] ||
        a.item.label.localeCompare(b.item.label, 'en'),
    )
    .slice(0, limit);
}
