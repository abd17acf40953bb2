// Accent- and case-insensitive text matching for offline search: "equipe" finds "Équipe",
// "saint etienne" finds "Saint-Étienne".

const MARKS = /\p{M}+/gu;
/** A character a searched word is made of: letters, digits, and those of emails and phones. */
const KEPT = /[\p{L}\p{N}@.+]/u;
const ASCII_KEPT: readonly boolean[] = Array.from({ length: 128 }, (_, code) => KEPT.test(String.fromCharCode(code)));

/**
 * Lower case, without diacritics, punctuation turned into single spaces. Every visit written
 * or pulled is normalised (search-index.ts): once the marks are gone nearly every character is
 * ASCII, so the runs of kept characters are found by a table of those, and the regular
 * expression asked only about the others (same text as matching `KEPT` runs and joining them,
 * about twice as fast). The runs are joined once at the end: a text grown run by run was a
 * chain of dozens of pieces that V8 then had to flatten, and normalising the 10,000 visits of
 * a bulk write took two to four times as long in Chromium.
 */
export function normalizeForSearch(text: string): string {
  return keptRuns(text.normalize('NFD').replace(MARKS, '').toLowerCase());
}

function keptRuns(text: string): string {
  const runs: string[] = [];
  let start = -1;
  for (let at = 0; at < text.length; ) {
    const code = text.charCodeAt(at);
    let width = 1;
    let kept: boolean;
    if (code < 128) kept = ASCII_KEPT[code] as boolean;
    else {
      // A character outside the basic plane is two code units, tested together.
      width = (text.codePointAt(at) as number) > 0xffff ? 2 : 1;
      kept = KEPT.test(text.slice(at, at + width));
    }
    if (kept) {
      if (start < 0) start = at;
    } else if (start >= 0) {
      runs.push(text.slice(start, at));
      start = -1;
    }
    at += width;
  }
  if (start >= 0) runs.push(text.slice(start));
  return runs.join(' ');
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
