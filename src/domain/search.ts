// Accent- and case-insensitive text matching for offline search: "equipe" finds "Équipe",
// "saint etienne" finds "Saint-Étienne".

const MARKS = /\p{M}+/gu;
const KEPT_RUN = /[\p{L}\p{N}@.+]+/gu;

/**
 * Lower case, without diacritics, punctuation turned into single spaces. The kept runs are
 * matched and joined rather than the rest replaced: the same text, about twice as fast, and
 * every visit written or pulled is normalised (search-index.ts).
 */
export function normalizeForSearch(text: string): string {
  const runs = text.normalize('NFD').replace(MARKS, '').toLowerCase().match(KEPT_RUN);
  return runs === null ? '' : runs.join(' ');
}

/** The words of a query, normalised; an empty query has none and matches everything. */
export function queryWords(query: string): string[] {
  const normalized = normalizeForSearch(query);
  return normalized === '' ? [] : normalized.split(' ');
}

/** True when every word of the query starts a word of, or appears in, one of the texts. */
export function matchesWords(words: readonly string[], texts: readonly (string | null | undefined)[]): boolean {
  if (words.length === 0) return true;
  const haystack = normalizeForSearch(texts.filter(Boolean).join(' '));
  return words.every((word) => haystack.includes(word));
}

/** Sorts by a label the way a French reader expects (accents and case ignored). */
export function compareLabels(a: string, b: string): number {
  return a.localeCompare(b, 'fr', { sensitivity: 'base' });
}
