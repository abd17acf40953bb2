import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CommuneIndex, parseCommunes } from '../../../src/domain/communes';
import {
  decodeLieuFile,
  earlierColumnOfField,
  guessLieuMapping,
  type LieuSource,
  MAX_COLUMNS,
} from '../../../src/domain/lieu-import';
import { decodeText } from '../../../src/domain/text-file';
import { mapLieuTable, readLieuText } from '../../helpers/imports';
import { buildCommunesTable } from '../../tools/communes-data';

const FIXTURES = join(import.meta.dirname, '../../fixtures/lieux');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

function source(name: string): LieuSource {
  const read = readLieuText(decodeText(fixture(name)).text);
  if ('problem' in read) throw new Error(read.problem);
  return read;
}

let communes: CommuneIndex;
beforeAll(() => {
  communes = parseCommunes(buildCommunesTable());
}, 60_000);

describe('decoding an import file', () => {
  it('reads Windows-1252 as Excel writes it: "Société" from the byte 0xE9', () => {
    const bytes = fixture('recensement-windows-1252.csv');
    expect([...bytes]).toContain(0xe9);
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe('windows-1252');
    expect(text).toContain('Société Coopérative La Fabrique');
    expect(text).toContain("12 place de l'Église");
  });

  it('reads UTF-8 with and without its BOM alike', () => {
    const plain = new TextEncoder().encode('Nom\nSociété');
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    expect(decodeText(plain)).toEqual({ text: 'Nom\nSociété', encoding: 'utf-8' });
    expect(decodeText(withBom)).toEqual({ text: 'Nom\nSociété', encoding: 'utf-8-bom' });
  });

  it('reads UTF-16 with its BOM (Excel\u2019s "texte Unicode")', () => {
    const text = 'Nom\tCommune\nCafé\tRedon';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i);
    expect(decodeText(bytes)).toEqual({ text, encoding: 'utf-16le' });
  });
});

describe('lieux from a GoGoCarto export', () => {
  it('maps the JSON API export: nested address and position, categories as tags and typology', () => {
    const json = source('gogocarto.json');
    expect(json.format).toBe('gogocarto_json');
    const mapping = guessLieuMapping(json.headers);
    const target = (header: string) => mapping[json.headers.indexOf(header)];
    expect(target('name')).toBe('name');
    expect(target('address.postalCode')).toBe('postcode');
    expect(target('address.addressLocality')).toBe('commune');
    expect(target('geo.latitude')).toBe('latitude');
    expect(target('categories')).toBe('tags');
    expect(target('id')).toBe('ignore');

    const lines = mapLieuTable(json, mapping, communes);
    expect(lines[0]).toEqual({
      line: 1,
      lieu: expect.objectContaining({
        name: 'La Grange Partagée',
        kind: 'tiers_lieu',
        typology: 'hybrid',
        address: '3 rue du Port',
        postcode: '35600',
        commune: 'Redon',
        inseeCode: '35236',
        departementCode: '35',
        regionCode: '53',
        latitude: 47.6522,
        longitude: -2.0841,
        website: 'https://lagrange.example',
        phone: '02 99 00 00 01',
        tags: ['Coworking', 'Fablab'],
        notes: 'Un ancien hangar rénové.',
      }),
    });
    expect(lines[1]).toMatchObject({ line: 2, lieu: { name: 'Le Café des Possibles', inseeCode: '35176' } });
    expect(lines[2]).toEqual({ line: 3, problem: { kind: 'noName' } });
  });

  it('maps the CSV export and refuses a line with a bad e-mail, saying which field', () => {
    const csv = source('gogocarto.csv');
    const lines = mapLieuTable(csv, guessLieuMapping(csv.headers), communes);
    expect(lines[0]).toMatchObject({ line: 2, lieu: { name: 'La Grange Partagée', inseeCode: '35236' } });
    expect(lines[1]).toMatchObject({ line: 3, problem: { kind: 'invalid', issue: { field: 'email' } } });
  });
});

describe('a CSV of lieux with two columns for one field', () => {
  it('sends the second to the notes under its header, instead of dropping it', () => {
    const csv = readLieuText(
      'Nom;Téléphone;Tel;Email;Email\nLa Grange;02 99 00 00 00;06 12 34 56 78;a@grange.fr;b@grange.fr\n',
    );
    if ('problem' in csv) throw new Error(csv.problem);
    expect(guessLieuMapping(csv.headers)).toEqual(['name', 'phone', 'notes', 'email', 'notes']);
    expect(earlierColumnOfField(csv.headers)).toEqual([null, null, 1, null, 3]);
    expect(mapLieuTable(csv)[0]).toMatchObject({
      lieu: {
        phone: '02 99 00 00 00',
        email: 'a@grange.fr',
        notes: 'Tel\u00a0: 06 12 34 56 78\nEmail\u00a0: b@grange.fr',
      },
    });
  });
});

describe('lieux from the census of tiers-lieux', () => {
  it('maps the observatory\u2019s columns, restores dropped zeros, fills codes in Corsica and overseas', () => {
    const census = source('recensement-windows-1252.csv');
    const mapping = guessLieuMapping(census.headers);
    expect(Object.fromEntries(census.headers.map((header, index) => [header, mapping[index]]))).toEqual({
      Identifiant: 'ignore',
      SIRET: 'notes',
      Nom: 'name',
      'Forme juridique': 'legalStructure',
      Typologie: 'typology',
      Adresse: 'address',
      'Code postal': 'postcode',
      'Code INSEE': 'inseeCode',
      Commune: 'commune',
      'Site web': 'website',
      'Réseaux sociaux': 'notes',
      'Classe de localisation': 'ignore',
    });
    // A person may send a census fact to the notes too.
    mapping[census.headers.indexOf('Classe de localisation')] = 'notes';
    const lines = mapLieuTable(census, mapping, communes);
    expect(lines[0]).toMatchObject({
      line: 2,
      lieu: {
        name: 'Société Coopérative La Fabrique',
        legalStructure: 'scic',
        typology: 'fablab',
        postcode: '01400',
        inseeCode: '01093',
        commune: 'Châtillon-sur-Chalaronne',
        notes: 'SIRET\u00a0: 81234567800012\nRéseaux sociaux\u00a0: @lafabrique\nClasse de localisation\u00a0: Rural',
      },
    });
    expect(lines[1]).toMatchObject({
      lieu: { legalStructure: 'association', typology: 'food', inseeCode: '2A004', departementCode: '2A' },
    });
    expect(lines[2]).toMatchObject({
      lieu: { legalStructure: 'informal', typology: 'hybrid', inseeCode: '97105', departementCode: '971' },
    });
  });

  it('keeps the typed commune when no commune fits, and imports without the table', () => {
    const csv = readLieuText('Nom;Code postal;Commune\nLe Lieu;99999;Nulle-Part\n') as LieuSource;
    const [withTable] = mapLieuTable(csv, guessLieuMapping(csv.headers), communes);
    expect(withTable).toMatchObject({ lieu: { postcode: '99999', commune: 'Nulle-Part', inseeCode: null } });
    const [without] = mapLieuTable(csv, guessLieuMapping(csv.headers), null);
    expect(without).toMatchObject({ lieu: { commune: 'Nulle-Part' } });
  });

  it('reads the columns of a tab-separated file (Excel\u2019s "texte Unicode")', () => {
    const read = readLieuText('Nom\tCommune\tSite web\nCafé de la Gare\tRedon\thttps://cafe.example\n');
    if ('problem' in read) throw new Error(read.problem);
    expect(read.headers).toEqual(['Nom', 'Commune', 'Site web']);
    expect(guessLieuMapping(read.headers)).toEqual(['name', 'commune', 'website']);
    expect(read.rows).toEqual([['Café de la Gare', 'Redon', 'https://cafe.example']]);
  });

  it('says a workbook is no CSV and a binary file no text, instead of mapping columns of garbage', () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]);
    expect(decodeLieuFile(xlsx)).toEqual({ problem: 'spreadsheet' });
    expect(decodeLieuFile(png)).toEqual({ problem: 'binary' });
    const utf16 = [0xff, 0xfe, ...[...'Nom\tCommune\nCafé\tRedon\n'].flatMap((char) => [char.charCodeAt(0), 0])];
    const decoded = decodeLieuFile(new Uint8Array(utf16));
    expect(decoded).toMatchObject({ encoding: 'utf-16le' });
    expect('text' in decoded && readLieuText(decoded.text)).toMatchObject({ rows: [['Café', 'Redon']] });
  });

  it('says what is wrong with a file that holds no lieux', () => {
    // An empty file is said to be empty, not to hold no lieu (as a header alone does).
    for (const blank of ['', '  \r\n\t\n', '\uFEFF']) expect(readLieuText(blank)).toEqual({ problem: 'blank' });
    expect(readLieuText('{"data": [')).toEqual({ problem: 'bad_json' });
    expect(readLieuText('{"data": []}')).toEqual({ problem: 'no_elements' });
    // Another app's JSON whose elements hold no field: not three lines of nothing to map.
    for (const other of ['[1, 2, 3]', '[{}, {}]', '{"data": [null, "x"]}', '[[1, 2], [3]]', '[[]]'])
      expect(readLieuText(other)).toEqual({ problem: 'no_elements' });
    expect(readLieuText('Nom;Commune\n')).toEqual({ problem: 'empty' });
    expect(readLieuText('Nom;Commune\nCafé;Redon\n"Tiers-lieu;Rennes\nAtelier;Vannes\n')).toEqual({
      problem: 'unclosed_quote',
      line: 3,
    });
  });
});

describe('files from a hostile or confused spreadsheet', () => {
  it('refuses a file of more columns than a list of lieux has, CSV or JSON, before drawing one choice each', () => {
    const wide = Array.from({ length: MAX_COLUMNS + 1 }, (_, column) => `Colonne ${column}`);
    expect(readLieuText(`${wide.join(';')}\nCafé\n`)).toEqual({ problem: 'too_many_columns' });
    const element = Object.fromEntries(wide.map((key) => [key, 'x']));
    expect(readLieuText(JSON.stringify({ data: [element] }))).toEqual({ problem: 'too_many_columns' });
    // As many as it may have is a table like any other.
    expect(readLieuText(`${wide.slice(1).join(';')}\nCafé\n`)).toMatchObject({ rows: [expect.any(Array)] });
  });

  it('refuses a JSON nested 20,000 deep as too deep, where flattening it overflowed the stack', () => {
    const deep = (depth: number) => `{"data":[{"nom":"Café","x":${'['.repeat(depth)}${']'.repeat(depth)}}]}`;
    expect(readLieuText(deep(20_000))).toEqual({ problem: 'too_deep' });
    // The file's object, its data array and the element are three levels of the 64.
    expect(readLieuText(deep(62))).toEqual({ problem: 'too_deep' });
    expect(readLieuText(deep(61))).toMatchObject({ rows: [['Café', '']] });
  });

  const mapped = (text: string) => {
    const read = readLieuText(text);
    if ('problem' in read) throw new Error(read.problem);
    return mapLieuTable(read, guessLieuMapping(read.headers), communes);
  };

  it('gives back postcodes, INSEE codes and phones that Excel turned into numbers', () => {
    const [line] = mapped('Nom;Code postal;Téléphone\nLa Forge;1,3001E+4;612345678\n');
    expect(line).toMatchObject({ lieu: { postcode: '13001', phone: '06 12 34 56 78' } });
    const [aix] = mapped('Nom;Code INSEE\nLe Lieu;1.3001E+4\n');
    expect(aix).toMatchObject({ lieu: { inseeCode: '13001', commune: 'Aix-en-Provence' } });
    const [ain] = mapped('Nom;CP;Téléphone\nLe Lieu;1400;6.12345678E+8\n');
    expect(ain).toMatchObject({ lieu: { postcode: '01400', phone: '06 12 34 56 78' } });
  });

  it('makes up no digit of a number a spreadsheet rounded: its line is refused, naming the field', () => {
    const [postcode, phone] = mapped('Nom;CP;Téléphone\nLe Lieu;1.4E+3;\nLa Forge;35600;6,12E+8\n');
    expect(postcode).toMatchObject({ line: 2, problem: { kind: 'invalid', issue: { field: 'postcode' } } });
    expect(phone).toMatchObject({ line: 3, problem: { kind: 'invalid', issue: { field: 'phone' } } });
  });

  it('refuses a website that is no web page, and takes a bare domain as https', () => {
    const lines = mapped(
      'Nom;Site web\nLa Forge;tel:0899000000\nLe Café;mailto:cafe@example.fr\nLe Lab;ftp://lab.example.fr\n' +
        'La Grange;javascript:alert(1)\nLe Four;contact@lefour.fr\nLa Halle;+33299000000\nLe Quai;https://lequai.fr@exemple.com\n' +
        'La Ruche;www.laruche.fr\n',
    );
    for (const line of lines.slice(0, 7))
      expect(line).toMatchObject({ problem: { kind: 'invalid', issue: { field: 'website', type: 'url' } } });
    expect(lines[7]).toMatchObject({ line: 9, lieu: { name: 'La Ruche', website: 'https://www.laruche.fr' } });
  });

  it('refuses a line with more filled cells than the header, where an unquoted separator shifted the columns', () => {
    const lines = mapped('Nom;Commune;Courriel\nCafé; bar;Redon;cafe@example.fr\nLa Forge;Redon;forge@example.fr;;\n');
    expect(lines[0]).toEqual({ line: 2, problem: { kind: 'extraCells', cells: 4, columns: 3 } });
    expect(lines[1]).toMatchObject({ line: 3, lieu: { name: 'La Forge', email: 'forge@example.fr' } });
  });

  it('stores a cell of two lines as the lieu’s one-line form shows it; the tags keep one a line; the notes keep their lines', () => {
    const lines = mapped(
      'Nom;Adresse;Étiquettes;Description\n"La\r\nForge";"2 rue\n du Port";"café\r\natelier";"a\nb"\n',
    );
    expect(lines[0]).toMatchObject({
      lieu: { name: 'La Forge', address: '2 rue du Port', tags: ['café', 'atelier'], notes: 'a\nb' },
    });
  });

  it('skips the header of a second file pasted below the first, its byte order mark included', () => {
    const read = readLieuText('\uFEFFNom;Commune\nCafé;Redon\n\uFEFFNom;Commune\nLa Forge;Redon\n');
    if ('problem' in read) throw new Error(read.problem);
    expect(read.rows).toEqual([
      ['Café', 'Redon'],
      ['La Forge', 'Redon'],
    ]);
  });

  it('maps English headers and headers in capitals or without accents', () => {
    expect(
      guessLieuMapping(['Place name', 'ZIP code', 'Town', 'Phone number', 'Web site', 'TELEPHONE', 'ADRESSE']),
      // A second phone column goes to the notes, as every second column of one field does.
    ).toEqual(['name', 'postcode', 'commune', 'phone', 'website', 'notes', 'address']);
  });

  it('refuses a file too large to read on a phone, before decoding it', () => {
    expect(decodeLieuFile(new Uint8Array(51 * 1024 * 1024))).toEqual({ problem: 'too_large' });
  });
});
