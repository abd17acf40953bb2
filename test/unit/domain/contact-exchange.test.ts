import { describe, expect, test } from 'vitest';
import type { Contact } from '../../../src/domain/contact';
import { contactsReader, contactsToVCard, duplicateKeys, type ImportLine } from '../../../src/domain/contact-exchange';
import { csvReader } from '../../../src/domain/csv-reader';
import { localDay } from '../../../src/domain/days';
import { CONTROL_TEXT, controlsIn } from '../../helpers/control-characters';
import { contactLines, csvContactLines, vCardContactLines } from '../../helpers/imports';

/** Every row of a CSV, or the line a quote never closed opens on. */
function parseCsv(text: string): string[][] | { unclosedQuoteLine: number } {
  const reader = csvReader(text);
  const rows: string[][] = [];
  while (!reader.done()) rows.push(...reader.read(100));
  const open = reader.unclosedQuoteLine();
  return open === null ? rows : { unclosedQuoteLine: open };
}

/** A picked file read a step at a time, as the screen reads it: its lines, and how far it was after each step. */
function readInSteps(text: string, fileName: string, rows: number): { lines: ImportLine[]; shares: number[] } {
  const reader = contactsReader(new TextEncoder().encode(text), fileName, localDay());
  const shares: number[] = [];
  let lines: ImportLine[] | null = null;
  while (lines === null) {
    lines = reader.step(rows);
    shares.push(reader.progress());
  }
  return { lines, shares };
}

/** A stored person as the export reads it. */
const contact = (fields: Partial<Contact> & { name: string }): Contact => ({
  id: 'c1',
  networkId: 'local',
  createdAt: '',
  updatedAt: '',
  updatedBy: '',
  deleted: false,
  organisationIds: [],
  tags: [],
  ...fields,
});

describe('CSV of contacts', () => {
  test('reads quoted cells with separators, doubled quotes and line breaks, semicolons or commas', () => {
    expect(parseCsv('a;b\n"x;y";"il a dit ""oui"""\n"deux\nlignes";z')).toEqual([
      ['a', 'b'],
      ['x;y', 'il a dit "oui"'],
      ['deux\nlignes', 'z'],
    ]);
    expect(parseCsv('\uFEFFa,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  test('tells the separator by the header outside its quotes: commas inside a quoted header are no separators', () => {
    expect(
      parseCsv('"Nom, prénom";"Adresse (n°, rue, ville)";Téléphone\n"Durand, Hélène";"3, rue Haute, Redon";06\n'),
    ).toEqual([
      ['Nom, prénom', 'Adresse (n°, rue, ville)', 'Téléphone'],
      ['Durand, Hélène', '3, rue Haute, Redon', '06'],
    ]);
    expect(parseCsv('"Notes; remarques",Nom\nx,Ana\n')).toEqual([
      ['Notes; remarques', 'Nom'],
      ['x', 'Ana'],
    ]);
  });

  test('refuses a file whose quote is never closed, naming the line it opens on, instead of dropping rows', () => {
    // Without the refusal, line 3 onwards became one cell of line 3 and two people vanished.
    const text = 'Nom;Notes\r\nAna Diaz;ok\r\nBen Roy;"vient lundi\r\nCléo Faure;x\r\nDan Lee;y\r\n';
    expect(parseCsv(text)).toEqual({ unclosedQuoteLine: 3 });
    expect(csvContactLines(text)).toEqual([{ line: 3, problem: { kind: 'unclosedQuote' } }]);
    // A closed quote spanning lines still counts its lines: the open one is on line 4.
    expect(parseCsv('a;b\n"deux\nlignes";z\n"ouvert;w\n')).toEqual({ unclosedQuoteLine: 4 });
  });

  test('reads a CSV a few rows at a time as it reads it whole, quoted line breaks included', () => {
    const text = 'a;b\r\n"x;y";"deux\nlignes"\r\n\r\n3;4\n5;"six"';
    const reader = csvReader(text);
    const rows: string[][] = [];
    while (!reader.done()) rows.push(...reader.read(1));
    expect(rows).toEqual(parseCsv(text));
    expect(reader.progress()).toBe(1);
    const open = csvReader('a;b\n1;"ouvert\n2;3\n');
    while (!open.done()) open.read(1);
    expect(open.unclosedQuoteLine()).toBe(2);
  });

  test('reads a cell of megabytes a piece at a time, saying how far it is, and still judges its line', () => {
    // Built a character at a time, a cell of 40 MB held the page for 22 s in one task.
    const text = `Nom;Notes\nAnne;"${'Vue au forum; '.repeat(400_000)}"\nBob;\n`;
    const { lines, shares } = readInSteps(text, 'contacts.csv', 200);
    expect(shares.length).toBeGreaterThan(4);
    expect(shares[0]).toBeLessThan(0.25);
    expect(lines).toEqual([
      { line: 2, problem: { kind: 'invalid', issue: expect.objectContaining({ field: 'notes', type: 'max_length' }) } },
      { line: 3, contact: expect.objectContaining({ name: 'Bob' }) },
    ]);
  });

  test('reads a tab-separated file, as Excel saves "texte Unicode"', () => {
    expect(parseCsv('Nom\tCourriel\tStructure\nAna Diaz\tana@exemple.fr\t"Café, Redon"\n')).toEqual([
      ['Nom', 'Courriel', 'Structure'],
      ['Ana Diaz', 'ana@exemple.fr', 'Café, Redon'],
    ]);
  });

  test('reads a picked file by its bytes: Windows-1252 accents, and UTF-16 with tabs from Excel', () => {
    const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));
    // "Hélène" as Excel in French saves a CSV: é and è as the single bytes 0xE9 and 0xE8.
    const windows1252 = new Uint8Array([
      ...ascii('Nom;Courriel\r\nH'),
      0xe9,
      ...ascii('l'),
      0xe8,
      ...ascii('ne;helene@exemple.fr\r\n'),
    ]);
    const utf16 = [
      0xff,
      0xfe,
      ...[...'Nom\tCourriel\r\nÉlodie\telodie@exemple.fr\r\n'].flatMap((char) => [char.charCodeAt(0), 0]),
    ];
    const names = (bytes: Uint8Array) =>
      contactLines(bytes, 'contacts.csv').map((line) => ('contact' in line ? line.contact.name : line.problem));
    expect(names(windows1252)).toEqual(['Hélène']);
    expect(names(new Uint8Array(utf16))).toEqual(['Élodie']);
  });

  test('says a workbook or a binary file is no CSV, instead of a header naming no column', () => {
    // The first bytes of an .xlsx (a zip archive), of an old .xls, and of a PNG image.
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00, 0x00]);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(contactLines(xlsx, 'contacts.xlsx')).toEqual([{ line: 1, problem: { kind: 'spreadsheet' } }]);
    expect(contactLines(xls, 'contacts.csv')).toEqual([{ line: 1, problem: { kind: 'spreadsheet' } }]);
    expect(contactLines(png, 'contacts.csv')).toEqual([{ line: 1, problem: { kind: 'binary' } }]);
  });

  test('says an empty or blank file is empty, CSV or vCard, instead of asking its first line for column names', () => {
    const files: [string, string][] = [
      ['', 'contacts.csv'],
      [' \r\n\t\n  ', 'contacts.csv'],
      ['\uFEFF\n', 'export.csv'],
      ['', 'contacts.vcf'],
      ['\r\n\r\n', 'contacts.vcf'],
    ];
    for (const [text, name] of files)
      expect(contactLines(new TextEncoder().encode(text), name)).toEqual([{ line: 1, problem: { kind: 'empty' } }]);
  });

  test('says a .vcf that holds no card is no vCard, instead of importing nobody without a word', () => {
    expect(contactLines(new TextEncoder().encode('nom;email\nAnne;anne@exemple.fr\n'), 'contacts.vcf')).toEqual([
      { line: 1, problem: { kind: 'noCard' } },
    ]);
  });

  test('reads every column that names one field: the first filled is the field, another value goes to the notes, lists are joined', () => {
    const text =
      'Nom;Téléphone;Mobile;Étiquettes;Tags;Notes;Email;Email\n' +
      'Anne;02 99 00 00 00;06 12 34 56 78;réseau;fablab;Vue au forum;anne@exemple.fr;anne@exemple.fr\n' +
      'Bob;;06 98 76 54 32;;;;;bob@exemple.fr\n';
    const reader = contactsReader(new TextEncoder().encode(text), 'contacts.csv', localDay());
    let lines: ImportLine[] | null = null;
    while (lines === null) lines = reader.step(1);
    expect(reader.duplicateColumns()).toEqual([
      {
        field: 'phone',
        columns: [
          { header: 'Téléphone', column: 2 },
          { header: 'Mobile', column: 3 },
        ],
      },
      {
        field: 'tags',
        columns: [
          { header: 'Étiquettes', column: 4 },
          { header: 'Tags', column: 5 },
        ],
      },
      {
        field: 'email',
        columns: [
          { header: 'Email', column: 7 },
          { header: 'Email', column: 8 },
        ],
      },
    ]);
    expect(lines).toMatchObject([
      {
        line: 2,
        contact: {
          phone: '02 99 00 00 00',
          email: 'anne@exemple.fr',
          tags: ['réseau', 'fablab'],
          notes: 'Vue au forum\nMobile\u00a0: 06 12 34 56 78',
        },
      },
      { line: 3, contact: { phone: '06 98 76 54 32', email: 'bob@exemple.fr', notes: null } },
    ]);
  });

  test('maps French or English headers, accents ignored, and rejects a bad line with its reason', () => {
    const lines = csvContactLines(
      'Nom;Fonction;Téléphone;Courriel;Structure;Étiquettes\n' +
        'Hélène Durand;Maire adjointe;06 12 34 56 78;helene@exemple.fr;Mairie de Redon;élus, rural\n' +
        ';Sans nom;;;;\n' +
        'Camille Martin;;;pas-un-email;;\n' +
        '\n' +
        'Sam;;;;;\n',
    );
    expect(lines).toEqual([
      {
        line: 2,
        contact: {
          name: 'Hélène Durand',
          role: 'Maire adjointe',
          phone: '06 12 34 56 78',
          email: 'helene@exemple.fr',
          tags: ['élus', 'rural'],
          notes: null,
          consentNote: null,
          consentDate: null,
          organisationNames: ['Mairie de Redon'],
        },
      },
      { line: 3, problem: { kind: 'noName' } },
      { line: 4, problem: { kind: 'invalid', issue: expect.objectContaining({ field: 'email', type: 'email' }) } },
      { line: 6, contact: expect.objectContaining({ name: 'Sam' }) },
    ]);
  });

  test('without a name column, says so instead of importing nothing silently', () => {
    expect(csvContactLines('a,b\n1,2')).toEqual([{ line: 1, problem: { kind: 'noHeader' } }]);
  });

  test('a header of more columns than any list of people is refused, not named column by column', () => {
    const wide = `nom,${Array.from({ length: 1000 }, (_, column) => `c${column}`).join(',')}\nSam`;
    expect(csvContactLines(wide)).toEqual([{ line: 1, problem: { kind: 'tooManyColumns' } }]);
    expect(csvContactLines(`nom,${Array.from({ length: 998 }, (_, column) => `c${column}`).join(',')}\nSam`)).toEqual([
      { line: 2, contact: expect.objectContaining({ name: 'Sam' }) },
    ]);
  });
});

describe('vCard', () => {
  test('reads several cards, folded lines, escaped characters and a structured name when FN is missing', () => {
    const lines = vCardContactLines(
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'FN:Hélène Durand',
        'TITLE:Maire adjointe',
        'ORG:Mairie de Redon;Services',
        'TEL;TYPE=CELL:+33 6 12 34 56 78',
        'EMAIL;TYPE=INTERNET:helene@exemple.fr',
        'NOTE:Première ligne\\nseconde\\, avec virgule et une ligne pl',
        ' iée',
        'END:VCARD',
        'BEGIN:VCARD',
        'N:Martin;Camille;;;',
        'END:VCARD',
      ].join('\r\n'),
    );
    expect(lines).toEqual([
      {
        line: 1,
        contact: expect.objectContaining({
          name: 'Hélène Durand',
          role: 'Maire adjointe',
          phone: '+33 6 12 34 56 78',
          email: 'helene@exemple.fr',
          organisationNames: ['Mairie de Redon'],
          notes: 'Première ligne\nseconde, avec virgule et une ligne pliée',
        }),
      },
      { line: 11, contact: expect.objectContaining({ name: 'Camille Martin' }) },
    ]);
  });

  test('a file cut inside its last card says so for that card, instead of dropping the person', () => {
    const lines = vCardContactLines(
      ['BEGIN:VCARD', 'FN:Camille Martin', 'END:VCARD', 'BEGIN:VCARD', 'FN:Hélène Dur'].join('\r\n'),
    );
    expect(lines).toEqual([
      { line: 1, contact: expect.objectContaining({ name: 'Camille Martin' }) },
      { line: 4, problem: { kind: 'unfinishedCard' } },
    ]);
  });

  test('a card listing hundreds of thousands of tags is refused alone; the others are read', () => {
    // 600 KB on one line: spread into the tags as arguments, it overflowed the stack and the
    // whole file was refused, « n’a pas pu être lu ».
    const tags = Array.from({ length: 300_000 }, () => 'a').join(',');
    const lines = vCardContactLines(
      ['BEGIN:VCARD', 'FN:Marie', `CATEGORIES:${tags}`, 'END:VCARD', 'BEGIN:VCARD', 'FN:Sam', 'END:VCARD'].join('\r\n'),
    );
    expect(lines).toEqual([
      { line: 1, problem: { kind: 'invalid', issue: expect.objectContaining({ field: 'tags', type: 'max_length' }) } },
      { line: 5, contact: expect.objectContaining({ name: 'Sam' }) },
    ]);
  });

  test('reads a long file a few cards at a time, saying how far it is, and finds every card', () => {
    // A phone's export: each card with a photo folded over many lines.
    const photo = Array.from({ length: 40 }, () => ' QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=').join('\r\n');
    const card = (index: number) =>
      ['BEGIN:VCARD', `FN:Personne ${index}`, `PHOTO;ENCODING=b;TYPE=JPEG:${photo}`, 'END:VCARD'].join('\r\n');
    const text = Array.from({ length: 300 }, (_, index) => card(index)).join('\r\n');
    const { lines, shares } = readInSteps(text, 'contacts.vcf', 20);
    expect(shares.length).toBeGreaterThan(10);
    expect(shares[0]).toBeGreaterThan(0);
    expect(shares[0]).toBeLessThan(0.1);
    expect(shares.at(-1)).toBe(1);
    expect(lines.map((line) => ('contact' in line ? line.contact.name : line.problem.kind))).toEqual(
      Array.from({ length: 300 }, (_, index) => `Personne ${index}`),
    );
    expect(lines[1]?.line).toBe(44);
  });

  test('an empty ORG, as phones write for a person of no company, names no lieu', () => {
    const lines = vCardContactLines(
      ['BEGIN:VCARD', 'FN:Camille Martin', 'ORG:', 'ORG:;Service', 'END:VCARD'].join('\r\n'),
    );
    expect(lines).toEqual([{ line: 1, contact: expect.objectContaining({ organisationNames: [] }) }]);
  });

  test('folds long lines at 75 octets, never inside a character, and reads them back whole', () => {
    const notes = `${'Réunion du réseau, compte rendu ; '.repeat(500)}\nFin 🎉`;
    const person = contact({ name: 'Hélène Durand-Dupont de la Grange des Possibles et du Tiers-Lieu Partagé', notes });
    const text = contactsToVCard([person], () => undefined);
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(text).not.toContain('\uFFFD');
    expect(vCardContactLines(text)).toEqual([
      { line: 1, contact: expect.objectContaining({ name: person.name, notes }) },
    ]);
  });

  test('writes what it reads back: names, role, lieu, phone, email, tags, notes with escapes', () => {
    const text = contactsToVCard(
      [
        contact({
          name: 'Hélène Durand',
          role: 'Maire adjointe, élue',
          organisationIds: ['o1'],
          phone: '06 12 34 56 78',
          email: 'helene@exemple.fr',
          tags: ['élus', 'rural'],
          notes: 'Deux\nlignes; et plus',
        }),
      ],
      (id) => (id === 'o1' ? 'Mairie de Redon' : undefined),
    );
    expect(text).toContain('N:Durand;Hélène;;;\r\n');
    expect(text).toContain('TITLE:Maire adjointe\\, élue\r\n');
    expect(text).toContain('NOTE:Deux\\nlignes\\; et plus\r\n');
    expect(vCardContactLines(text)).toEqual([
      {
        line: 1,
        contact: {
          name: 'Hélène Durand',
          role: 'Maire adjointe, élue',
          phone: '06 12 34 56 78',
          email: 'helene@exemple.fr',
          tags: ['élus', 'rural'],
          notes: 'Deux\nlignes; et plus',
          consentNote: null,
          consentDate: null,
          organisationNames: ['Mairie de Redon'],
        },
      },
    ]);
  });
});

describe('duplicates', () => {
  test('are the same email in any case, or the same phone whatever its spacing or +33', () => {
    expect(duplicateKeys({ email: ' Helene@Exemple.fr ', phone: '+33 6 12 34 56 78' })).toEqual([
      'email:helene@exemple.fr',
      'phone:0612345678',
    ]);
    expect(duplicateKeys({ phone: '06.12.34.56.78' })).toEqual(['phone:0612345678']);
    expect(duplicateKeys({ phone: '12' })).toEqual([]);
  });
});

describe('a vCard of a contact whose fields hold line breaks', () => {
  test('a bare CR, a LF or a CRLF in a name, role, phone or email never starts a line of its own', () => {
    const text = contactsToVCard(
      [
        contact({
          name: 'Hélène\rEMAIL:piege@ailleurs.fr\rTEL:0900000000',
          role: 'Élue\nEMAIL:a@b.fr',
          phone: '06 12\r\nURL:javascript:alert(1)',
          email: 'h@exemple.fr\rNOTE:x',
          tags: ['a\rb'],
          notes: 'Deux\r\nlignes\rtrois',
        }),
      ],
      () => undefined,
    );
    // Readers that end lines at CR or LF alone see exactly the lines written.
    const lines = text.split(/\r\n|\r|\n/).filter(Boolean);
    expect(lines.map((line) => line.split(/[:;]/)[0])).toEqual([
      'BEGIN',
      'VERSION',
      'FN',
      'N',
      'TITLE',
      'TEL',
      'EMAIL',
      'CATEGORIES',
      'NOTE',
      'END',
    ]);
    expect(text).toContain('FN:Hélène\\nEMAIL:piege@ailleurs.fr\\nTEL:0900000000\r\n');
    expect(text).toContain('NOTE:Deux\\nlignes\\ntrois\r\n');
  });
});

describe('contacts from a hostile or confused spreadsheet', () => {
  const contactOf = (line: ImportLine | undefined) => (line && 'contact' in line ? line.contact : line);

  test('reads back Valise’s own CSV export: its lieux, consent and consent date (dd/mm/yyyy)', () => {
    const lines = csvContactLines(
      'Nom;Rôle;Organisations;Téléphone;Courriel;Étiquettes;Consentement;Date du consentement;Notes\r\n' +
        "Ana Diaz;Gérante;La Forge, Le Café;'+33 6 12 34 56 78;ana@exemple.fr;élus;oral;03/02/2026;'- relancer\r\n" +
        'Ben Roy;;;;;;;31/02/2026;\r\n',
    );
    expect(contactOf(lines[0])).toMatchObject({
      name: 'Ana Diaz',
      organisationNames: ['La Forge', 'Le Café'],
      phone: '+33 6 12 34 56 78',
      consentDate: '2026-02-03',
      notes: '- relancer',
    });
    expect(lines[1]).toMatchObject({ line: 3, problem: { kind: 'invalid', issue: { field: 'consentDate' } } });
  });

  test('refuses a line consented after today (a slip: 2062 for 2026), as the person form does, and keeps the others', () => {
    const lines = csvContactLines(
      'Nom;Date du consentement\nAna Diaz;07/12/2026\nBen Roy;08/12/2026\nCléo Marin;\n',
      '2026-12-07',
    );
    expect(lines.map(contactOf)).toMatchObject([
      { name: 'Ana Diaz', consentDate: '2026-12-07' },
      { line: 3, problem: { kind: 'consentAhead' } },
      { name: 'Cléo Marin', consentDate: null },
    ]);
  });

  test('joins a first name and a last name column, in French or English', () => {
    const french = csvContactLines('Prénom;Nom;Téléphone\nAna;Diaz;612345678\n');
    expect(contactOf(french[0])).toMatchObject({ name: 'Ana Diaz', phone: '06 12 34 56 78' });
    const english = csvContactLines('First Name,Last Name,E-mail Address\nBen,Roy,ben@example.com\n');
    expect(contactOf(english[0])).toMatchObject({ name: 'Ben Roy', email: 'ben@example.com' });
  });

  test('refuses a line with more filled cells than the header, and skips a repeated header', () => {
    const lines = csvContactLines('Nom;Notes\nAna;vient lundi; mardi\n\uFEFFNom;Notes\nBen;ok;;\n');
    expect(lines).toEqual([
      { line: 2, problem: { kind: 'extraCells', cells: 3, columns: 2 } },
      expect.objectContaining({ line: 4, contact: expect.objectContaining({ name: 'Ben', notes: 'ok' }) }),
    ]);
  });

  test('stores a cell or a vCard value of two lines as the one-line form shows it; a list keeps one item a line; the notes keep their lines', () => {
    const csv = csvContactLines(
      'Nom;Rôle;Étiquettes;Structure;Notes\n"Marie\r\n Dupont";"Gérante\tdu café";"élus\nbénévoles";"La Fabrique\r\nLe Hangar";"a\nb"\n',
    );
    expect(contactOf(csv[0])).toMatchObject({
      name: 'Marie Dupont',
      role: 'Gérante du café',
      tags: ['élus', 'bénévoles'],
      organisationNames: ['La Fabrique', 'Le Hangar'],
      notes: 'a\nb',
    });
    const card = vCardContactLines('BEGIN:VCARD\r\nFN:Marie\\nDupont\r\nORG:La\\nForge\r\nNOTE:a\\nb\r\nEND:VCARD\r\n');
    expect(contactOf(card[0])).toMatchObject({ name: 'Marie Dupont', organisationNames: ['La Forge'], notes: 'a\nb' });
  });

  test('refuses a file too large to read on a phone', () => {
    expect(contactLines(new Uint8Array(51 * 1024 * 1024), 'contacts.csv')).toEqual([
      { line: 1, problem: { kind: 'tooLarge' } },
    ]);
  });
});

describe('a vCard of a contact whose fields hold control characters', () => {
  test('leaves them out of every field, the lieu’s name included', () => {
    const person = contact({
      name: `Anne${CONTROL_TEXT} Martin`,
      role: 'Coordinatrice\u0000',
      phone: '06\u001b12',
      email: 'anne\u007f@exemple.fr',
      tags: ['réseau\u0007'],
      notes: 'Rappeler\u000c lundi',
      organisationIds: ['o1'],
    });
    const text = contactsToVCard([person], () => 'La\u0000 Forge');
    expect(controlsIn(text)).toEqual([]);
    expect(text).toContain('NOTE:Rappeler lundi');
    expect(text).toContain('ORG:La Forge');
  });
});
