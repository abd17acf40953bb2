// A person's or a device's name, shown on every device of the network and printed by the CLI,
// cleaned the same way whichever way it arrives: through the wire (a join, a rename) or from a
// backup file (the author name that signs the device's changes).
import { oneLine } from './one-line';

/** What a name loses: control characters (line breaks and tabs become spaces), bidi overrides, lone surrogates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters a name loses.
const NOT_IN_A_NAME = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u202a-\u202e\u2066-\u2069]|\p{Cs}/gu;
/**
 * A character that draws something: not a space, a format character (zero-width…), a mark alone,
 * nor a letter drawn blank (the Hangul fillers, the blank Braille pattern).
 */
const VISIBLE = /[^\p{Cf}\p{Z}\p{M}\s\u115f\u1160\u2800\u3164\uffa0]/u;

/**
 * The name on one line: a line break or tab (a name pasted from two lines, "Marie⏎Dupont")
 * becomes one space, so the words stay apart; other control characters (a terminal's escape
 * sequences), unpaired surrogates and the bidirectional overrides that draw a name backwards are
 * taken out; a name that shows nothing (zero-width characters alone) becomes '', like an empty one.
 */
export function cleanName(name: string): string {
  // Taken out before the lines are joined, so none is left between a break and a space.
  const cleaned = oneLine(name.replace(NOT_IN_A_NAME, ''));
  return VISIBLE.test(cleaned) ? cleaned.trim() : '';
}
