// CSV as French spreadsheets open it without an import wizard: UTF-8 with a BOM (or Excel
// guesses Windows-1252), `;` between cells (the comma is the decimal separator), CRLF lines,
// decimal commas, and text that looks like a formula neutralised (CSV injection).

export const CSV_BOM = '\uFEFF';
const CSV_SEPARATOR = ';';

/** A cell: text (guarded), a number (decimal comma, never guarded), or empty. */
export type CsvCell = string | number | null | undefined;

// A leading tab or carriage return also starts a formula in some spreadsheets.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('.', ',') : '';
  // A formula-looking text is shown as typed, prefixed with an apostrophe, never evaluated.
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(CSV_SEPARATOR));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
