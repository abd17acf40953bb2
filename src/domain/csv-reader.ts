// Reads CSV as spreadsheets write it, a few rows at a time, so a file of 50,000 lines can be
// read between paints (the page shows how far it is and answers meanwhile).

export interface CsvReader {
  /** Reads up to `count` more rows; none once the text is read. */
  read(count: number): string[][];
  /** How much of the text is read, from 0 to 1. */
  progress(): number;
  /** Once the text is read: the line a quote left open opens on, else null. */
  unclosedQuoteLine(): number | null;
}

/**
 * Quoted cells may hold separators, quotes ("") and line breaks. The separator is the one the
 * first line holds most of outside quotes: a comma, a semicolon (French spreadsheets) or a tab
 * (Excel's "texte Unicode", UTF-16 with tabs). A quote never closed would swallow the rest of
 * the file into one cell, silently dropping rows: the reader says so instead, with the line it
 * opens on.
 */
export function csvReader(text: string): CsvReader {
  const source = text.replace(/^\uFEFF/, '');
  // Quoted header cells may hold a separator ("Nom, prénom" in a file of semicolons): only
  // those outside quotes tell which one the file uses.
  const firstLine = (source.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const count = (char: string) => firstLine.split(char).length - 1;
  const separator = [';', '\t'].reduce((best, char) => (count(char) > count(best) ? char : best), ',');
  let index = 0;
  let line = 1;
  let quoteLine = 0;
  let openAtEnd = false;

  const read = (wanted: number): string[][] => {
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = '';
    let quoted = false;
    for (; index < source.length && rows.length < wanted; index++) {
      const char = source[index];
      // A line break is "\n", "\r\n" or a lone "\r", inside quotes as well as outside.
      if (char === '\n' || (char === '\r' && source[index + 1] !== '\n')) line++;
      if (quoted) {
        if (char === '"' && source[index + 1] === '"') {
          cell += '"';
          index++;
        } else if (char === '"') quoted = false;
        else cell += char;
      } else if (char === '"' && cell === '') {
        quoted = true;
        quoteLine = line;
      } else if (char === separator) {
        row.push(cell);
        cell = '';
      } else if (char === '\n' || char === '\r') {
        if (char === '\r' && source[index + 1] === '\n') {
          index++;
          line++;
        }
        row.push(cell);
        rows.push(row);
        row = [];
        cell = '';
      } else cell += char;
    }
    if (index >= source.length) {
      if (quoted) openAtEnd = true;
      else if (cell !== '' || row.length > 0) {
        row.push(cell);
        rows.push(row);
      }
    }
    return rows;
  };
  return {
    read,
    progress: () => (source.length === 0 ? 1 : index / source.length),
    unclosedQuoteLine: () => (openAtEnd ? quoteLine : null),
  };
}
