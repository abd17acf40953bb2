// CSV as French spreadsheets open it without an import wizard: UTF-8 with a BOM (or Excel
// guesses Windows-1252), `;` between cells (the comma is the decimal separator), CRLF lines,
// decimal commas, and text that looks like a formula neutralised (CSV injection).
import { withoutControlCharacters } from './control-characters';

export const CSV_BOM = '\uFEFF';
const CSV_SEPARATOR = ';';

/** A cell: text (guarded), a number (decimal comma, never guarded), or empty. */
export type CsvCell = string | number | null | undefined;

// Text a spreadsheet would run as a formula (CSV injection, OWASP's list): Excel runs a cell
// that starts with =, +, - or @, LibreOffice one that starts with = (checked with LibreOffice
// 7.4). Also guarded: the sign behind spaces (a reader that trims cells would see it), in its
// full-width form (＝ ＋ － ＠, which East Asian input methods type and Excel may read as ASCII),
// and a cell starting with a tab, CR or LF. U+0085 (NEL) counts as a space: Python's strip()
// takes it off, though JavaScript's \s does not know it.
const FORMULA_START = /^(?:[\t\r\n]|[\s\u0085]*[=+\-@＝＋－＠])/;
// A dash or plus alone (a note "-") holds no formula, and spreadsheets show it as typed.
const SIGNS_ONLY = /^[ +-]+$/;
// Digits with a leading zero (a postcode "01400", a phone "0612345678") become a number: the
// spreadsheet shows 1400.
const LEADING_ZERO_DIGITS = /^0\d+$/;

/** Whether a spreadsheet would run this text or change it: then it is written behind an apostrophe. */
function spreadsheetWouldChange(text: string): boolean {
  return (FORMULA_START.test(text) && !SIGNS_ONLY.test(text)) || LEADING_ZERO_DIGITS.test(text);
}

/** A cell of this export read back (imported again): without the apostrophe the guard put before it. */
export function withoutGuard(cell: string): string {
  return cell.startsWith("'") && spreadsheetWouldChange(cell.slice(1)) ? cell.slice(1) : cell;
}

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('.', ',') : '';
  const typed = withoutControlCharacters(value);
  // Written as typed behind an apostrophe (LibreOffice shows it): read as text, never evaluated.
  const text = spreadsheetWouldChange(typed) ? `'${typed}` : typed;
  return /[";\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(CSV_SEPARATOR));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
