// Lieux from the maps and lists networks already keep: a GoGoCarto export (its JSON API or
// its CSV), the census of tiers-lieux (a CSV with the observatory's columns) or any CSV of
// lieux. Every source becomes one table (headers, rows of text); a mapping says which column
// fills which field of a lieu (guessed from the headers, changed by a person); each row then
// becomes a lieu input or a refusal with its reason. Pure: duplicates against stored lieux are
// lieu-import-plan.ts, the write is src/db/lieu-import.ts.
import { type CommuneIndex, communeFields, communesNamed, communesOfPostcode } from './communes';
import { withoutGuard } from './csv';
import { csvReader } from './csv-reader';
import { nestedTooDeep } from './json-shape';
import { websiteAsTyped } from './links';
import { listItems, oneLine } from './one-line';
import { newWebsiteIssue } from './organisation';
import type { NewRecord } from './record-types';
import { normalizeForSearch } from './search';
import { restoredCode, restoredPhone } from './spreadsheet-cells';
import { decodeText, notTextKind, type TextEncodingName, tooLargeToRead } from './text-file';
import { type FieldIssue, issueOfNewRecord } from './validation';
import type { LegalStructure, Typology } from './vocabulary';

export type LieuSourceFormat = 'gogocarto_json' | 'csv';

export interface LieuSource {
  format: LieuSourceFormat;
  headers: string[];
  /** Cells as text, one array per row, at least as long as `headers` (longer where a line holds more cells). */
  rows: string[][];
}

/**
 * `blank`: the file holds no text at all; `empty`: it holds no line of lieu (a header alone);
 * `too_many_columns`: more columns than any list of lieux has (`MAX_COLUMNS`); `too_deep`: a JSON
 * nested deeper than any export (`MAX_FILE_DEPTH`).
 */
export type LieuSourceProblem =
  | 'blank'
  | 'empty'
  | 'bad_json'
  | 'no_elements'
  | 'spreadsheet'
  | 'binary'
  | 'too_large'
  | 'too_many_columns'
  | 'too_deep';

/**
 * The columns a source may have: GoGoCarto's exports and the census hold under 100. Each one is
 * a choice to draw: a file of 200,000 (a JSON of another kind, text that is no table) would
 * draw millions of elements and stop the tab. A list of people has fewer still: the contacts
 * import refuses a wider header too, whose columns it would take seconds to name.
 */
export const MAX_COLUMNS = 1000;

/** Why a file gives no table: a kind, or a CSV quote left open at a line (nothing is imported). */
export type LieuSourceRefusal = { problem: LieuSourceProblem } | { problem: 'unclosed_quote'; line: number };

/** A picked file's text, decoded by its bytes, or why it is no text. */
export function decodeLieuFile(
  bytes: Uint8Array,
): { text: string; encoding: TextEncodingName } | { problem: 'spreadsheet' | 'binary' | 'too_large' } {
  if (tooLargeToRead(bytes.length)) return { problem: 'too_large' };
  const notText = notTextKind(bytes);
  return notText ? { problem: notText } : decodeText(bytes);
}

interface LieuSourceReader {
  /** Reads up to `rows` more rows of a CSV (a JSON at once): the table or refusal once all is read, else null. */
  step(rows: number): LieuSource | LieuSourceRefusal | null;
  /** How much of the text is read, from 0 to 1. */
  progress(): number;
}

/**
 * Reads a file's text as a GoGoCarto JSON export (`{data: [...]}` or a bare array) or a CSV,
 * in slices of rows, so a long file is read between paints.
 */
export function lieuSourceReader(text: string): LieuSourceReader {
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') return { step: () => ({ problem: 'blank' }), progress: () => 1 };
  if (/^\s*[[{]/.test(source)) return { step: () => readLieuJson(source), progress: () => 0 };
  const reader = csvReader(source);
  let headers: string[] | null = null;
  const rows: string[][] = [];
  return {
    step: (count) => {
      const slice = reader.read(count);
      for (const read of slice) {
        // A byte order mark inside the file: a second file pasted below the first.
        const row = read.map((cell) => cell.replaceAll('\uFEFF', ''));
        if (row.every((cell) => cell.trim() === '')) continue;
        if (!headers) {
          if (row.length > MAX_COLUMNS) return { problem: 'too_many_columns' };
          headers = row;
        }
        // That second file's header is no lieu.
        else if (!sameCells(row, headers))
          rows.push(row.length >= headers.length ? row : [...row, ...headers.slice(row.length).map(() => '')]);
      }
      if (!reader.done()) return null;
      const open = reader.unclosedQuoteLine();
      if (open !== null) return { problem: 'unclosed_quote', line: open };
      if (!headers || rows.length === 0) return { problem: 'empty' };
      return { format: 'csv', headers, rows };
    },
    progress: reader.progress,
  };
}

function sameCells(row: readonly string[], headers: readonly string[]): boolean {
  return headers.every((header, index) => (row[index] ?? '').trim() === header.trim());
}

function readLieuJson(source: string): LieuSource | LieuSourceRefusal {
  // Flattening a file 20,000 levels deep would overflow the stack (and say no more than « unreadable »).
  if (nestedTooDeep(source)) return { problem: 'too_deep' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch {
    return { problem: 'bad_json' };
  }
  const elements = Array.isArray(parsed) ? parsed : (parsed as { data?: unknown })?.data;
  if (!Array.isArray(elements) || elements.length === 0) return { problem: 'no_elements' };
  return tableOf(elements.map((element) => flatten(element)));
}

/** GoGoCarto nests (`address.postalCode`, `geo.latitude`): one column per leaf, lists joined. */
function flatten(value: unknown, prefix = '', into = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) {
    // A list of lists has no field to name a column by: the reader says it holds no lieu.
    if (prefix === '') return into;
    // `categoriesFull` is a list of objects: their names are what a person reads.
    const items = value.map((item) =>
      item && typeof item === 'object' ? String((item as { name?: unknown }).name ?? '') : String(item ?? ''),
    );
    into.set(prefix, items.filter((item) => item !== '').join(', '));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) flatten(item, prefix ? `${prefix}.${key}` : key, into);
  } else if (prefix) into.set(prefix, value === null || value === undefined ? '' : String(value));
  return into;
}

function tableOf(elements: Map<string, string>[]): LieuSource | LieuSourceRefusal {
  const headers: string[] = [];
  const seen = new Set<string>();
  for (const element of elements)
    for (const key of element.keys())
      if (!seen.has(key)) {
        seen.add(key);
        headers.push(key);
      }
  if (headers.length > MAX_COLUMNS) return { problem: 'too_many_columns' };
  // Another app's list of numbers, texts or empty objects: no column to map, no lieu to import.
  if (headers.length === 0) return { problem: 'no_elements' };
  return {
    format: 'gogocarto_json',
    headers,
    rows: elements.map((element) => headers.map((header) => element.get(header) ?? '')),
  };
}

export const LIEU_IMPORT_TARGETS = [
  'name',
  'typology',
  'legalStructure',
  'address',
  'postcode',
  'commune',
  'inseeCode',
  'website',
  'email',
  'phone',
  'latitude',
  'longitude',
  'tags',
  'notes',
  'ignore',
] as const;
export type LieuImportTarget = (typeof LIEU_IMPORT_TARGETS)[number];

/** One target per column of the source, in its order. */
export type LieuMapping = LieuImportTarget[];

// Header names of GoGoCarto (JSON keys, CSV export), the census of tiers-lieux and regional
// open-data lists, normalised (no accents, lower case, words).
const ALIASES: Record<Exclude<LieuImportTarget, 'ignore'>, string[]> = {
  name: ['nom', 'name', 'title', 'titre', 'nom du lieu', 'nom du tiers lieu', 'nom de la structure', 'place name'],
  typology: ['typologie', 'typologies', 'type de tiers lieu', 'type de lieu', 'typology'],
  legalStructure: ['forme juridique', 'statut juridique', 'statut', 'structure juridique', 'legal structure'],
  address: ['adresse', 'address', 'streetaddress', 'rue', 'adresse postale', 'voie'],
  postcode: ['code postal', 'cp', 'postalcode', 'postcode', 'zip', 'zip code', 'postal code'],
  commune: ['commune', 'ville', 'addresslocality', 'city', 'localite', 'town'],
  inseeCode: ['code insee', 'insee', 'code commune', 'code insee commune'],
  website: ['site web', 'site internet', 'site', 'website', 'url', 'web', 'web site'],
  email: ['email', 'e mail', 'courriel', 'mail', 'adresse mail', 'adresse e mail'],
  phone: ['telephone', 'tel', 'phone', 'numero de telephone', 'phone number'],
  latitude: ['latitude', 'lat', 'geo latitude'],
  longitude: ['longitude', 'lng', 'lon', 'long', 'geo longitude'],
  tags: ['categories', 'categoriesfull', 'taxonomy', 'etiquettes', 'tags', 'mots cles'],
  notes: ['description', 'descriptionmore', 'notes', 'commentaire', 'commentaires', 'siret', 'reseaux sociaux'],
};

function headerWords(header: string): string[] {
  const whole = normalizeForSearch(header.replace(/[._-]+/g, ' '));
  // GoGoCarto's nested keys: "address.postalCode" is known by its last part too.
  const last = normalizeForSearch(header.split('.').at(-1) ?? '');
  return [whole, last];
}

function targetOfHeader(header: string): Exclude<LieuImportTarget, 'ignore'> | undefined {
  const words = headerWords(header);
  return (Object.keys(ALIASES) as (keyof typeof ALIASES)[]).find((target) =>
    words.some((word) => ALIASES[target].includes(word)),
  );
}

/**
 * For each column, the earlier column whose header names the same field (two "Téléphone", or
 * "Tel" after "Téléphone"), else null. Notes and tags take any number of columns.
 */
export function earlierColumnOfField(headers: readonly string[]): (number | null)[] {
  const first = new Map<LieuImportTarget, number>();
  return headers.map((header, column) => {
    const target = targetOfHeader(header);
    if (!target || target === 'notes' || target === 'tags') return null;
    const earlier = first.get(target);
    if (earlier === undefined) first.set(target, column);
    return earlier ?? null;
  });
}

/**
 * Each column's target from its header. A second column for a field already filled goes to the
 * notes, under its header: nothing is dropped, and the preview says so (the person may change it).
 */
export function guessLieuMapping(headers: readonly string[]): LieuMapping {
  const earlier = earlierColumnOfField(headers);
  return headers.map((header, column) => (earlier[column] !== null ? 'notes' : (targetOfHeader(header) ?? 'ignore')));
}

export type LieuInput = NewRecord<'organisations'>;

export type LieuImportProblem =
  | { kind: 'noName' }
  | { kind: 'invalid'; issue: FieldIssue }
  /** More filled cells than the header names: a separator typed without quotes shifted the columns. */
  | { kind: 'extraCells'; cells: number; columns: number }
  /** Merged into a lieu (stored, or an earlier line), the line would give it more tags than a record holds. */
  | { kind: 'tooManyTags'; into: string; tags: number };

/** A line of the file (1 = the header of a CSV, the first element of a JSON) and what it gives. */
export type MappedLieuLine = { line: number; lieu: LieuInput } | { line: number; problem: LieuImportProblem };

const TYPOLOGY_WORDS: [RegExp, Typology][] = [
  [/cowork/, 'coworking'],
  [/fab ?lab|maker|hacker/, 'fablab'],
  [/living ?lab/, 'living_lab'],
  [/cuisine/, 'shared_kitchen'],
  [/nourricier|alimentat|agricol|ferme/, 'food'],
  [/atelier|artisan/, 'shared_workshops'],
  [/cultur|artisti/, 'cultural'],
  [/hybride/, 'hybrid'],
];

/** The typology a text names; several different ones make a "lieu hybride". */
function typologyOf(text: string): Typology | null {
  const normal = normalizeForSearch(text);
  const found = new Set(TYPOLOGY_WORDS.filter(([pattern]) => pattern.test(normal)).map(([, key]) => key));
  if (found.size === 0) return null;
  return found.size > 1 ? 'hybrid' : ([...found][0] as Typology);
}

function legalStructureOf(text: string): LegalStructure | null {
  const normal = normalizeForSearch(text);
  if (normal === '') return null;
  if (/\bscic\b/.test(normal)) return 'scic';
  if (/\bscop\b/.test(normal)) return 'scop';
  if (/\bsarl\b|\beurl\b/.test(normal)) return 'sarl';
  if (/association|\basso\b|loi 1901/.test(normal)) return 'association';
  if (/collectif|informel/.test(normal)) return 'informal';
  return 'other';
}

/** "45,7589" as a spreadsheet writes it, or "45.7589": a number, or null. */
function coordinate(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(value) ? null : value;
}

const splitList = (text: string) => listItems(text).map((item) => item.slice(0, 60));

/**
 * The lieu a row gives with this mapping. The commune's codes are filled from the commune
 * table when one commune fits: the INSEE code, else the postcode (with the name to choose
 * among the communes a postcode serves), else a name only one commune bears.
 */
function mapLieuRow(
  headers: readonly string[],
  row: readonly string[],
  mapping: LieuMapping,
  line: number,
  communes?: CommuneIndex | null,
): MappedLieuLine {
  const filled = row.findLastIndex((cell) => cell.trim() !== '') + 1;
  if (filled > headers.length) return { line, problem: { kind: 'extraCells', cells: filled, columns: headers.length } };
  const values = new Map<LieuImportTarget, string[]>();
  const notes: string[] = [];
  mapping.forEach((target, column) => {
    const cell = withoutGuard((row[column] ?? '').trim());
    if (target === 'ignore' || cell === '') return;
    if (target === 'notes') {
      // Several columns may go to the notes (description, SIRET, census facts): each keeps its
      // name, before a colon held to it by a no-break space as the app's French text does.
      const header = headers[column] ?? '';
      notes.push(/^(description|notes?|commentaires?)$/i.test(header) ? cell : `${header}\u00a0: ${cell}`);
    }
    // Every other field is one line in the lieu's form: a cell of two lines is stored as it shows.
    // The tags' lines are split into tags (splitList) instead, never joined into one.
    else values.set(target, [...(values.get(target) ?? []), target === 'tags' ? cell : oneLine(cell)]);
  });
  const text = (target: LieuImportTarget) => (values.get(target) ?? []).join(', ');
  const name = text('name');
  if (name === '') return { line, problem: { kind: 'noName' } };
  const tags = [...new Set((values.get('tags') ?? []).flatMap(splitList))];
  const lieu: LieuInput = {
    name: name.slice(0, 200),
    kind: 'tiers_lieu',
    typology: typologyOf(text('typology')) ?? typologyOf(tags.join(' ')),
    legalStructure: legalStructureOf(text('legalStructure')),
    address: text('address') || null,
    postcode: restoredCode(text('postcode')),
    commune: text('commune') || null,
    inseeCode: restoredCode(text('inseeCode').toUpperCase()),
    website: text('website') || null,
    email: text('email') || null,
    phone: restoredPhone(text('phone')),
    latitude: coordinate(text('latitude')),
    longitude: coordinate(text('longitude')),
    tags,
    notes: notes.length > 0 ? notes.join('\n') : null,
  };
  // A typed typology the list does not know is kept as a tag rather than lost.
  if (!lieu.typology && text('typology')) lieu.tags = [...new Set([...tags, ...splitList(text('typology'))])];
  if (lieu.website) lieu.website = websiteAsTyped(lieu.website);
  if (communes) Object.assign(lieu, communeOf(communes, lieu) ?? {});
  return judge(line, lieu);
}

function communeOf(index: CommuneIndex, lieu: LieuInput) {
  const byInsee = lieu.inseeCode ? index.byInsee.get(lieu.inseeCode) : undefined;
  if (byInsee) return communeFields(byInsee, lieu.postcode);
  const name = normalizeForSearch(lieu.commune ?? '');
  if (lieu.postcode) {
    const served = communesOfPostcode(index, lieu.postcode);
    const named = served.filter((commune) => normalizeForSearch(commune.name) === name);
    const only = named.length === 1 ? named[0] : served.length === 1 ? served[0] : undefined;
    return only ? communeFields(only, lieu.postcode) : undefined;
  }
  if (name === '') return undefined;
  const bearing = communesNamed(index, lieu.commune ?? '');
  return bearing.length === 1 ? communeFields(bearing[0]!, null) : undefined;
}

/**
 * Kept when the lieu schema and the rule of a new website (`newWebsiteIssue`) accept it, else
 * refused with the first reason.
 */
function judge(line: number, lieu: LieuInput): MappedLieuLine {
  const issue = issueOfNewRecord('organisations', lieu) ?? newWebsiteIssue(lieu.website);
  if (issue) return { line, problem: { kind: 'invalid', issue } };
  return { line, lieu };
}

/**
 * The rows from `start` to `end` (excluded) mapped: a long file is mapped in slices between
 * paints. Empty rows are skipped; line numbers stay the file's.
 */
export function mapLieuRows(
  source: LieuSource,
  mapping: LieuMapping,
  communes: CommuneIndex | null | undefined,
  start: number,
  end: number,
): MappedLieuLine[] {
  // A CSV's first line is its header: data starts at line 2; a JSON's elements count from 1.
  const first = source.format === 'csv' ? 2 : 1;
  const lines: MappedLieuLine[] = [];
  for (let index = start; index < Math.min(end, source.rows.length); index++) {
    const row = source.rows[index] as string[];
    if (row.some((cell) => cell.trim() !== ''))
      lines.push(mapLieuRow(source.headers, row, mapping, index + first, communes));
  }
  return lines;
}
