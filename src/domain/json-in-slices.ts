// JSON read and written a piece at a time, awaiting a pause between pieces: JSON.parse and
// JSON.stringify of a 36 MB backup each held the page for seconds, and neither can be cut.
// A value whose text is short is still handed to JSON.parse whole (far faster than any walk
// in JS): only the large containers around such values are walked here.
import { endOfString, MAX_FILE_DEPTH, nestedTooDeep } from './json-shape';

/** Text length up to which a value is parsed at once: milliseconds of JSON.parse at most. */
const PARSED_WHOLE = 32_768;

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

const isSpace = (char: number) => char === 0x20 || char === 0x0a || char === 0x0d || char === 0x09;

type JsonRefusal = 'not_json' | 'too_deep';

class Refused extends Error {
  constructor(readonly problem: JsonRefusal) {
    super(problem);
  }
}

/**
 * JSON.parse of `text`, with `pause` awaited after each member of a large container (with the
 * share of the text read so far). Refused like `nestedTooDeep` then JSON.parse refuse it: too
 * deep (more than `MAX_FILE_DEPTH` levels) wherever the text is also malformed, else not JSON.
 */
export async function parseJsonInSlices(
  text: string,
  pause: (share: number) => Promise<void>,
): Promise<{ ok: true; value: unknown } | { ok: false; problem: JsonRefusal }> {
  let at = 0;
  const skipSpaces = () => {
    while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  };
  /** The next character that is no space, consumed. */
  const next = () => {
    skipSpaces();
    return text.charCodeAt(at++);
  };

  /** Whether the container just opened closes at once (consumed if so). */
  const closes = (bracket: number) => {
    skipSpaces();
    if (text.charCodeAt(at) !== bracket) return false;
    at++;
    return true;
  };

  /** The value at `at`, inside `depth` containers. */
  const value = async (depth: number): Promise<unknown> => {
    skipSpaces();
    const start = at;
    const end = shortValueEnd(text, start, depth);
    if (end !== null) {
      at = end;
      return JSON.parse(text.slice(start, end));
    }
    // A large container (its opening bracket is checked against the depth by shortValueEnd).
    if (next() === OPEN_ARRAY) {
      const array: unknown[] = [];
      if (closes(CLOSE_ARRAY)) return array;
      for (;;) {
        array.push(await value(depth + 1));
        await pause(at / text.length);
        const after = next();
        if (after === CLOSE_ARRAY) return array;
        if (after !== COMMA) throw new Refused('not_json');
      }
    }
    const object: Record<string, unknown> = {};
    if (closes(CLOSE_OBJECT)) return object;
    for (;;) {
      skipSpaces();
      if (text.charCodeAt(at) !== QUOTE) throw new Refused('not_json');
      const keyEnd = endOfString(text, at) + 1;
      const key = JSON.parse(text.slice(at, keyEnd)) as string;
      at = keyEnd;
      if (next() !== COLON) throw new Refused('not_json');
      // As JSON.parse defines it: a key "__proto__" is a key like any other, not the prototype.
      Object.defineProperty(object, key, {
        value: await value(depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      await pause(at / text.length);
      const after = next();
      if (after === CLOSE_OBJECT) return object;
      if (after !== COMMA) throw new Refused('not_json');
    }
  };

  try {
    const parsed = await value(0);
    skipSpaces();
    if (at < text.length) throw new Refused('not_json');
    return { ok: true, value: parsed };
  } catch (error) {
    if (!(error instanceof Refused || error instanceof SyntaxError)) throw error;
    // A malformed text is still too deep if it nests too deep anywhere, as before it was parsed.
    if (error instanceof Refused && error.problem === 'too_deep') return { ok: false, problem: 'too_deep' };
    return { ok: false, problem: nestedTooDeep(text) ? 'too_deep' : 'not_json' };
  }
}

/**
 * Where the value starting at `start` ends, if it is short enough to parse at once (texts and
 * numbers always are); null for a longer array or object. Throws when it nests too deep.
 */
function shortValueEnd(text: string, start: number, depth: number): number | null {
  const first = text.charCodeAt(start);
  if (first === QUOTE) return endOfString(text, start) + 1;
  if (first !== OPEN_ARRAY && first !== OPEN_OBJECT) {
    let end = start;
    while (end < text.length && !isSpace(text.charCodeAt(end)) && !isDelimiter(text.charCodeAt(end))) end++;
    return end;
  }
  let nesting = 0;
  for (let index = start; index < text.length && index - start <= PARSED_WHOLE; index++) {
    const char = text.charCodeAt(index);
    if (char === QUOTE) index = endOfString(text, index);
    else if (char === OPEN_ARRAY || char === OPEN_OBJECT) {
      if (depth + ++nesting > MAX_FILE_DEPTH) throw new Refused('too_deep');
    } else if ((char === CLOSE_ARRAY || char === CLOSE_OBJECT) && --nesting === 0) return index + 1;
  }
  // Never closed: JSON.parse refuses what is there.
  return text.length - start <= PARSED_WHOLE ? text.length : null;
}

const isDelimiter = (char: number) =>
  char === COMMA || char === CLOSE_ARRAY || char === CLOSE_OBJECT || char === OPEN_ARRAY || char === OPEN_OBJECT;

/** Containers this shallow are written member by member (a backup's records are at depth 3). */
const WRITTEN_WHOLE_FROM_DEPTH = 3;

/**
 * JSON.stringify of plain data (what JSON.parse gives, or a backup's body), as the pieces it is
 * the concatenation of, with `pause` awaited after each member of the shallowest containers:
 * never one string of the whole, whose writing or joining held the page for seconds at 36 MB.
 */
export async function jsonPieces(value: unknown, pause: () => Promise<void>): Promise<string[]> {
  const pieces: string[] = [];
  const write = async (part: unknown, depth: number): Promise<void> => {
    if (depth >= WRITTEN_WHOLE_FROM_DEPTH || part === null || typeof part !== 'object') {
      pieces.push(JSON.stringify(part));
      return;
    }
    // As JSON.stringify: a member without a value is null in an array, left out of an object.
    if (Array.isArray(part)) {
      pieces.push('[');
      for (let index = 0; index < part.length; index++) {
        if (index > 0) pieces.push(',');
        await write(part[index] ?? null, depth + 1);
        await pause();
      }
      pieces.push(']');
      return;
    }
    let separator = '{';
    for (const [key, item] of Object.entries(part)) {
      if (item === undefined) continue;
      pieces.push(`${separator}${JSON.stringify(key)}:`);
      separator = ',';
      await write(item, depth + 1);
      await pause();
    }
    pieces.push(separator === '{' ? '{}' : '}');
  };
  await write(value, 0);
  return pieces;
}
