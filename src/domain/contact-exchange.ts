// Contacts in and out of Valise: CSV (as spreadsheets export it, comma, semicolon or tab) and
// vCard read into contact inputs, each line judged on its own; vCard 3.0 written for phones.
// Pure: the database side (duplicates against stored contacts, the write) is src/db.
import type { Contact } from './contact';
import { withoutControlCharacters } from './control-characters';
import { withoutGuard } from './csv';
import { csvReader } from './csv-reader';
import { foldLine } from './ics';
import { MAX_COLUMNS } from './lieu-import';
import { listItems, oneLine } from './one-line';
import { isoDay, restoredPhone } from './spreadsheet-cells';
import { decodeText, notTextKind, tooLargeToRead } from './text-file';
import type { FieldIssue } from './validation';
import { issueOfNewRecord } from './validation';

/** What one imported line would create (organisations by name, resolved by the caller). */
export interface ImportedContact {
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
  tags: string[];
  notes: string | null;
  consentNote: string | null;
  /** yyyy-MM-dd; a French date (dd/mm/yyyy) is read as such. */
  consentDate: string | null;
  organisationNames: string[];
}

export type ImportProblem =
  | { kind: 'noName' }
  | { kind: 'invalid'; issue: FieldIssue }
  | { kind: 'noHeader' }
  /** Nothing but blanks in the file: no header to ask for. */
  | { kind: 'empty' }
  /** A .vcf that holds no card (BEGIN:VCARD): another kind of file, named as a vCard. */
  | { kind: 'noCard' }
  /** A quote opened at this line is never closed: the rest of the file would be one cell. */
  | { kind: 'unclosedQuote' }
  /** A vCard begun at this line never ends (END:VCARD): the file was cut, the card is not whole. */
  | { kind: 'unfinishedCard' }
  /** The file is no text: a spreadsheet's own file (xlsx, ods, xls) or other binary bytes. */
  | { kind: 'spreadsheet' | 'binary' }
  /** The file is too large to read on a phone. */
  | { kind: 'tooLarge' }
  /** More filled cells than the header names: a separator typed without quotes shifted the columns. */
  | { kind: 'extraCells'; cells: number; columns: number }
  /** A header of more columns than any list of people has: some other file, whose columns would take seconds to name. */
  | { kind: 'tooManyColumns' }
  /** Merged into a person (stored, or an earlier line), the line would give her more tags than a record holds. */
  | { kind: 'tooManyTags'; into: string; tags: number }
  /** A consent dated after the day of the import: a slip of the keyboard (2062 for 2026), as the person form says. */
  | { kind: 'consentAhead' };

export type ImportLine = { line: number; contact: ImportedContact } | { line: number; problem: ImportProblem };

const HEADERS: Record<
  keyof Omit<ImportedContact, 'tags' | 'organisationNames'> | 'tags' | 'organisations' | 'firstName',
  string[]
> = {
  name: [
    'nom',
    'name',
    'nom complet',
    'full name',
    'contact',
    'personne',
    'last name',
    'nom de famille',
    'family name',
  ],
  /** Joined before the name: "Prénom" and "Nom" in two columns are one person's name. */
  firstName: ['prenom', 'first name', 'given name'],
  role: ['role', 'fonction', 'poste', 'title', 'job title'],
  phone: ['telephone', 'tel', 'phone', 'mobile', 'portable'],
  email: ['email', 'e-mail', 'mail', 'courriel', 'adresse e-mail', 'adresse email', 'e-mail address', 'email address'],
  tags: ['etiquettes', 'tags', 'categories'],
  notes: ['notes', 'note', 'commentaire', 'commentaires'],
  consentNote: ['consentement', 'consent', 'rgpd'],
  consentDate: ['date du consentement', 'consent date', 'date de consentement'],
  // "Organisations" is the header of Valise's own export of contacts.
  organisations: [
    'structure',
    'organisation',
    'organisations',
    'organization',
    'organizations',
    'lieu',
    'lieux',
    'entreprise',
    'company',
  ],
};

function headerKey(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .trim();
}

/**
 * Columns of a CSV whose headers name one field ("Téléphone" and "Mobile", or "Email" twice):
 * all are read, none dropped (see csvContactsReader). `column` counts from 1, as a person does.
 */
export interface DuplicateColumns {
  field: string;
  columns: { header: string; column: number }[];
}

interface ContactsReader {
  /** Reads up to `rows` more rows of a CSV (a vCard at once): every line once all is read, else null. */
  step(rows: number): ImportLine[] | null;
  /** How much of the file is read, from 0 to 1. */
  progress(): number;
  /** Once the header is read: the fields two columns or more fill. */
  duplicateColumns(): DuplicateColumns[];
}

/**
 * Reads the contacts of a file a person picked, whatever wrote it (UTF-8, UTF-16, or
 * Windows-1252 as Excel in French saves "CSV"): a vCard by its name or first line, else a CSV,
 * in slices of rows, so a long CSV is read between paints. `today` (yyyy-MM-dd, the person's
 * day) bounds a consent date.
 */
export function contactsReader(bytes: Uint8Array, fileName: string, today: string): ContactsReader {
  if (tooLargeToRead(bytes.length)) return whole([{ line: 1, problem: { kind: 'tooLarge' } }]);
  const notText = notTextKind(bytes);
  if (notText) return whole([{ line: 1, problem: { kind: notText } }]);
  const { text } = decodeText(bytes);
  // trim() also drops a byte order mark: a spreadsheet's empty "CSV UTF-8" holds only that.
  if (text.trim() === '') return whole([{ line: 1, problem: { kind: 'empty' } }]);
  const vcard = /\.vcf$/i.test(fileName) || /^\s*BEGIN:VCARD/i.test(text);
  return vcard ? vcardContactsReader(text) : csvContactsReader(text, today);
}

function vcardContactsReader(text: string): ContactsReader {
  const reader = vcardReader(text);
  const lines: ImportLine[] = [];
  return {
    step: (rows) => {
      for (const line of reader.read(rows * VCARD_LINES_PER_ROW)) lines.push(line);
      if (!reader.done()) return null;
      return lines.length > 0 ? lines : [{ line: 1, problem: { kind: 'noCard' } }];
    },
    progress: reader.progress,
    duplicateColumns: () => [],
  };
}

const whole = (lines: ImportLine[]): ContactsReader => ({
  step: () => lines,
  progress: () => 1,
  duplicateColumns: () => [],
});

/** Fields a person has several of: the values of every column that fills one are joined. */
const LIST_FIELDS = new Set(['tags', 'organisations', 'notes']);

/**
 * Reads a CSV of contacts: a header line (French or English names), then one person a line.
 * Two columns that fill one field lose nothing: a list (tags, lieux, notes) joins their values;
 * otherwise the first filled cell is the field and another value goes to the notes, named by
 * its column's header.
 */
function csvContactsReader(text: string, today: string): ContactsReader {
  const reader = csvReader(text);
  let header: string[] | null = null;
  let columns = new Map<string, number[]>();
  let rowNumber = 1;
  const lines: ImportLine[] = [];
  const filled = (row: string[], field: string) =>
    (columns.get(field) ?? [])
      .map((index) => ({ index, value: withoutGuard((row[index] ?? '').trim()) }))
      .filter(({ value }) => value !== '');
  const cell = (row: string[], field: string) => {
    const values = filled(row, field).map(({ value }) => value);
    return (LIST_FIELDS.has(field) ? values.join(field === 'notes' ? '\n' : ', ') : values[0]) ?? '';
  };
  /** The values a field's first filled cell leaves out, for the notes: "Mobile : 06 12 34 56 78". */
  const asides = (row: string[]) =>
    [...columns.keys()]
      .filter((field) => !LIST_FIELDS.has(field))
      .flatMap((field) => {
        const [first, ...others] = filled(row, field);
        return others
          .filter(({ value }) => value !== first?.value)
          .map(({ index, value }) => `${(header?.[index] ?? '').trim()}\u00a0: ${value}`);
      });
  return {
    step: (count) => {
      const slice = reader.read(count);
      for (const read of slice) {
        // A byte order mark inside the file: a second file pasted below the first.
        const row = read.map((value) => value.replaceAll('\uFEFF', ''));
        if (!header) {
          if (row.length > MAX_COLUMNS) return [{ line: 1, problem: { kind: 'tooManyColumns' } }];
          header = row;
          columns = headerColumns(row);
          if (!columns.has('name')) return [{ line: 1, problem: { kind: 'noHeader' } }];
          continue;
        }
        rowNumber++;
        // That second file's header is no person.
        if (row.every((value) => value.trim() === '') || sameCells(row, header)) continue;
        const filled = row.findLastIndex((value) => value.trim() !== '') + 1;
        if (filled > header.length) {
          lines.push({ line: rowNumber, problem: { kind: 'extraCells', cells: filled, columns: header.length } });
          continue;
        }
        lines.push(
          notAhead(
            today,
            judge(rowNumber, {
              name: [cell(row, 'firstName'), cell(row, 'name')].filter(Boolean).join(' '),
              role: cell(row, 'role') || null,
              phone: restoredPhone(cell(row, 'phone')),
              email: cell(row, 'email') || null,
              tags: listItems(cell(row, 'tags')),
              notes: [cell(row, 'notes'), ...asides(row)].filter(Boolean).join('\n') || null,
              consentNote: cell(row, 'consentNote') || null,
              consentDate: isoDay(cell(row, 'consentDate')),
              organisationNames: listItems(cell(row, 'organisations')),
            }),
          ),
        );
      }
      if (!reader.done()) return null;
      const open = reader.unclosedQuoteLine();
      if (open !== null) return [{ line: open, problem: { kind: 'unclosedQuote' } }];
      return header ? lines : [{ line: 1, problem: { kind: 'noHeader' } }];
    },
    progress: reader.progress,
    duplicateColumns: () =>
      [...columns.entries()]
        .filter(([, indexes]) => indexes.length > 1)
        .map(([field, indexes]) => ({
          field,
          columns: indexes.map((index) => ({ header: (header?.[index] ?? '').trim(), column: index + 1 })),
        })),
  };
}

function sameCells(row: readonly string[], header: readonly string[]): boolean {
  return header.every((name, index) => (row[index] ?? '').trim() === name.trim());
}

/** Each field's columns, in the file's order. */
function headerColumns(header: readonly string[]): Map<string, number[]> {
  const columns = new Map<string, number[]>();
  for (const [index, cell] of header.entries()) {
    const key = headerKey(cell);
    for (const [field, names] of Object.entries(HEADERS))
      if (names.includes(key)) columns.set(field, [...(columns.get(field) ?? []), index]);
  }
  return columns;
}

/**
 * A line consented after `today` is refused as the person form refuses it: kept, the date would
 * also fill in a stored person's (contact-import), and nothing would ever flag it. A vCard
 * carries no consent.
 */
function notAhead(today: string, judged: ImportLine): ImportLine {
  const date = 'contact' in judged ? judged.contact.consentDate : null;
  return date !== null && date > today ? { line: judged.line, problem: { kind: 'consentAhead' } } : judged;
}

/** A line is kept when the contact schema accepts it; otherwise the first reason is given. */
function judge(line: number, read: ImportedContact): ImportLine {
  const contact = onOneLine(read);
  if (contact.name === '') return { line, problem: { kind: 'noName' } };
  const { organisationNames: _names, ...fields } = contact;
  const issue = issueOfNewRecord('contacts', fields);
  if (issue) return { line, problem: { kind: 'invalid', issue } };
  // A lieu named but unknown is created with the person: judged here, or one name too long
  // would fail the whole import's transaction without saying which line holds it.
  for (const name of contact.organisationNames) {
    const lieuIssue = issueOfNewRecord('organisations', { name, kind: 'other' });
    if (lieuIssue) return { line, problem: { kind: 'invalid', issue: { ...lieuIssue, field: 'organisations' } } };
  }
  return { line, contact };
}

/**
 * Every field but the notes is one line in the person's form: a CSV cell or a vCard value of two
 * lines is stored as the form shows it, the lines joined by a space. The tags, and the lieu names
 * of a CSV cell, were split at their breaks already (listItems): each line is one of them.
 */
function onOneLine(contact: ImportedContact): ImportedContact {
  const line = (text: string | null) => (text === null ? null : oneLine(text));
  return {
    ...contact,
    name: oneLine(contact.name),
    role: line(contact.role),
    phone: line(contact.phone),
    email: line(contact.email),
    consentNote: line(contact.consentNote),
    organisationNames: contact.organisationNames.map(oneLine),
  };
}

/**
 * Physical lines of a vCard read per row a step asks for: a card is about ten, and a photo's
 * folded base64 (a phone's export with pictures: tens of MB for a thousand people) many more.
 */
const VCARD_LINES_PER_ROW = 10;

interface VCardReader {
  /** Reads up to `physicalLines` more lines of the text: the cards they end. */
  read(physicalLines: number): ImportLine[];
  done(): boolean;
  progress(): number;
}

/**
 * Reads vCard text (one or many cards, versions 2.1 to 4.0: name, title, phone, email, org, note,
 * categories) a few lines at a time, so a long file is read between paints: read at once,
 * 50 MB of cards held the page for minutes. Folded lines continue with a leading space or tab;
 * each logical line keeps its first line's number.
 */
function vcardReader(text: string): VCardReader {
  let index = 0;
  let lineNumber = 0;
  let pending: { text: string; line: number } | null = null;
  let card: ImportedContact | null = null;
  let startLine = 0;
  let structuredName = '';
  let finished = false;

  const readLogical = (raw: string, line: number, into: ImportLine[]) => {
    const colon = raw.indexOf(':');
    if (colon < 0) return;
    const [property = ''] = raw.slice(0, colon).split(';');
    const name = property.replace(/^item\d+\./i, '').toUpperCase();
    const value = raw.slice(colon + 1);
    if (name === 'BEGIN' && value.toUpperCase() === 'VCARD') {
      card = {
        name: '',
        role: null,
        phone: null,
        email: null,
        tags: [],
        notes: null,
        consentNote: null,
        consentDate: null,
        organisationNames: [],
      };
      startLine = line;
      structuredName = '';
      return;
    }
    if (!card) return;
    const current: ImportedContact = card;
    if (name === 'END') {
      if (current.name === '' && structuredName !== '') current.name = structuredName;
      into.push(judge(startLine, current));
      card = null;
    } else if (name === 'FN') current.name = vcardUnescape(value).trim();
    else if (name === 'N') {
      const [family = '', given = ''] = value.split(';').map(vcardUnescape);
      structuredName = `${given} ${family}`.trim();
    } else if (name === 'TEL' && !current.phone) current.phone = value.replace(/^tel:/i, '').trim();
    else if (name === 'EMAIL' && !current.email) current.email = vcardUnescape(value).trim();
    else if (name === 'TITLE' || name === 'ROLE') current.role ??= vcardUnescape(value).trim();
    else if (name === 'ORG') {
      // An empty ORG (phones write one for a person of no company) names no lieu to create.
      const organisation = vcardUnescape(value.split(';')[0] ?? '').trim();
      if (organisation !== '') current.organisationNames.push(organisation);
    } else if (name === 'NOTE') current.notes = vcardUnescape(value);
    // Not spread as arguments: a line of a few hundred thousand items overflowed the stack.
    else if (name === 'CATEGORIES') current.tags = current.tags.concat(listItems(vcardUnescape(value)));
  };

  const read = (physicalLines: number): ImportLine[] => {
    const lines: ImportLine[] = [];
    for (let count = 0; count < physicalLines && index <= text.length; count++) {
      const newline = text.indexOf('\n', index);
      const end = newline < 0 ? text.length : newline;
      const raw = text.slice(index, end > index && text[end - 1] === '\r' ? end - 1 : end);
      index = end + 1;
      lineNumber++;
      if ((raw.startsWith(' ') || raw.startsWith('\t')) && pending) pending.text += raw.slice(1);
      else {
        if (pending) readLogical(pending.text, pending.line, lines);
        pending = { text: raw, line: lineNumber };
      }
    }
    if (index > text.length && !finished) {
      finished = true;
      if (pending) readLogical(pending.text, pending.line, lines);
      // A file cut short (a download or a copy stopped midway) ends inside a card: said, not dropped.
      if (card) lines.push({ line: startLine, problem: { kind: 'unfinishedCard' } });
    }
    return lines;
  };
  return { read, done: () => finished, progress: () => (text.length === 0 ? 1 : Math.min(1, index / text.length)) };
}

function vcardUnescape(value: string): string {
  return value.replace(/\\([nN,;\\])/g, (_match, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

/**
 * TEXT values (RFC 6350 §3.4): a bare CR is a line break too, for readers that end lines at CR;
 * the other control characters, which a content line may not hold (tab aside), left out.
 */
function vcardEscape(value: string): string {
  return withoutControlCharacters(value)
    .replace(/[\\,;]/g, (char) => `\\${char}`)
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** vCard 3.0 of contacts, CRLF line ends, with the names of their organisations. */
export function contactsToVCard(
  contacts: readonly Contact[],
  organisationName: (id: string) => string | undefined,
): string {
  const lines: string[] = [];
  for (const contact of contacts) {
    const parts = contact.name.trim().split(/\s+/);
    const family = parts.length > 1 ? parts.slice(-1).join(' ') : contact.name;
    const given = parts.length > 1 ? parts.slice(0, -1).join(' ') : '';
    lines.push(
      'BEGIN:VCARD',
      'VERSION:3.0',
      `FN:${vcardEscape(contact.name)}`,
      `N:${vcardEscape(family)};${vcardEscape(given)};;;`,
    );
    if (contact.role) lines.push(`TITLE:${vcardEscape(contact.role)}`);
    const organisation = (contact.organisationIds ?? []).map(organisationName).find(Boolean);
    if (organisation) lines.push(`ORG:${vcardEscape(organisation)}`);
    if (contact.phone) lines.push(`TEL;TYPE=CELL:${vcardEscape(contact.phone)}`);
    if (contact.email) lines.push(`EMAIL:${vcardEscape(contact.email)}`);
    if ((contact.tags ?? []).length > 0) lines.push(`CATEGORIES:${(contact.tags ?? []).map(vcardEscape).join(',')}`);
    if (contact.notes) lines.push(`NOTE:${vcardEscape(contact.notes)}`);
    lines.push('END:VCARD');
  }
  // Folded at 75 octets as RFC 6350 §3.2 asks (the rule of iCalendar's content lines): a
  // 20,000-character note is otherwise one line that strict readers cut or refuse.
  return lines.length === 0 ? '' : `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** The key two contacts are the same person by: their email, else their phone digits. */
export function duplicateKeys(contact: { email?: string | null; phone?: string | null }): string[] {
  const keys: string[] = [];
  if (contact.email) keys.push(`email:${contact.email.trim().toLowerCase()}`);
  const digits = (contact.phone ?? '').replace(/\D/g, '').replace(/^33/, '0');
  if (digits.length >= 6) keys.push(`phone:${digits}`);
  return keys;
}
