// Accent- and case-insensitive text matching for offline search: "equipe" finds "Équipe",
// "saint etienne" finds "Saint-Étienne".

const MARKS = /\p{M}+/gu;
/** A character a searched word is made of: letters, digits, and those of emails and phones. */
const KEPT = /[\p{L}\p{N}@.+]/u;
const ASCII_KEPT: readonly boolean[] = Array.from({ length: 128 }, (_, code) => KEPT.test(String.fromCharCode(code)));
/**
 * Characters drawn as nothing: a soft hyphen (a copy from a PDF's line ends or a web page),
 * zero-width spaces, joiners and non-joiners, direction marks and isolates, the word joiner and
 * invisible operators, a byte order mark. Inside a word they would split it in two, so
 * « Fab\u00ADLab » would neither find « FabLab » nor be seen as its duplicate: they are dropped,
 * not read as spaces. Keys and search texts stored before were read with them as spaces: the
 * schema's version 15 has those of the records holding one worked out again (db/invisible-rebuild.ts).
 */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const HAS_INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** Whether a text holds a character drawn as nothing, which the normalisations drop. */
export function holdsInvisible(text: string): boolean {
  return HAS_INVISIBLE.test(text);
}

/** The text without its characters drawn as nothing (the text itself when it has none: the usual case). */
export function withoutInvisible(text: string): string {
  return HAS_INVISIBLE.test(text) ? text.replace(INVISIBLE, '') : text;
}

/**
 * Lower case, without diacritics, punctuation turned into single spaces. Every visit written
 * or pulled is normalised (search-index.ts).
 */
export function normalizeForSearch(text: string): string {
  return searchWords(text).join(' ');
}

/**
 * The words of `normalizeForSearch(text)`, in order (none for a text without any): a write
 * keeps both the text and its words, and splitting the text again cost it as much as a
 * tenth of the normalisation.
 */
export function searchWords(text: string): string[] {
  // The visit list asks for the words of its empty search on the first screen: no table built there.
  if (text === '') return [];
  return latinWords(text) ?? keptRuns(withoutInvisible(text).normalize('NFD').replace(MARKS, '').toLowerCase());
}

/**
 * The runs of kept characters of a normalised text. Once the marks are gone nearly every
 * character is ASCII, so those are looked up in a table and the regular expression is asked
 * only about the others. The runs are joined once, by the caller: a text grown run by run was a
 * chain of dozens of pieces that V8 then had to flatten.
 */
function keptRuns(text: string): string[] {
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
  return runs;
}

/**
 * Characters a text of the Latin alphabets is made of: Latin-1, Latin Extended-A and -B, and
 * typographic punctuation (’ « — …). Each is normalised on its own exactly as within any text
 * of them: none of them is a combining mark, none lower-cases by its neighbours (only a Greek
 * sigma does), and a mark of a character's decomposition is dropped wherever it goes.
 */
const LATIN_END = 0x250;
const PUNCTUATION = 0x2000;
const FAST_END = 0x2070;
/** What a character is in the normalised text: itself, a space, nothing, another text, or unknown here. */
const SAME = 0;
const SPACE = 1;
const NOTHING = 2;
const OTHER = 3;
const UNKNOWN = 4;
let kinds: Uint8Array | null = null;
const others: string[] = [];

function latinKinds(): Uint8Array {
  const table = new Uint8Array(FAST_END).fill(UNKNOWN);
  for (let code = 0; code < FAST_END; code++) {
    if (code >= LATIN_END && code < PUNCTUATION) continue;
    const character = String.fromCharCode(code);
    const normalised = withoutInvisible(character).normalize('NFD').replace(MARKS, '').toLowerCase();
    const kept = Array.from(normalised, (part) => KEPT.test(part));
    if (normalised === '') table[code] = NOTHING;
    else if (kept.every(Boolean)) {
      table[code] = normalised === character ? SAME : OTHER;
      others[code] = normalised;
    } else if (normalised.length === 1) table[code] = SPACE;
  }
  return table;
}

/**
 * The words of a text made only of the characters above, read in one pass with a table of what
 * each becomes (about three times as fast as normalising the whole text and then finding its
 * runs); null for any other text. A run of characters that stay as they are is sliced at once.
 */
function latinWords(text: string): string[] | null {
  kinds ??= latinKinds();
  const words: string[] = [];
  let word = '';
  let from = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    const kind = code < FAST_END ? kinds[code] : UNKNOWN;
    if (kind === SAME) continue;
    if (kind === UNKNOWN) return null;
    if (at > from) word += text.slice(from, at);
    from = at + 1;
    if (kind === SPACE) {
      if (word !== '') words.push(word);
      word = '';
    } else if (kind === OTHER) word += others[code];
  }
  if (text.length > from) word += text.slice(from);
  if (word !== '') words.push(word);
  return words;
}

/** The words of a query, normalised; an empty query has none and matches everything. */
export function queryWords(query: string): string[] {
  return searchWords(query);
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
