// Imports judged lines of contacts (src/domain/contact-exchange.ts) into the device: a person
// already known by email or phone is merged (empty fields filled, tags and lieux added), a new
// one is created, lieux named but unknown are created; all in one transaction, written in
// slices that give the page back (Dexie.waitFor keeps it open), so a long file paints its progress.
import type { Contact } from '../domain/contact';
import { duplicateKeys, type ImportedContact, type ImportLine, type ImportProblem } from '../domain/contact-exchange';
import { MAX_TAGS } from '../domain/fields';
import type { RecordChanges } from '../domain/record-types';
import { normalizeForSearch } from '../domain/search';
import type { DataContext } from './context';
import { withoutClocks } from './reads';
import { sliceWriter, type WriteProgress } from './write-in-slices';
import { createRecords, updateRecord } from './writes';

export interface ImportReport {
  added: number;
  merged: number;
  rejected: { line: number; problem: ImportProblem }[];
}

type Pending = { input: Omit<ImportedContact, 'organisationNames'> & { organisationIds: string[] } };

/** Adds, merges or rejects each line; returns how many of each, with the reason per rejected line. */
export async function importContacts(
  context: DataContext,
  lines: readonly ImportLine[],
  onProgress: WriteProgress = () => {},
): Promise<ImportReport> {
  const { db } = context;
  const rejected = lines.flatMap((line) => ('problem' in line ? [{ line: line.line, problem: line.problem }] : []));
  const accepted = lines.flatMap((line) => ('contact' in line ? [line] : []));
  return db.transaction('rw', [db.records('contacts'), db.records('organisations'), db.outbox, db.meta], async () => {
    const stored = (await db.records('contacts').toArray()).filter((item) => !item.deleted).map(withoutClocks);
    const known = new Map<string, Contact | Pending>();
    for (const contact of stored) for (const key of duplicateKeys(contact)) known.set(key, contact);

    const lieux = (await db.records('organisations').toArray()).filter((item) => !item.deleted);
    const lieuIds = new Map(lieux.map((lieu) => [normalizeForSearch(lieu.name), lieu.id]));
    const newLieux: { id: string; name: string; kind: 'other' }[] = [];
    const lieuId = (name: string) => {
      const key = normalizeForSearch(name);
      let id = lieuIds.get(key);
      if (!id) {
        id = crypto.randomUUID();
        newLieux.push({ id, name, kind: 'other' });
        lieuIds.set(key, id);
      }
      return id;
    };

    const created: Pending[] = [];
    const changes = new Map<string, RecordChanges<'contacts'>>();
    let merged = 0;
    for (const { line, contact } of accepted) {
      const { organisationNames, ...fields } = contact;
      const keys = duplicateKeys(fields);
      const match = keys.map((key) => known.get(key)).find((found) => found !== undefined);
      const base = match === undefined || 'input' in match ? match?.input : { ...match, ...changes.get(match.id) };
      // Tags add up over merged lines: past a record's limit the write would fail the whole file.
      const tags = base ? union(base.tags ?? [], fields.tags).length : 0;
      if (base && tags > MAX_TAGS) {
        rejected.push({ line, problem: { kind: 'tooManyTags', into: base.name, tags } });
        continue;
      }
      const input = { ...fields, organisationIds: organisationNames.map(lieuId) };
      if (!match) {
        const pending = { input };
        created.push(pending);
        for (const key of keys) known.set(key, pending);
      } else if ('input' in match) {
        match.input = {
          ...match.input,
          ...fillEmpty(match.input, input),
          organisationIds: union(match.input.organisationIds, input.organisationIds),
        };
      } else {
        const stored = base as Contact;
        changes.set(match.id, {
          ...changes.get(match.id),
          ...fillEmpty(stored, input),
          organisationIds: union(stored.organisationIds ?? [], input.organisationIds),
        });
      }
      if (match) merged++;
    }
    // Lieux get ids the schema accepts (UUIDv7) when created; map the placeholders to them.
    const createdLieux = await createRecords(
      context,
      'organisations',
      newLieux.map(({ name, kind }) => ({ name, kind })),
    );
    const realId = new Map(newLieux.map((lieu, index) => [lieu.id, createdLieux[index]!.id]));
    const resolve = (ids: readonly string[] | undefined) => (ids ?? []).map((id) => realId.get(id) ?? id);
    const inputs = created.map(({ input }) => ({ ...input, organisationIds: resolve(input.organisationIds) }));
    const write = sliceWriter(inputs.length + changes.size, onProgress);
    await write(inputs, (slice) => createRecords(context, 'contacts', slice));
    await write([...changes], async (slice) => {
      for (const [id, change] of slice)
        await updateRecord(context, 'contacts', id, { ...change, organisationIds: resolve(change.organisationIds) });
    });
    return { added: created.length, merged, rejected: rejected.sort((a, b) => a.line - b.line) };
  });
}

const FILLED = ['role', 'phone', 'email', 'notes', 'consentNote', 'consentDate'] as const;

/** The imported values of the fields the existing person leaves empty, and both their tags. */
function fillEmpty(
  existing: Partial<Record<(typeof FILLED)[number], string | null>> & { tags?: string[] | undefined },
  imported: Pending['input'],
): Partial<Pending['input']> {
  const filled: Partial<Pending['input']> = { tags: union(existing.tags ?? [], imported.tags) };
  for (const key of FILLED) if (!existing[key] && imported[key]) filled[key] = imported[key];
  return filled;
}

function union(first: readonly string[], second: readonly string[]): string[] {
  return [...new Set([...first, ...second])];
}
