// Unsaved forms, kept on every keystroke so a killed tab never loses input. Local to the
// device: a draft never syncs (it is not a record yet).
import type { DataContext } from './context';
import type { Draft } from './schema';

export type { Draft };

/** Stores (or replaces) the draft of a form. */
export async function saveDraft(context: DataContext, draft: Omit<Draft, 'updatedAt'>): Promise<void> {
  await context.db.drafts.put({ ...draft, updatedAt: new Date().toISOString() });
}

/** The draft with this id, if one is waiting. */
export function getDraft(context: DataContext, id: string): Promise<Draft | undefined> {
  return context.db.drafts.get(id);
}

/** Drafts of a kind of form ("visit"), the most recent first. */
export async function draftsOfKind(context: DataContext, kind: string): Promise<Draft[]> {
  const drafts = await context.db.drafts.where('kind').equals(kind).toArray();
  return drafts.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
}

/** Forgets a draft (after saving the form, or when the person discards it). */
export function deleteDraft(context: DataContext, id: string): Promise<void> {
  return context.db.drafts.delete(id);
}
