import { act, renderHook, waitFor } from '@testing-library/preact';
import { describe, expect, test } from 'vitest';
import { appData } from '../../../../src/db/app-data';
import { getContact } from '../../../../src/db/contacts';
import type { DataContext } from '../../../../src/db/context';
import { getDraft, listDrafts, saveDraft } from '../../../../src/db/drafts';
import { openFollowUps } from '../../../../src/db/follow-ups';
import { saveRecordForm } from '../../../../src/db/form-save';
import { listVisits, saveVisit } from '../../../../src/db/visits';
import { createRecord, updateRecord } from '../../../../src/db/writes';
import { uiStore } from '../../../../src/state/ui';
import { type FormStart, fromRecord, useFormStart } from '../../../../src/ui/forms/use-form-start';
import { useRecordForm } from '../../../../src/ui/forms/use-record-form';

interface Values {
  notes: string;
  followUp: string;
}

const EMPTY: Values = { notes: '', followUp: '' };

function startOf(context: DataContext, draftId: string, values: Values = EMPTY): FormStart<Values> {
  return {
    context,
    kind: 'visit',
    draftId,
    recordId: null,
    saved: EMPTY,
    values,
    files: [],
    restoredAt: null,
  };
}

/** The visit form's save in small: a visit and its follow-up, one repository call. */
function useVisitForm(start: FormStart<Values>, saved: string[] = []) {
  return useRecordForm(start, {
    save: (values, _files, draftId) =>
      saveVisit(start.context, {
        id: null,
        visit: { visitedAt: '2026-03-03T09:00:00.000Z', notes: values.notes },
        followUps: [{ text: values.followUp }],
        draftId,
      }),
    onSaved: (result) => saved.push(result.visit.id),
    describe: (values) => values.notes.slice(0, 20),
  });
}

describe('the form kit', () => {
  test('keeps every change in the draft and gives it back when the form opens again', async () => {
    const context = await appData();
    const first = renderHook(() => useVisitForm(startOf(context, 'visit-new-restore')));
    act(() => first.result.current.set('notes', 'Réunion à la mairie'));
    await waitFor(async () =>
      expect((await getDraft(context, 'visit-new-restore'))?.values.notes).toBe('Réunion à la mairie'),
    );
    expect((await getDraft(context, 'visit-new-restore'))?.title).toBe('Réunion à la mairie');
    first.unmount();

    const again = renderHook(() =>
      useFormStart<Values>({ kind: 'visit', recordId: null, draftId: 'visit-new-restore' }, async () => EMPTY),
    );
    await waitFor(() => expect(again.result.current).toMatchObject({ values: { notes: 'Réunion à la mairie' } }));
    const start = again.result.current as FormStart<Values>;
    expect(start.restoredAt).not.toBeNull();
    expect(start.saved).toEqual(EMPTY);
  });

  test('is dirty while the values differ from the saved ones, and not once they are the same again', async () => {
    const context = await appData();
    const { result } = renderHook(() => useVisitForm(startOf(context, 'visit-new-dirty')));
    expect(result.current.dirty).toBe(false);
    act(() => result.current.set('notes', 'x'));
    expect(result.current.dirty).toBe(true);
    act(() => result.current.set('notes', ''));
    expect(result.current.dirty).toBe(false);
  });

  test('a new form beside a waiting draft leaves the draft alone', async () => {
    const context = await appData();
    await saveDraft(context, { id: 'visit-new-waiting', kind: 'visit', recordId: null, values: { notes: 'à garder' } });
    const { result } = renderHook(() => useFormStart<Values>({ kind: 'visit', recordId: null }, async () => EMPTY));
    await waitFor(() => expect(result.current).toBeDefined());
    const start = result.current as FormStart<Values>;
    expect(start.draftId).not.toBe('visit-new-waiting');
    expect(start.values).toEqual(EMPTY);
    expect((await getDraft(context, 'visit-new-waiting'))?.values.notes).toBe('à garder');
  });

  test('saves the record and its follow-up in one transaction and forgets the draft in it', async () => {
    const context = await appData();
    const saved: string[] = [];
    const { result } = renderHook(() => useVisitForm(startOf(context, 'visit-new-save'), saved));
    act(() => result.current.change({ notes: 'Projet de fablab', followUp: 'Envoyer la fiche' }));
    await act(() => result.current.submit());
    expect(saved).toHaveLength(1);
    expect(await getDraft(context, 'visit-new-save')).toBeUndefined();
    expect((await openFollowUps(context)).map((item) => item.text)).toContain('Envoyer la fiche');
    // A change arriving after the save does not bring the draft back.
    act(() => result.current.set('notes', 'trop tard'));
    expect((await listDrafts(context)).map((draft) => draft.id)).not.toContain('visit-new-save');
  });

  test('a refused part rolls the whole save back: nothing of the form is written, the draft is kept, the error is beside its field', async () => {
    const context = await appData();
    const before = (await listVisits(context, { limit: 1000 })).length;
    const saved: string[] = [];
    const { result } = renderHook(() => useVisitForm(startOf(context, 'visit-new-rollback'), saved));
    // The visit is valid; its follow-up (an empty text) is not, and is written after it.
    act(() => result.current.change({ notes: 'Ne pas perdre ceci', followUp: '' }));
    await act(() => result.current.submit());
    expect(saved).toEqual([]);
    expect(result.current.problem).toBe('errors');
    expect(result.current.errors.text).toBe('Ce champ est obligatoire.');
    expect(result.current.saving).toBe(false);
    expect(await listVisits(context, { limit: 1000 })).toHaveLength(before);
    expect((await getDraft(context, 'visit-new-rollback'))?.values.notes).toBe('Ne pas perdre ceci');

    // Fixed, the same form saves.
    act(() => result.current.set('followUp', 'Rappeler'));
    await act(() => result.current.submit());
    expect(saved).toHaveLength(1);
    expect(await listVisits(context, { limit: 1000 })).toHaveLength(before + 1);
  });

  test('a problem its own check finds shows with the domain’s, not one per press of « Enregistrer »', async () => {
    const context = await appData();
    // A toolbox item with a broken link (the form's check) and no title (the domain's rule).
    const { result } = renderHook(() =>
      useRecordForm(startOf(context, 'item-new-both'), {
        check: () => ({ link: 'Ce lien ne s’ouvrirait pas.' }),
        record: (values) => ({ type: 'toolboxItems', fields: { kind: 'digital_tool', title: values.notes } }),
        save: () => Promise.reject(new Error('checked first')),
        onSaved: () => undefined,
      }),
    );
    await act(() => result.current.submit());
    expect(result.current.errors).toEqual({ link: 'Ce lien ne s’ouvrirait pas.', title: 'Ce champ est obligatoire.' });
  });

  test('what is typed while a save runs, then refused, is kept in the draft', async () => {
    const context = await appData();
    const running: { refuse?: (error: Error) => void } = {};
    const { result } = renderHook(() =>
      useRecordForm(startOf(context, 'visit-new-typed-while-saving'), {
        save: () =>
          new Promise<null>((_, reject) => {
            running.refuse = reject;
          }),
        onSaved: () => {},
      }),
    );
    act(() => result.current.set('notes', 'ab'));
    act(() => result.current.set('notes', 'abc'));
    let saving: Promise<void> = Promise.resolve();
    act(() => {
      saving = result.current.submit();
    });
    // The save has begun (its draft writes are over); a key lands before its answer.
    await waitFor(() => expect(running.refuse).toBeDefined());
    act(() => result.current.set('notes', 'abcd'));
    await act(async () => {
      running.refuse?.(new Error('refused by the database'));
      await saving;
    });
    expect(result.current.problem).toBe('failed');
    await waitFor(async () =>
      expect((await getDraft(context, 'visit-new-typed-while-saving'))?.values.notes).toBe('abcd'),
    );
  });

  test('a save whose draft could not be written either says the input is only on screen, and holds the page until saved', async () => {
    const context = await appData();
    const saved: string[] = [];
    const { result } = renderHook(() => useVisitForm(startOf(context, 'visit-new-unkept'), saved));
    // As Dexie does when a newer version of the app opens the database in another tab.
    context.db.close();
    try {
      act(() => result.current.change({ notes: 'Tapé pendant que la base est fermée', followUp: 'Rappeler' }));
      await act(() => result.current.submit());
      expect(saved).toEqual([]);
      expect(result.current.problem).toBe('failed_unkept');
      expect(result.current.values.notes).toBe('Tapé pendant que la base est fermée');
      expect(uiStore.getState().unsavedInputs).toBeGreaterThan(0);
    } finally {
      await context.db.open();
    }
    await act(() => result.current.submit());
    expect(result.current.problem).toBe(null);
    expect(saved).toHaveLength(1);
    await waitFor(() => expect(uiStore.getState().unsavedInputs).toBe(0));
  });

  test('saves only what the person changed: an edit made meanwhile in another tab or by a pull stays', async () => {
    const context = await appData();
    const person = await createRecord(context, 'contacts', { name: 'Ana Diaz' });
    const load = fromRecord(getContact, (contact) => ({
      name: contact?.name ?? '',
      role: contact?.role ?? '',
      phone: contact?.phone ?? '',
    }));
    const opened = renderHook(() => useFormStart({ kind: 'person', recordId: person.id }, load));
    await waitFor(() => expect(opened.result.current).toBeTypeOf('object'));
    const start = opened.result.current as FormStart<{ name: string; role: string; phone: string }>;
    const fieldsOf = (values: typeof start.values) => ({
      ...values,
      role: values.role || null,
      phone: values.phone || null,
    });
    const { result } = renderHook(() =>
      useRecordForm(start, {
        save: (values, _files, draftId, openedValues) =>
          saveRecordForm(
            context,
            'contacts',
            person.id,
            fieldsOf(values),
            draftId,
            openedValues && fieldsOf(openedValues),
          ),
        onSaved: () => {},
      }),
    );

    // Another tab (or a pulled edit of another device) writes the role while this form is open.
    await updateRecord(context, 'contacts', person.id, { role: 'Maire adjointe' });
    act(() => result.current.set('phone', '06 12 34 56 78'));
    await act(() => result.current.submit());

    expect(await getContact(context, person.id)).toMatchObject({ role: 'Maire adjointe', phone: '06 12 34 56 78' });
  });

  // A lieu made from the visit's « Créer » was stored, then the draft written a moment later: a
  // tab killed between the two gave back the inline form, whose « Ajouter le lieu » made it twice.
  test('a lieu made inside the form is in its draft once stored, with what was typed meanwhile; refused, nothing changes', async () => {
    const context = await appData();
    const opened = { notes: '', lieuId: null as string | null, newLieu: 'Fablab' as string | null };
    const { result } = renderHook(() =>
      useRecordForm(
        { ...startOf(context, 'visit-new-within'), saved: opened, values: opened },
        { save: async () => null, onSaved: () => {} },
      ),
    );
    const lieuIn = (made: { id: string }) => ({ lieuId: made.id, newLieu: null });

    await act(() =>
      expect(result.current.createWithin('organisations', { name: '', kind: 'tiers_lieu' }, lieuIn)).rejects.toThrow(),
    );
    expect(result.current.values).toEqual(opened);

    let made: { id: string } | undefined;
    await act(async () => {
      const creation = result.current.createWithin('organisations', { name: 'Fablab', kind: 'tiers_lieu' }, lieuIn);
      // Typed while the lieu was being stored: written after it, with the lieu in.
      result.current.set('notes', 'Atelier vélo');
      made = await creation;
    });
    const expected = { notes: 'Atelier vélo', lieuId: made?.id, newLieu: null };
    expect(result.current.values).toEqual(expected);
    await waitFor(async () => expect((await getDraft(context, 'visit-new-within'))?.values).toEqual(expected));
  });
});
