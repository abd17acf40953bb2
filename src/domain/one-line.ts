// Text meant for one line (a name, a phone, a tag, a table cell) that arrived with line breaks:
// a cell of a CSV, a vCard's escaped \n, a name pasted from two lines. The same rule wherever
// such text is cleaned or shown, so a form shows what is stored.

/** The line breaks and tabs a one-line text may arrive with. */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/;
/** What separates the items of a list typed in one cell: a comma, a semicolon, a bar, or a break. */
const LIST_SEPARATORS = new RegExp(`[,;|]|${BREAKS.source}`);

/**
 * The lines of a text joined by one space, the spaces around each break dropped. Split rather
 * than matched with those spaces: a pattern that starts with a run of spaces tries it again from
 * each of them, slow on a text of thousands of spaces.
 */
export function oneLine(text: string): string {
  if (!BREAKS.test(text)) return text;
  return text
    .split(BREAKS)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' ');
}

/**
 * The items of a list typed in one cell (tags, lieu names): a cell written one item a line
 * (Alt+Entrée in a spreadsheet) is as many items as a cell of commas, never one item joined.
 */
export function listItems(text: string): string[] {
  return text
    .split(LIST_SEPARATORS)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
