// The C0 control characters but tab, line feed and carriage return, and DEL: typed or pasted
// (a copy from a terminal or a PDF), they mean nothing to a reader and break the tools that read
// text (a NUL ends a C string, an escape sequence recolours a terminal, a vertical tab splits a
// spreadsheet's cell). The server takes them out of every text it syncs (src/server/push/plan.ts);
// the exports take them out of the text that has not been synced yet.

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it removes.
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the same characters, found without state.
export const HAS_CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The text without those characters (tab and line breaks kept). */
export function withoutControlCharacters(text: string): string {
  return HAS_CONTROL_CHARACTER.test(text) ? text.replace(CONTROL_CHARACTERS, '') : text;
}
