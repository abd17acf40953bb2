// Text from records shown inside the app's own sentences, or beside other records' text on one
// line. Each piece goes between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: its direction
// (an Arabic or Hebrew name, or a RIGHT-TO-LEFT OVERRIDE left open by whoever typed it) stays
// inside (Unicode bidi rules X5c, X6a) and never reorders the digits, dates and words around it.
// The text itself is kept as typed: a right-to-left writer may need its controls.

/** `text` isolated from what surrounds it. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** The pieces given (empty ones left out), each isolated, joined by `separator`. */
export function joinIsolated(pieces: readonly (string | null | undefined)[], separator: string): string {
  return pieces
    .filter((piece): piece is string => Boolean(piece))
    .map(isolate)
    .join(separator);
}
