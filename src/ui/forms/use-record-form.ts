// The one form kit: every form that edits records keeps what is typed in a draft on every
// change, knows whether it differs from what is saved, shows the domain's refusals beside the
// fields, and saves through one repository call (one transaction, the draft removed in it).
import { useEffect, useRef, useState } from 'preact/hooks';
import { deleteDraft, saveDraft, saveDraftFiles } from '../../db/drafts';
import { isStorageFull, RecordValidationError } from '../../db/errors';
import { createIntoDraft } from '../../db/form-save';
import type { NewRecord, RecordMap, RecordType } from '../../domain/record-types';
import { newRecordIssues } from '../../domain/validation';
import { navigate, routeStore } from '../../state/router';
import { useUnsavedInput } from '../hooks/use-unsaved-input';
import { useLanguage } from '../i18n/messages';
import { issuesByField } from '../i18n/validation';
import { DRAFT_PARAM, noteDraftNamed } from './draft-param';
import { focusFirstError } from './focus-first-error';
import type { FormStart } from './use-form-start';

export type FieldErrors = Record<string, string>;
type FormProblem = 'errors' | 'storage_full' | 'failed' | 'failed_unkept';

type StringKey<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;
type TextEvent = { currentTarget: { value: string } };

interface RecordFormOptions<V, R, F> {
  /**
   * The repository call that writes everything the form holds, and forgets `draftId` in it.
   * `opened`: an edit's values as the form opened them (null for a new record), for the
   * repository to write only the fields that differ from them (src/domain/form-changes.ts).
   */
  save: (values: V, files: F[], draftId: string, opened: V | null) => Promise<R>;
  /** After the save: usually a navigation to the record. */
  onSaved: (result: R, values: V) => void;
  /**
   * Problems found before writing (a date that does not parse), by form field. `opened` as for
   * `save`; `form` the form's element, whose controls say what the browser could not read.
   */
  check?: (values: V, opened: V | null, form: HTMLFormElement | null) => FieldErrors;
  /**
   * The record the save would write: when `check` finds a problem, what the domain would refuse
   * in these fields shows beside it at once (an empty title beside a broken link), rather than
   * one problem per press of « Enregistrer ».
   */
  record?: (values: V) => { type: RecordType; fields: object };
  /** The record's field that a form field shows, when named differently ("startsAt" → "startDate"). */
  fieldOf?: Record<string, string>;
  /** Errors other than the domain's (a file too large), by form field; null for an unknown failure. */
  errorsOf?: (error: unknown) => FieldErrors | null;
  /** A few words naming the draft in the list of drafts. */
  describe?: (values: V) => string;
}

export interface RecordForm<V, F> {
  values: V;
  files: F[];
  /** The values differ from the saved record (or the empty form). */
  dirty: boolean;
  errors: FieldErrors;
  /**
   * Something to fix ('errors'), a save the device had no room for ('storage_full'), or a save
   * that failed for another reason, the input kept in its draft ('failed') or, its draft not
   * written either, only on screen ('failed_unkept': the database closed by another tab's
   * newer version, or deleted by the browser).
   */
  problem: FormProblem | null;
  saving: boolean;
  restoredAt: string | null;
  set: <K extends keyof V>(key: K, value: V[K]) => void;
  change: (patch: Partial<V>) => void;
  /**
   * Creates a record inside the form (a lieu or a person from a picker's « Créer ») and changes
   * the form by `patch` of it, the draft written with the record in one transaction: a killed
   * tab never leaves the record made while the draft still holds the inline form that made it.
   * Rejects as the creation does (a refused field), the form and its draft unchanged.
   */
  createWithin: <K extends RecordType>(
    type: K,
    fields: NewRecord<K>,
    patch: (record: RecordMap[K], values: V) => Partial<V>,
  ) => Promise<RecordMap[K]>;
  setFiles: (files: F[]) => void;
  /** Value, input handler and error of a text field: `<Field label="Nom" {...form.bind('name')} />`. */
  bind: (key: StringKey<V>) => { value: string; onInput: (event: TextEvent) => void; error: string | undefined };
  submit: (event?: Event) => Promise<void>;
  /** Forgets the draft and goes back to the saved values (the caller has asked the person). */
  discard: () => Promise<void>;
  formRef: { current: HTMLFormElement | null };
}

export function useRecordForm<V extends object, R, F = never>(
  start: FormStart<V, F>,
  options: RecordFormOptions<V, R, F>,
): RecordForm<V, F> {
  const lang = useLanguage();
  const { context, draftId } = start;
  const [values, setValues] = useState(start.values);
  const [files, setFilesState] = useState(start.files);
  const [restoredAt, setRestoredAt] = useState(start.restoredAt);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [saving, setSaving] = useState(false);
  const [pending, setPending] = useState(0);
  // The last draft write failed (a full device, a closed database): the input is only on
  // screen until one succeeds. A ref as well, for the save that awaits that very write.
  const [draftFailed, setDraftFailed] = useState(false);
  const draftLost = useRef(false);
  const noteDraft = (failed: boolean) => {
    draftLost.current = failed;
    setDraftFailed(failed);
  };
  const formRef = useRef<HTMLFormElement>(null);
  // Draft writes run one after the other and the save waits for them; once saving, none is
  // started: a late draft write must never bring back the draft of a record just saved.
  const writes = useRef<Promise<void>>(Promise.resolve());
  const closed = useRef(false);
  const address = useRef(routeStore.getState().route.path);
  const latest = useRef(values);
  latest.current = values;
  // Only input not yet in IndexedDB is at risk: once in the draft, a reload gives it back.
  useUnsavedInput(pending > 0 || draftFailed);

  // What a draft write left undone because a save was running: written again if that save is
  // refused, else the draft would lack what was typed (or the photos picked) meanwhile.
  const dropped = useRef({ values: false, files: false });
  const keep = (write: () => Promise<void>, withFiles: boolean) => {
    const drop = () => {
      dropped.current = { values: true, files: dropped.current.files || withFiles };
    };
    if (closed.current) return drop();
    setPending((count) => count + 1);
    writes.current = writes.current
      .then(async () => {
        if (closed.current) return drop();
        await write();
        noteDraft(false);
      })
      .catch((error: unknown) => {
        console.error('draft not written', error);
        noteDraft(true);
      })
      .finally(() => setPending((count) => count - 1));
  };
  const draftOf = (next: V) => ({
    id: draftId,
    kind: start.kind,
    recordId: start.recordId,
    values: { ...next } as Record<string, unknown>,
    ...(options.describe ? { title: options.describe(next) } : {}),
  });
  const drafted = () => {
    if (start.recordId === null) rememberDraftInAddress(address.current, draftId);
  };
  const latestFiles = useRef(files);
  // The values as they are when the write runs, not when it was asked for: a write asked for
  // while a record made inside the form was being stored writes that record in too. Of the
  // writes waiting their turn, only the last runs (the others would write the same values),
  // but never one that writes files: the draft, written first, must exist for them to be
  // offered back.
  const asked = useRef(0);
  const writeDraft = (withFiles = false) => {
    const turn = ++asked.current;
    keep(async () => {
      if (turn !== asked.current && !withFiles) return;
      await saveDraft(context, draftOf(latest.current));
      drafted();
      if (withFiles) await saveDraftFiles(context, draftId, latestFiles.current);
    }, withFiles);
  };

  const apply = (patch: Partial<V>) => {
    latest.current = { ...latest.current, ...patch };
    setValues(latest.current);
    // A field changed is no longer wrong as said (by the errors of now: a record made inside the
    // form is applied after an await).
    setErrors((current) => {
      if (!Object.keys(patch).some((key) => current[key])) return current;
      const rest = { ...current };
      for (const key of Object.keys(patch)) delete rest[key];
      return rest;
    });
  };
  const change = (patch: Partial<V>) => {
    apply(patch);
    writeDraft();
  };
  const createWithin: RecordForm<V, F>['createWithin'] = (type, fields, patch) => {
    // After the draft writes asked for before it, which would otherwise put the inline form back.
    const created = writes.current.then(async () => {
      const record = await createIntoDraft(context, type, fields, (made) =>
        draftOf({ ...latest.current, ...patch(made, latest.current) }),
      );
      apply(patch(record, latest.current));
      noteDraft(false);
      drafted();
      return record;
    });
    writes.current = created.then(
      () => undefined,
      () => undefined,
    );
    return created;
  };
  const setFiles = (next: F[]) => {
    setFilesState(next);
    latestFiles.current = next;
    writeDraft(true);
  };

  useEffect(() => {
    if (problem === 'errors') focusFirstError(formRef.current);
  }, [problem, errors]);

  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    setProblem('errors');
  };

  /** The domain's refusals of the fields the form writes (a field the repository fills is not the form's). */
  const domainErrors = (values: V): FieldErrors => {
    const record = options.record?.(values);
    if (!record) return {};
    const issues = newRecordIssues(record.type, record.fields).filter(
      (issue) => (issue.field.split('.')[0] ?? '') in record.fields,
    );
    return renamed(issuesByField(issues, lang), options.fieldOf);
  };

  const submit = async (event?: Event) => {
    event?.preventDefault();
    if (saving) return;
    const opened = start.recordId === null ? null : start.saved;
    const checked = options.check?.(values, opened, formRef.current) ?? {};
    if (Object.keys(checked).length > 0) {
      showErrors({ ...domainErrors(values), ...checked });
      return;
    }
    setSaving(true);
    setProblem(null);
    try {
      await writes.current;
      closed.current = true;
      dropped.current = { values: false, files: false };
      const result = await options.save(values, files, draftId, opened);
      noteDraft(false);
      options.onSaved(result, values);
    } catch (error) {
      closed.current = false;
      if (dropped.current.values) {
        const { files: withFiles } = dropped.current;
        dropped.current = { values: false, files: false };
        writeDraft(withFiles);
      }
      setSaving(false);
      const found =
        error instanceof RecordValidationError
          ? renamed(issuesByField(error.issues, lang), options.fieldOf)
          : (options.errorsOf?.(error) ?? null);
      if (found) showErrors(found);
      else {
        console.error(error);
        setProblem(isStorageFull(error) ? 'storage_full' : draftLost.current ? 'failed_unkept' : 'failed');
      }
    }
  };

  const discard = async () => {
    closed.current = true;
    await writes.current;
    await deleteDraft(context, draftId);
    closed.current = false;
    // What was typed while the draft went is discarded with it.
    dropped.current = { values: false, files: false };
    latest.current = start.saved;
    latestFiles.current = [];
    setValues(start.saved);
    setFilesState([]);
    setRestoredAt(null);
    noteDraft(false);
    setErrors({});
    setProblem(null);
  };

  return {
    values,
    files,
    dirty: JSON.stringify(values) !== JSON.stringify(start.saved) || files.length > 0,
    errors,
    problem,
    saving,
    restoredAt,
    set: (key, value) => change({ [key]: value } as unknown as Partial<V>),
    bind: (key) => ({
      value: values[key] as string,
      onInput: (event) => change({ [key]: event.currentTarget.value } as unknown as Partial<V>),
      error: errors[key],
    }),
    change,
    createWithin,
    setFiles,
    submit,
    discard,
    formRef,
  };
}

function renamed(errors: FieldErrors, fieldOf: Record<string, string> | undefined): FieldErrors {
  if (!fieldOf) return errors;
  const out: FieldErrors = {};
  for (const [field, text] of Object.entries(errors)) out[fieldOf[field] ?? field] = text;
  return out;
}

/**
 * A new record's form names its draft in the address once there is one, so a reload (or the
 * tab coming back) reopens this draft rather than a blank form beside it.
 */
function rememberDraftInAddress(formPath: string, draftId: string): void {
  const route = routeStore.getState().route;
  // Gone elsewhere meanwhile: the address is no longer the form's.
  if (route.path !== formPath || route.query[DRAFT_PARAM] === draftId) return;
  noteDraftNamed(draftId);
  const query = new URLSearchParams({ ...route.query, [DRAFT_PARAM]: draftId });
  navigate(`#${route.path}?${query}`, { replace: true });
}
