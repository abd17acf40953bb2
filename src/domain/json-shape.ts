// Reads how deep and how large a JSON text is without building it. JSON.parse of 8 MB of
// `[[[…]]]` or of 2.8 million `{}` blocks the event loop for seconds and takes hundreds of MB;
// this walk takes milliseconds, so a body over a route's limits is refused before it is parsed.
// The app looks the same way at a JSON file a person picks (a lieux export, a backup): a deep
// one parses, but every recursive step after it (flattening, JSON.stringify, IndexedDB's copy)
// overflows the stack.

export interface JsonLimits {
  /** Nesting of arrays and objects. */
  maxDepth: number;
  /** Values of every kind (objects, arrays, strings, numbers…), keys not counted. */
  maxValues: number;
  /**
   * Keys of any one object: checking a map of 100,000 keys entry by entry takes seconds even
   * when the whole body is under `maxValues`.
   */
  maxKeys: number;
}

/**
 * Nesting no JSON file a person picks needs: a GoGoCarto export nests 5 levels, a Valise backup
 * 11 (a diagnostic's answers). A file 20,000 levels deep parses, then overflows the stack of
 * whatever walks it.
 */
export const MAX_FILE_DEPTH = 64;

/** Whether a picked JSON file nests deeper than `MAX_FILE_DEPTH` (checked before it is parsed). */
export function nestedTooDeep(text: string): boolean {
  const unbounded = Number.POSITIVE_INFINITY;
  return jsonOverLimits(text, { maxDepth: MAX_FILE_DEPTH, maxValues: unbounded, maxKeys: unbounded }) === 'depth';
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;
const COMMA = 0x2c;
const COLON = 0x3a;

/** Which limit the text goes over, or null. Malformed JSON is left to JSON.parse. */
export function jsonOverLimits(text: string, limits: JsonLimits): 'depth' | 'values' | 'keys' | null {
  let depth = 0;
  // Keys seen so far in each open object or array (arrays never count any), by depth.
  const keys: number[] = [];
  // A value starts at the first character after `[`, `,` or `:` (or the start) that is no
  // space: counting those starts counts values, and a key is told apart by the colon after it.
  let values = 0;
  let expectValue = true;
  let afterKey = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === 0x20 || char === 0x0a || char === 0x0d || char === 0x09) continue;
    if (char === QUOTE) {
      index = endOfString(text, index);
      if (expectValue && !afterKey && isKeyPosition(text, index)) {
        expectValue = false;
        const count = (keys[depth - 1] ?? 0) + 1;
        if (count > limits.maxKeys) return 'keys';
        keys[depth - 1] = count;
        continue;
      }
      if (expectValue) values++;
      expectValue = false;
      afterKey = false;
      continue;
    }
    if (char === COLON) {
      expectValue = true;
      afterKey = true;
      continue;
    }
    if (char === COMMA) {
      expectValue = true;
      afterKey = false;
      continue;
    }
    if (char === OPEN_ARRAY || char === OPEN_OBJECT) {
      values++;
      if (++depth > limits.maxDepth) return 'depth';
      keys[depth - 1] = 0;
      expectValue = true;
      afterKey = false;
    } else if (char === CLOSE_ARRAY || char === CLOSE_OBJECT) {
      depth--;
      expectValue = false;
    } else if (expectValue) {
      values++;
      expectValue = false;
      afterKey = false;
    }
    if (values > limits.maxValues) return 'values';
  }
  return null;
}

/**
 * Index of the closing quote of the string opened at `start` (or the end of the text): the
 * first quote after it not escaped, i.e. not after an odd run of backslashes. Found by indexOf,
 * not character by character: texts are most of a push's body (a 1.3 MB body of 1,000 visits
 * was walked in about 10 ms this way, 3–4 times less than one character at a time).
 */
export function endOfString(text: string, start: number): number {
  for (let quote = text.indexOf('"', start + 1); quote >= 0; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    for (let at = quote - 1; at > start && text.charCodeAt(at) === BACKSLASH; at--) backslashes++;
    if (backslashes % 2 === 0) return quote;
  }
  return text.length;
}

/** A string followed by a colon is an object's key, not a value. */
function isKeyPosition(text: string, end: number): boolean {
  for (let index = end + 1; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === 0x20 || char === 0x0a || char === 0x0d || char === 0x09) continue;
    return char === COLON;
  }
  return false;
}
