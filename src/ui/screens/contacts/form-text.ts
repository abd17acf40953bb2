// How the contact and lieu forms turn typed text into record fields.

/** A trimmed text, or null when nothing was typed (a cleared field is stored as cleared). */
export function textOrNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/** "fablab, rural , " → ["fablab", "rural"]. */
export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}
