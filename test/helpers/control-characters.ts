// What an export must never carry: the C0 control characters but tab, line feed and carriage
// return, and DEL (a terminal's escape sequences, a NUL that ends a C string, a form feed pasted
// from a PDF). Found code point by code point, so the test does not share the code's pattern.

/** Text holding each of them once, between words. */
export const CONTROL_TEXT = Array.from({ length: 32 }, (_, code) => code)
  .filter((code) => code !== 0x09 && code !== 0x0a && code !== 0x0d)
  .concat(0x7f)
  .map((code) => String.fromCharCode(code))
  .join('x');

/** The control characters left in `text`, as U+XXXX. */
export function controlsIn(text: string): string[] {
  const found: string[] = [];
  for (const char of text) {
    const code = char.charCodeAt(0);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f)
      found.push(`U+${code.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return found;
}
