import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, toCsv } from '../../../src/domain/csv';

/** A reader as a spreadsheet reads the file: quoted cells may hold `;`, `""` and line breaks. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index];
    if (quoted) {
      if (char === '"' && body[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && body[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index += 1;
    } else cell += char;
  }
  return rows;
}

describe('CSV for French spreadsheets', () => {
  it('starts with a BOM, separates with semicolons and ends lines with CRLF', () => {
    const text = toCsv(['Nom', 'Commune'], [['La Forge', 'Saint-Malo']]);
    expect(text).toBe('\uFEFFNom;Commune\r\nLa Forge;Saint-Malo\r\n');
  });

  it('quotes a cell holding a semicolon, a quote or a line break', () => {
    expect(csvCell('Café ; bar')).toBe('"Café ; bar"');
    expect(csvCell('le « Lien » dit "oui"')).toBe('"le « Lien » dit ""oui"""');
    expect(csvCell('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"');
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","clic")')).toBe('"\'=HYPERLINK(""http://x"",""clic"")"');
    expect(csvCell('+33 6 12 34 56 78')).toBe("'+33 6 12 34 56 78");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SOMME(A1)')).toBe("'@SOMME(A1)");
  });

  it('writes numbers with a decimal comma, negative ones untouched', () => {
    expect(csvCell(-2.007)).toBe('-2,007');
    expect(csvCell(48.649)).toBe('48,649');
    expect(csvCell(null)).toBe('');
  });

  it('gives back every text as typed (formula-looking ones behind an apostrophe)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 4 }), { maxLength: 5 }),
        (rows) => {
          const width = Math.max(1, ...rows.map((row) => row.length));
          const padded = rows.map((row) => [...row, ...Array<string>(width - row.length).fill('')]);
          const header = Array.from({ length: width }, (_, index) => `c${index}`);
          const read = readCsv(toCsv(header, padded));
          const expected = padded.map((row) => row.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)));
          expect(read).toEqual([header, ...expected]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
