// Merging duplicates on this device, and redirecting references to records merged elsewhere.
// Both are ordinary field writes through the outbox (src/domain/merge-plan.ts plans them), in
// one transaction: a merge is whole or not at all.
import type { DuplicateReason } from '../domain/duplicate-keys';
import { lieuDuplicates, personDuplicates } from '../domain/duplicates';
import {
  MERGEABLE_TYPES,
  type Mergeable,
  type MergeableType,
  type MergeChoices,
  mergeTarget,
  type PlannedWrite,
  planMerge,
  planRedirect,
  planRenames,
  type References,
} from '../domain/merge-plan';
import { RECORD_TYPES, type RecordType } from '../domain/record-types';
import type { Change } from '../protocol/wire';
import { ATTENDEE_IDS } from './attendee-keys';
import type { DataContext } from './context';
import { duplicateKeys } from './derived-key-writes';
import { DUPLICATE_KEYS } from './duplicate-keys';
import { RecordNotFoundError } from './errors';
import { withoutClocks } from './reads';
import type { LooseRecord } from './schema';
import { setMapEntries, updateRecord } from './writes';

const allTables = (context: DataContext) => [
  context.db.outbox,
  context.db.meta,
  ...RECORD_TYPES.map((type) => context.db.anyRecords(type)),
];

/** Merges `mergedId` into `keptId`; refuses (MergeRefusedError) a record with itself or across types. */
export async function mergeDuplicates(
  context: DataContext,
  keptType: MergeableType,
  keptId: string,
  mergedType: MergeableType,
  mergedId: string,
  choices: MergeChoices,
): Promise<void> {
  const { db } = context;
  await db.transaction('rw', allTables(context), async () => {
    const kept = await db.anyRecords(keptType).get(keptId);
    const merged = await db.anyRecords(mergedType).get(mergedId);
    if (!kept) throw new RecordNotFoundError(keptType, keptId);
    if (!merged) throw new RecordNotFoundError(mergedType, mergedId);
    const names = [merged.name, kept.name].map((name) => String(name ?? ''));
    const references = await readReferences(context, mergedType, [mergedId], names);
    const writes = planMerge(
      { type: keptType, record: withoutClocks(kept) } as Mergeable,
      { type: mergedType, record: withoutClocks(merged) } as Mergeable,
      choices,
      references,
    );
    await applyWrites(context, writes);
  });
}

/** Where a pull's pages leave the lieux and people whose references may have to move. */
const REDIRECT_KEY = 'mergeRedirects';
type Candidates = Partial<Record<MergeableType, string[]>>;

/**
 * On each pulled page, in its transaction: notes the records merged on another device
 * (tombstones with `mergedInto`) and those that pulled records point at, for `redirectMerged`
 * after the pull's last page. Kept in the database, so a pull cut short leaves them for the next.
 */
export async function noteMergeCandidates(context: DataContext, changes: readonly Change[]): Promise<void> {
  const noted = ((await context.db.meta.get(REDIRECT_KEY))?.value as Candidates | undefined) ?? {};
  let grew = false;
  for (const type of MERGEABLE_TYPES) {
    const ids = new Set(noted[type] ?? []);
    const before = ids.size;
    // Of the ids the page refers to, only merged ones matter: the few entries of the
    // `mergedInto` index (this page's tombstones included, written first in this transaction).
    // A tombstone pulled on a later page is noted by that page.
    const merged = new Set(await context.db.anyRecords(type).orderBy('mergedInto').primaryKeys());
    for (const change of changes) {
      if (change.type === type && change.data.mergedInto) ids.add(change.id);
      for (const id of referencedIds(type, change)) if (merged.has(id)) ids.add(id);
    }
    if (ids.size === before) continue;
    noted[type] = [...ids];
    grew = true;
  }
  if (grew) await context.db.meta.put({ key: REDIRECT_KEY, value: noted });
}

/**
 * After a pull's last page: references to the noted records that were merged into others move
 * to the kept record — so a visit written offline against the old id lands on the kept lieu.
 * Not page by page: a redirect written on an early page would be stamped older than a later
 * page's newer move of the same reference, and the device would keep its own stale value over
 * it. Every device that sees the tombstone writes the same values.
 */
export async function redirectMerged(context: DataContext): Promise<void> {
  const { db } = context;
  await db.transaction('rw', allTables(context), async () => {
    const noted = (await db.meta.get(REDIRECT_KEY))?.value as Candidates | undefined;
    if (!noted) return;
    for (const type of MERGEABLE_TYPES) {
      const candidates = noted[type] ?? [];
      if (candidates.length > 0) await redirectType(context, type, candidates);
    }
    await db.meta.delete(REDIRECT_KEY);
  });
}

async function redirectType(context: DataContext, type: MergeableType, candidates: readonly string[]): Promise<void> {
  const table = context.db.anyRecords(type);
  const merged = (await table.bulkGet([...candidates])).filter(
    (record): record is LooseRecord => !!record?.deleted && typeof record.mergedInto === 'string',
  );
  if (merged.length === 0) return;
  const known = new Map<string, LooseRecord>(merged.map((record) => [record.id, record]));
  const intoOf = (id: string) => known.get(id)?.mergedInto as string | null | undefined;
  // Chains are short (a merge of a merge): load each next link until every chain ends.
  for (let round = 0; round < 10; round++) {
    const missing = [...known.values()]
      .map((record) => intoOf(record.id))
      .filter((id): id is string => !!id && !known.has(id));
    if (missing.length === 0) break;
    for (const record of await table.bulkGet(missing)) if (record) known.set(record.id, record);
  }
  // The names whose follow-ups and loans may move below: the merged people's, and those of the
  // people merged earlier into the records they now go to (namesLeftByEarlierMerges, a subset).
  const names = new Set(merged.map((record) => String(record.name ?? '')));
  if (type === 'contacts')
    for (const record of merged)
      for (const name of await namesMergedInto(context, mergeTarget(record.id, intoOf).target)) names.add(name);
  const references = await readReferences(
    context,
    type,
    merged.map((record) => record.id),
    [...names],
  );
  // This pull's tombstones have their names moved by planRedirect (from `references` as read
  // before): not again below.
  const handledNames = new Set(merged.map((record) => String(record.name ?? '')));
  const renamedInto = new Set<string>();
  for (const record of merged) {
    const { target, revive } = mergeTarget(record.id, intoOf);
    const kept = known.get(target) ?? (await table.get(target));
    if (!kept || target === record.id) continue;
    if (revive && kept.deleted)
      await updateRecord(context, type, target, { deleted: false, mergedInto: null }, { tombstones: true });
    const names = { from: String(record.name ?? ''), to: String(kept.name ?? '') };
    await applyWrites(context, planRedirect(type, record.id, target, references, names));
    if (type !== 'contacts' || renamedInto.has(target)) continue;
    renamedInto.add(target);
    // A merge that renamed the kept person moved her loans and follow-ups on the device that
    // made it (planMerge), not those another device wrote meanwhile under her old name. Where
    // that old name was a person merged into her earlier, it names only a tombstone now: those
    // come to her current name too.
    for (const from of await namesLeftByEarlierMerges(context, target))
      if (!handledNames.has(from)) await applyWrites(context, planRenames(references, from, names.to));
  }
}

/** Names of people merged into `target` that no live person bears. */
async function namesLeftByEarlierMerges(context: DataContext, target: string): Promise<string[]> {
  const names = await namesMergedInto(context, target);
  if (names.length === 0) return [];
  // Through the name index: only the people bearing one of those names are read.
  const bearers = await context.db.anyRecords('contacts').where('name').anyOf(names).toArray();
  const liveNames = new Set(bearers.filter((record) => !record.deleted).map((record) => String(record.name ?? '')));
  return names.filter((name) => !liveNames.has(name));
}

/** Names of the people merged into `target`. */
async function namesMergedInto(context: DataContext, target: string): Promise<string[]> {
  const earlier = await context.db.anyRecords('contacts').where('mergedInto').equals(target).toArray();
  return [...new Set(earlier.filter((record) => record.deleted).map((record) => String(record.name ?? '')))];
}

function referencedIds(type: MergeableType, change: Change): string[] {
  const data = change.data;
  const ids: unknown[] = [];
  if (type === 'organisations') {
    ids.push(data.organisationId, data.placeOrganisationId);
    if (change.type === 'contacts') ids.push(...((data.organisationIds as unknown[]) ?? []));
    if (change.type === 'attachments' && data.ownerType === 'organisations') ids.push(data.ownerId);
  } else {
    if (change.type === 'visits') ids.push(...((data.contactIds as unknown[]) ?? []));
    if (change.type === 'events') ids.push(...Object.keys((data.attendees as object | undefined) ?? {}));
  }
  return ids.filter((id): id is string => typeof id === 'string');
}

/**
 * The live records that may point at these lieux or people, read by index: the records naming
 * one of `ids`, and the follow-ups and loans under one of `names` (people only: owners and
 * holders are names, not links).
 */
async function readReferences(
  context: DataContext,
  type: MergeableType,
  ids: readonly string[],
  names: readonly string[],
): Promise<References> {
  const { db } = context;
  const naming = async (table: RecordType, index: string, keys: readonly string[]) =>
    (await db.anyRecords(table).where(index).anyOf(keys).distinct().toArray())
      .filter((row) => !row.deleted)
      .map(withoutClocks) as never[];
  const none = { visits: [], events: [], diagnostics: [], contacts: [], attachments: [], followUps: [], loans: [] };
  if (type === 'organisations') {
    return {
      ...none,
      visits: await naming('visits', 'organisationId', ids),
      diagnostics: await naming('diagnostics', 'organisationId', ids),
      contacts: await naming('contacts', 'organisationIds', ids),
      attachments: await naming('attachments', 'ownerId', ids),
      events: await naming('events', 'placeOrganisationId', ids),
    };
  }
  return {
    ...none,
    visits: await naming('visits', 'contactIds', ids),
    events: await naming('events', ATTENDEE_IDS, ids),
    followUps: await naming('followUps', 'owner', names),
    loans: await naming('loans', 'holderName', names),
  };
}

async function applyWrites(context: DataContext, writes: readonly PlannedWrite[]): Promise<void> {
  for (const write of writes) {
    if (write.kind === 'update') await updateRecord(context, write.type, write.id, write.changes as never);
    else await setMapEntries(context, write.type, write.id, write.field, write.entries);
  }
}

/**
 * Likely duplicates of one lieu or person among the live ones, with why each is suggested: the
 * records sharing one of its duplicate keys, read from their index, and paired in the table's
 * order as if every record had been read (a pair sharing two keys gets the same reason).
 */
export async function duplicatesOf(
  context: DataContext,
  type: MergeableType,
  id: string,
): Promise<{ record: Mergeable['record']; reason: DuplicateReason }[]> {
  const table = context.db.anyRecords(type);
  const record = await table.get(id);
  const keys = record ? duplicateKeys(type, record) : [];
  if (keys.length === 0) return [];
  const sharing = await table.where(DUPLICATE_KEYS).anyOf(keys).distinct().toArray();
  const rows = sharing
    .filter((row) => !row.deleted)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map(withoutClocks) as never[];
  const pairs = type === 'organisations' ? lieuDuplicates(rows) : personDuplicates(rows);
  const byId = new Map((rows as Mergeable['record'][]).map((row) => [row.id, row]));
  return pairs
    .filter((pair) => pair.ids.includes(id))
    .map((pair) => ({
      record: byId.get(pair.ids[0] === id ? pair.ids[1] : pair.ids[0]) as Mergeable['record'],
      reason: pair.reason,
    }));
}

/**
 * Where a lieu or person merged into another lives now (chains followed, a loop resolved as
 * every device resolves it): the kept record's id, or null if `id` was not merged.
 */
export async function keptRecordOf(context: DataContext, type: MergeableType, id: string): Promise<string | null> {
  const table = context.db.anyRecords(type);
  const known = new Map<string, LooseRecord>();
  const intoOf = (each: string) => {
    const record = known.get(each);
    return record?.deleted && typeof record.mergedInto === 'string' ? record.mergedInto : null;
  };
  for (let next: string | null = id; next && !known.has(next); next = intoOf(next)) {
    const record = await table.get(next);
    if (!record) break;
    known.set(next, record);
  }
  const { target } = mergeTarget(id, intoOf);
  return target !== id && known.has(target) ? target : null;
}
