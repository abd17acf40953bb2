// Reads CSV as spreadsheets write it, a few rows at a time, so a file of 50,000 lines can be
// read between paints (the page shows how far it is and answers meanwhile).

interface CsvReader {
  /**
   * Reads up to `count` more rows, and at most about a million characters: a row holding a
   * cell of tens of megabytes is read over several calls. None once the text is read.
   */
  read(count: number): string[][];
  /** Whether the whole text is read. */
  done(): boolean;
  /** How much of the text is read, from 0 to 1. */
  progress(): number;
  /** Once the text is read: the line a quote left open opens on, else null. */
  unclosedQuoteLine(): number | null;
}

/** Characters one call of `read` goes through at most (past the end of the piece it is in). */
const CHARACTERS_PER_READ = 1 << 20;

/**
 * Quoted cells may hold separators, quotes ("") and line breaks. The separator is the one the
 * first line holds most of outside quotes: a comma, a semicolon (French spreadsheets) or a tab
 * (Excel's "texte Unicode", UTF-16 with tabs). A quote never closed would swallow the rest of
 * the file into one cell, silently dropping rows: the reader says so instead, with the line it
 * opens on. Text between the characters that matter is taken in pieces, not a character at a
 * time: a cell of 40 MB, built character by character, took 22 s of one task.
 */
export function csvReader(text: string): CsvReader {
  const source = text.replace(/^\uFEFF/, '');
  // Quoted header cells may hold a separator ("Nom, prénom" in a file of semicolons): only
  // those outside quotes tell which one the file uses.
  const firstLine = (source.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const count = (char: string) => firstLine.split(char).length - 1;
  const separator = [';', '\t'].reduce((best, char) => (count(char) > count(best) ? char : best), ',');
  // What ends a piece of an unquoted cell (the separator is one of , ; or tab: plain in a class).
  const special = new RegExp(`[\r\n"${separator}]`, 'g');
  let index = 0;
  let line = 1;
  let quoteLine = 0;
  let openAtEnd = false;
  // A row may be read over several calls.
  let row: string[] = [];
  let cell = '';
  let quoted = false;

  /** Line breaks ("\n", "\r\n" or a lone "\r") in `source` from `start` to `end`. */
  const breaksIn = (start: number, end: number) => {
    let breaks = 0;
    for (let at = start; at < end; at++) {
      const code = source.charCodeAt(at);
      if (code === 10 || (code === 13 && source.charCodeAt(at + 1) !== 10)) breaks++;
    }
    return breaks;
  };
  // Where the next quote, and the next character that ends a piece of an unquoted cell, are
  // (-1: not looked for yet): a cell of megabytes read over many calls is searched once.
  let nextQuote = -1;
  let nextSpecial = -1;
  const after = (found: number) => (found < 0 ? source.length : found);

  const read = (wanted: number): string[][] => {
    const rows: string[][] = [];
    const stop = index + CHARACTERS_PER_READ;
    while (index < source.length && rows.length < wanted && index < stop) {
      if (quoted) {
        if (nextQuote < index) nextQuote = after(source.indexOf('"', index));
        const close = nextQuote;
        const end = Math.min(close, stop);
        line += breaksIn(index, end);
        cell += source.slice(index, end);
        index = end;
        // Cut by the characters a call reads, or open to the end of the text.
        if (end !== close || close === source.length) continue;
        if (source[close + 1] === '"') {
          cell += '"';
          index = close + 2;
        } else {
          quoted = false;
          index = close + 1;
        }
        continue;
      }
      if (nextSpecial < index) {
        special.lastIndex = index;
        nextSpecial = after(special.exec(source)?.index ?? -1);
      }
      const next = nextSpecial;
      if (next > index) {
        cell += source.slice(index, Math.min(next, stop));
        index = Math.min(next, stop);
        continue;
      }
      const char = source[index];
      index++;
      if (char === '"' && cell === '') {
        quoted = true;
        quoteLine = line;
      } else if (char === '"') cell += char;
      else if (char === separator) {
        row.push(cell);
        cell = '';
      } else {
        // A line break is "\n", "\r\n" or a lone "\r".
        if (char === '\r' && source[index] === '\n') index++;
        line++;
        row.push(cell);
        rows.push(row);
        row = [];
        cell = '';
      }
    }
    if (index >= source.length && !openAtEnd) {
      if (quoted) openAtEnd = true;
      else if (cell !== '' || row.length > 0) {
        row.push(cell);
        rows.push(row);
        row = [];
        cell = '';
      }
    }
    return rows;
  };
  return {
    read,
    done: () => index >= source.length,
    progress: () => (source.length === 0 ? 1 : index / source.length),
    unclosedQuoteLine: () => (openAtEnd ? quoteLine : null),
  };
}
