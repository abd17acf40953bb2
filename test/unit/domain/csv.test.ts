import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, toCsv } from '../../../src/domain/csv';
import { CONTROL_TEXT, controlsIn } from '../../helpers/control-characters';

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

  it('neutralises a formula behind spaces, a tab, a line break or in full-width signs', () => {
    // A reader that trims spaces before reading a cell would see the sign; Excel in East Asian
    // locales reads full-width signs as ASCII ones; OWASP lists tab, CR and LF as starts.
    for (const text of [
      ' =1+1',
      '\u00A0=1+1',
      '\u3000+1+1',
      '\u0085=1+1',
      '\t=1+1',
      '\r=1+1',
      '\n=1+1',
      '＝1+1',
      '＋1+1',
      '－1+1',
      '＠SUM(A1)',
    ])
      expect(csvCell(text).replace(/^"|"$/g, ''), JSON.stringify(text)).toBe(`'${text}`);
  });

  it('keeps a note made of a dash alone as typed, but guards a note that starts with one', () => {
    expect(csvCell('-')).toBe('-');
    expect(csvCell('+')).toBe('+');
    expect(csvCell('- relancer')).toBe("'- relancer");
  });

  it('keeps the leading zero of a postcode or phone written as digits, which a spreadsheet would drop', () => {
    expect(csvCell('01400')).toBe("'01400");
    expect(csvCell('0612345678')).toBe("'0612345678");
    expect(csvCell('35600')).toBe('35600');
    expect(csvCell('0')).toBe('0');
    expect(csvCell('06 12 34 56 78')).toBe('06 12 34 56 78');
  });

  it('writes numbers with a decimal comma, negative ones untouched', () => {
    expect(csvCell(-2.007)).toBe('-2,007');
    expect(csvCell(48.649)).toBe('48,649');
    expect(csvCell(null)).toBe('');
  });

  it('gives back every text as typed, or behind an apostrophe where a spreadsheet would run or change it', () => {
    const formulaChars = fc.constantFrom(
      '=',
      '+',
      '-',
      '@',
      '＝',
      '＋',
      '－',
      '＠',
      ' ',
      '\t',
      '\r',
      '\n',
      '0',
      '1',
      'a',
    );
    const text = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.tuple(fc.string({ unit: formulaChars, maxLength: 3 }), fc.string({ unit: 'grapheme' })).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 1, maxLength: 4 }), { maxLength: 5 }), (rows) => {
        const width = Math.max(1, ...rows.map((row) => row.length));
        const padded = rows.map((row) => [...row, ...Array<string>(width - row.length).fill('')]);
        const header = Array.from({ length: width }, (_, index) => `c${index}`);
        const [readHeader, ...read] = readCsv(toCsv(header, padded));
        expect(readHeader).toEqual(header);
        padded.forEach((row, r) => {
          row.forEach((cell, c) => {
            const shown = read[r]?.[c];
            expect([cell, `'${cell}`]).toContain(shown);
            // Nothing a spreadsheet reads may start a formula, but a lone dash or plus.
            if (!/^[ +-]+$/.test(cell)) expect(shown).not.toMatch(/^(?:[\t\r\n]|\s*[=+\-@＝＋－＠])/);
          });
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('a CSV of text holding control characters', () => {
  it('leaves out the controls a person typed or pasted (NUL, escape, DEL…), keeps tabs and line breaks', () => {
    const text = toCsv(['Nom', 'Notes'], [[`La${CONTROL_TEXT}Forge`, 'Un\tdeux\r\ntrois\u001b[31m']]);
    expect(controlsIn(text)).toEqual([]);
    expect(readCsv(text)[1]).toEqual([`La${'x'.repeat(29)}Forge`, 'Un\tdeux\r\ntrois[31m']);
  });
});
