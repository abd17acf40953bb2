// The valise's repository: items curated by admins and suggested by concierges, loans of the
// physical kit, packing lists ticked offline. Every write goes through writes.ts.
import type { Attachment } from '../domain/attachment';
import { changedSince } from '../domain/form-changes';
import type { Loan, PackingList, ToolboxItem } from '../domain/toolbox';
import { resetEntries, tripFromTemplate } from '../domain/toolbox/packing';
import type { Role } from '../domain/vocabulary';
import { attachHashed, hashFile, listAttachments, type NewAttachment } from './attachments';
import type { DataContext } from './context';
import { editDraftId } from './drafts';
import { RecordNotFoundError } from './errors';
import { saveWithDraft } from './form-save';
import { OPEN_ITEM } from './open-keys';
import { withoutClocks } from './reads';
import { createRecord, deleteRecord, setMapEntries, updateRecord, writeDated } from './writes';

/** Before joining, a device curates its own valise; once joined, the network's role decides. */
function toolboxRole(context: DataContext): Role {
  return context.session?.role ?? 'admin';
}

export interface ToolboxView {
  items: ToolboxItem[];
  /** Open loans of every kit item. */
  loans: Loan[];
  lists: PackingList[];
  /** The member reading (the owner of the trips they start); empty on a device not joined. */
  me: string;
}

export async function readToolbox(context: DataContext): Promise<ToolboxView> {
  const { db } = context;
  const [items, loans, lists] = await Promise.all([
    db
      .records('toolboxItems')
      .filter((item) => !item.deleted)
      .toArray(),
    db.records('loans').orderBy(OPEN_ITEM).toArray(),
    db
      .records('packingLists')
      .filter((list) => !list.deleted)
      .toArray(),
  ]);
  const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title, 'fr');
  return {
    items: items.map(withoutClocks).sort(byTitle),
    loans: loans.map(withoutClocks),
    lists: lists.map(withoutClocks).sort(byTitle),
    me: context.authorName,
  };
}

interface ItemView {
  item: ToolboxItem;
  loans: Loan[];
  attachment: Attachment | null;
  /** Packing lists that name this item. */
  usedBy: PackingList[];
}

export async function readItem(context: DataContext, id: string): Promise<ItemView | null> {
  const { db } = context;
  const item = await db.records('toolboxItems').get(id);
  if (!item || item.deleted) return null;
  const [loans, attachments, lists] = await Promise.all([
    db.records('loans').where('itemId').equals(id).toArray(),
    listAttachments(context, id),
    listsHolding(context, id),
  ]);
  const attachment = attachments.find((file) => file.id === item.attachmentId) ?? attachments.at(-1) ?? null;
  return {
    item: withoutClocks(item),
    loans: loans.filter((loan) => !loan.deleted).map(withoutClocks),
    attachment,
    usedBy: lists.map(withoutClocks),
  };
}

export type ItemInput = Pick<
  ToolboxItem,
  'kind' | 'title' | 'description' | 'link' | 'tags' | 'shelf' | 'availableOffline' | 'quantity'
>;

/** A new item: published by a curator, suggested by a concierge (an admin then publishes it). */
async function addItem(context: DataContext, input: ItemInput): Promise<ToolboxItem> {
  const status = toolboxRole(context) === 'admin' ? 'published' : 'suggested';
  return createRecord(context, 'toolboxItems', { ...input, status });
}

/** A file chosen in the item form, not stored yet. */
export type ChosenFile = Omit<NewAttachment, 'ownerType' | 'ownerId' | 'kind'>;

/**
 * The item form's save: the item, its new file (bytes and record, hashed first) and the link
 * from the item to that file, in one transaction that also forgets the form's draft — a crash
 * can no longer leave the file out of the offline set. An edit writes only the fields that
 * differ from `opened`, the item as the form opened it.
 */
export async function saveItem(
  context: DataContext,
  id: string | null,
  input: ItemInput,
  file: ChosenFile | null,
  draftId: string | null,
  opened: ItemInput | null = null,
): Promise<ToolboxItem> {
  const hashed = file
    ? await hashFile(context, { ...file, kind: file.mimeType.startsWith('image/') ? 'photo' : 'file' })
    : null;
  const { db } = context;
  const tables = [db.records('toolboxItems'), db.records('attachments'), db.blobs];
  return saveWithDraft(context, tables, draftId, async () => {
    const saved = id
      ? await updateRecord(context, 'toolboxItems', id, opened ? changedSince(input, opened) : input)
      : await addItem(context, input);
    if (!hashed) return saved;
    const attachment = await attachHashed(context, { ownerType: 'toolboxItems', ownerId: saved.id }, hashed);
    return updateRecord(context, 'toolboxItems', saved.id, { attachmentId: attachment.id });
  });
}

export function publishItem(context: DataContext, id: string): Promise<ToolboxItem> {
  return updateRecord(context, 'toolboxItems', id, { status: 'published' });
}

/** Deletes an item and takes it out of every packing list, in one transaction. */
export async function removeItem(context: DataContext, id: string): Promise<void> {
  const { db } = context;
  await db.transaction('rw', [db.records('toolboxItems'), db.records('packingLists'), db.outbox, db.meta], async () => {
    for (const list of await listsHolding(context, id)) {
      await updateRecord(context, 'packingLists', list.id, { itemIds: list.itemIds.filter((itemId) => itemId !== id) });
    }
    await deleteRecord(context, 'toolboxItems', id);
  });
}

/**
 * "Je l'emprunte": a loan of its own, so two offline borrows never undo each other; `dueOn`, the
 * day it should be back, when the borrower says.
 */
export function borrow(
  context: DataContext,
  itemId: string,
  holderName: string,
  { count = 1, dueOn = null }: { count?: number; dueOn?: string | null } = {},
): Promise<Loan> {
  return writeDated(context, 'loans', (now) =>
    createRecord(context, 'loans', {
      itemId,
      holderName,
      count,
      borrowedAt: now,
      returnedAt: null,
      ...(dueOn ? { dueOn } : {}),
    }),
  );
}

/** "Je le rends": closes the loan; returning twice (two devices) keeps it returned. */
export function giveBack(context: DataContext, loanId: string): Promise<Loan> {
  return writeDated(context, 'loans', (now) => updateRecord(context, 'loans', loanId, { returnedAt: now }));
}

export interface PackingListView {
  list: PackingList;
  items: ToolboxItem[];
  template: PackingList | null;
  /** Open loans of the list's kit: "the projector is with Hugo". */
  loans: Loan[];
}

export async function readPackingList(context: DataContext, id: string): Promise<PackingListView | null> {
  const { db } = context;
  const list = await db.records('packingLists').get(id);
  if (!list || list.deleted) return null;
  const [items, template, loans] = await Promise.all([
    db.records('toolboxItems').bulkGet(list.itemIds),
    list.templateId ? db.records('packingLists').get(list.templateId) : undefined,
    db.records('loans').where(OPEN_ITEM).anyOf(list.itemIds).toArray(),
  ]);
  return {
    list: withoutClocks(list),
    items: items
      .filter((item) => item !== undefined && !item.deleted)
      .map((item) => withoutClocks(item as typeof item & {})),
    template: template && !template.deleted ? withoutClocks(template) : null,
    loans: loans.map(withoutClocks),
  };
}

/** A trip made from a template ("Stand sur un salon" of the 12 March), nothing packed yet. */
export async function startTrip(
  context: DataContext,
  templateId: string,
  tripDate: string | null,
): Promise<PackingList> {
  const template = await context.db.records('packingLists').get(templateId);
  if (!template || template.deleted) throw new RecordNotFoundError('packingLists', templateId);
  return createRecord(context, 'packingLists', {
    ...tripFromTemplate(template, tripDate),
    notes: null,
    owner: context.authorName || null,
  });
}

export function newTemplate(
  context: DataContext,
  input: Pick<PackingList, 'title' | 'tripKind' | 'itemIds'>,
): Promise<PackingList> {
  return createRecord(context, 'packingLists', { ...input, isTemplate: true, templateId: null, packed: {} });
}

/** The draft of the packing-list editor: one per list, and one for a new list. */
export const packingListDraftId = (listId: string | null) =>
  listId ? editDraftId('packing-list', listId) : 'packing-list-new';

/** Saves the packing-list editor (a new template when `listId` is null), forgetting its draft with it. */
export function savePackingListForm(
  context: DataContext,
  listId: string | null,
  input: Pick<PackingList, 'title' | 'tripKind' | 'itemIds'>,
): Promise<PackingList> {
  return saveWithDraft(context, [context.db.records('packingLists')], packingListDraftId(listId), () =>
    listId ? editPackingList(context, listId, input) : newTemplate(context, input),
  );
}

function editPackingList(
  context: DataContext,
  id: string,
  changes: Partial<Pick<PackingList, 'title' | 'tripKind' | 'tripDate' | 'itemIds' | 'notes'>>,
): Promise<PackingList> {
  return updateRecord(context, 'packingLists', id, changes);
}

/** Ticks one line: only that entry travels, so two people packing the same list both count. */
export function setPacked(context: DataContext, listId: string, itemId: string, packed: boolean): Promise<PackingList> {
  return setMapEntries(context, 'packingLists', listId, 'packed', { [itemId]: packed ? true : null });
}

/** Unticks every line for the next trip. */
export async function resetPacking(context: DataContext, listId: string): Promise<PackingList> {
  const list = await context.db.records('packingLists').get(listId);
  if (!list || list.deleted) throw new RecordNotFoundError('packingLists', listId);
  return setMapEntries(context, 'packingLists', listId, 'packed', resetEntries(list));
}

export function removePackingList(context: DataContext, id: string): Promise<PackingList> {
  return deleteRecord(context, 'packingLists', id);
}

/** The live lists that hold an item: those its page names, and that deleting it takes it out of. */
async function listsHolding(context: DataContext, itemId: string) {
  const lists = await context.db.records('packingLists').where('itemIds').equals(itemId).toArray();
  return lists.filter((list) => !list.deleted);
}
