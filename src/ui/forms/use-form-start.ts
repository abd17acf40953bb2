// Where a form starts: the record's values (or empty ones) and, over them, the draft waiting
// for this form, read once when the form opens (not live: a sync must not overwrite what is
// being typed). The draft id is chosen once: the edit form of a record has one; a new record's
// form gets a fresh one unless the address names a draft to resume (`?brouillon=…`).
import { useEffect, useState } from 'preact/hooks';
import type { DataContext } from '../../db/context';
import { draftFiles, editDraftId, getDraft } from '../../db/drafts';
import { useDataContext } from '../hooks/use-data-context';
import { newDraftId } from './draft-param';

export interface FormStart<V, F = never> {
  context: DataContext;
  kind: string;
  draftId: string;
  /** The record being edited, or null for a new one. */
  recordId: string | null;
  /** The values of the record (or the empty form): what "dirty" compares with. */
  saved: V;
  /** The values the form opens with: the draft's over the saved ones. */
  values: V;
  files: F[];
  /** When the draft given back was last written; null when the form starts fresh. */
  restoredAt: string | null;
}

interface FormTarget {
  /** The kind of form ("visit", "lieu"…), as listed in the drafts. */
  kind: string;
  /** The record to edit, or null for a new one. */
  recordId: string | null;
  /** A draft named by the address (resumed from the list of drafts). */
  draftId?: string | undefined;
}

/**
 * `undefined` while reading, `'missing'` when the record to edit does not exist (or is
 * deleted). `load` gives the form's values of the record, or of a new one when `recordId` is null.
 */
export function useFormStart<V, F = never>(
  target: FormTarget,
  load: (context: DataContext, recordId: string | null) => Promise<V | undefined>,
): FormStart<V, F> | 'missing' | undefined {
  const context = useDataContext();
  const [draftId] = useState(
    () => target.draftId ?? (target.recordId ? editDraftId(target.kind, target.recordId) : newDraftId(target.kind)),
  );
  const [start, setStart] = useState<FormStart<V, F> | 'missing'>();
  useEffect(() => {
    if (!context) return;
    let active = true;
    void (async () => {
      const [saved, draft, files] = await Promise.all([
        load(context, target.recordId),
        getDraft(context, draftId),
        draftFiles<F>(context, draftId),
      ]);
      if (!active) return;
      if (saved === undefined) {
        setStart('missing');
        return;
      }
      setStart({
        context,
        kind: target.kind,
        draftId,
        recordId: target.recordId,
        saved,
        values: draft ? { ...saved, ...(draft.values as Partial<V>) } : saved,
        files,
        restoredAt: draft?.updatedAt ?? null,
      });
    })();
    return () => {
      active = false;
    };
  }, [context, draftId, target.recordId]);
  return start;
}

/** The `load` of a form whose values come from one record: `valuesOf(null)` for a new one. */
export function fromRecord<T, V>(
  read: (context: DataContext, id: string) => Promise<T | undefined>,
  valuesOf: (record: T | null) => V,
): (context: DataContext, recordId: string | null) => Promise<V | undefined> {
  return async (context, recordId) => {
    if (recordId === null) return valuesOf(null);
    const record = await read(context, recordId);
    return record ? valuesOf(record) : undefined;
  };
}
