// Unsaved forms, kept on every keystroke so a killed tab never loses input. Local to the
// device: a draft never syncs (it is not a record yet). A new record's form gets a draft of its
// own each time it is opened, so several half-written visits can wait side by side; an edit
// form has one draft per record. Heavy parts (photos, files) live in a companion draft written
// only when they change, not on every keystroke.
import type { DataContext } from './context';
import { FILES_KIND } from './draft-count';
import type { Draft } from './schema';

export type { Draft };

/** Id of the companion draft holding the files of a form's draft. */
const filesDraftId = (draftId: string) => `${draftId}-files`;

/** The draft id of the edit form of a record (one per record). */
export const editDraftId = (kind: string, recordId: string) => `${kind}-edit-${recordId}`;

/** Stores (or replaces) the draft of a form. */
export async function saveDraft(context: DataContext, draft: Omit<Draft, 'updatedAt'>): Promise<void> {
  await context.db.drafts.put({ ...draft, updatedAt: new Date().toISOString() });
}

/** Stores the files of a form's draft beside it (written only when the files change). */
export async function saveDraftFiles(context: DataContext, draftId: string, files: unknown[]): Promise<void> {
  await saveDraft(context, { id: filesDraftId(draftId), kind: FILES_KIND, recordId: null, values: { files } });
}

/** The draft with this id, if one is waiting. */
export function getDraft(context: DataContext, id: string): Promise<Draft | undefined> {
  return context.db.drafts.get(id);
}

/** The files kept with a draft (none when the draft itself is gone). */
export async function draftFiles<T>(context: DataContext, draftId: string): Promise<T[]> {
  const [draft, files] = await context.db.drafts.bulkGet([draftId, filesDraftId(draftId)]);
  return draft ? ((files?.values.files as T[] | undefined) ?? []) : [];
}

/** Drafts of some kinds of form ("visit"), or of every kind, the most recent first. */
export async function listDrafts(context: DataContext, kinds?: readonly string[]): Promise<Draft[]> {
  const drafts = kinds
    ? await context.db.drafts
        .where('kind')
        .anyOf([...kinds])
        .toArray()
    : await context.db.drafts.where('kind').notEqual(FILES_KIND).toArray();
  return drafts.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
}

/**
 * Forgets a draft and its files (after saving the form — inside the save's transaction — or
 * when the person confirmed discarding it).
 */
export async function deleteDraft(context: DataContext, id: string): Promise<void> {
  await context.db.drafts.bulkDelete([id, filesDraftId(id)]);
}
