// Two versions of a long note merged by hand: a merge longer than the field holds is refused
// at the merged text with the limit, and the text stays to be cut; "Réessayez" could never work.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { appData } from '../../../../src/db/app-data';
import { conflictsOf } from '../../../../src/db/conflicts';
import { createContact, getContact } from '../../../../src/db/contacts';
import { createRecord, updateRecord } from '../../../../src/db/writes';
import type { Role } from '../../../../src/domain/vocabulary';
import { ConflictNotice } from '../../../../src/ui/sync/ConflictNotice';
import { noteConflictOf, otherNotesOf } from '../../../helpers/note-conflict';
import { withFrenchPage } from '../../../helpers/screen-setup';
import { joinedSession } from '../../../helpers/session';

withFrenchPage();

/** Texts whose settling returns only once the test lets it: the write is done, the answer held. */
const held = vi.hoisted(() => new Map<string, Promise<void>>());
vi.mock('../../../../src/db/conflicts', async (original) => {
  const real = await original<typeof import('../../../../src/db/conflicts')>();
  return {
    ...real,
    resolveConflicts: async (...args: Parameters<typeof real.resolveConflicts>) => {
      await real.resolveConflicts(...args);
      await held.get(args[2]);
    },
  };
});

test('a merge of two long versions past the field’s limit is refused at the merged text, which stays', async () => {
  const context = await appData();
  const shown = 'Version de ce téléphone. '.repeat(500);
  const other = 'Version de l’autre téléphone. '.repeat(500);
  const person = await createContact(context, { name: 'Hélène Durand', notes: shown });
  await createRecord(context, 'conflicts', {
    recordType: 'contacts',
    recordId: person.id,
    field: 'notes',
    value: other,
    clock: '0000000000001-0000-aaaaaaaaaaaaaaaa',
    authorName: 'Samir',
  });
  render(<ConflictNotice recordType="contacts" recordId={person.id} field="notes" shown={shown} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Fusionner les deux' }));
  fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la fusion' }));

  await waitFor(() =>
    expect(document.body.textContent).toContain('Trop long\u00a0: 20\u202f000 caractères au maximum.'),
  );
  expect(document.body.textContent).not.toContain('Réessayez');
  const merged = screen.getByRole('textbox', { name: /Texte fusionné/ }) as HTMLTextAreaElement;
  expect(merged.value).toBe(`${shown}\n\n${other}`);
});

test('the card shows the version kept by "Garder cette version" beside the other, each named, and keeping it ends the choice', async () => {
  const context = await appData();
  const shown = 'Version de Hugo : visite du local jeudi.';
  const person = await createContact(context, { name: 'Maëlle Rio', notes: shown });
  await createRecord(context, 'conflicts', {
    recordType: 'contacts',
    recordId: person.id,
    field: 'notes',
    value: 'Version de Léa : bail signé.',
    clock: '0000000000001-0000-aaaaaaaaaaaaaaaa',
    authorName: 'Léa',
  });
  render(<ConflictNotice recordType="contacts" recordId={person.id} field="notes" shown={shown} />);

  const versions = await screen.findAllByRole('listitem');
  expect(versions.map((item) => item.querySelector('strong')?.textContent)).toEqual([
    'Version affichée',
    expect.stringMatching(/^Autre version, par \u2068Léa\u2069, /),
  ]);
  expect(screen.getByTestId('conflict-shown').textContent).toBe(shown);
  const keep = screen.getByRole('button', { name: 'Garder cette version' });
  expect(versions[0]?.contains(keep)).toBe(true);

  keep.focus();
  fireEvent.click(keep);
  await waitFor(async () => expect(await conflictsOf(context, person.id, 'notes')).toEqual([]));
  expect((await getContact(context, person.id))?.notes).toBe(shown);
  // The card went with the button pressed: the focus is on the line saying so, not the page's start.
  const said = await screen.findByRole('status');
  expect(said.textContent).toBe('Choix enregistré\u00a0: ce texte n’a plus qu’une version.');
  await waitFor(() => expect(document.activeElement).toBe(said));
});

test('« Fusionner les deux » puts the focus in the merged text, and « Annuler » back on it', async () => {
  const context = await appData();
  const person = await createContact(context, { name: 'Inès Garnier', notes: 'Version A.' });
  await otherNotesOf(context, { type: 'contacts', id: person.id }, 'Version B.');
  render(<ConflictNotice recordType="contacts" recordId={person.id} field="notes" shown="Version A." />);
  const merge = await screen.findByRole('button', { name: 'Fusionner les deux' });
  merge.focus();
  fireEvent.click(merge);
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /Texte fusionné/ })));

  fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Fusionner les deux' })));
});

describe('three versions of a text', () => {
  async function threeVersions() {
    const context = await appData();
    const person = await createContact(context, { name: 'Yann Le Bihan', notes: 'Version A.' });
    const b = await otherNotesOf(context, { type: 'contacts', id: person.id }, 'Version B.', 'Léa');
    const c = await otherNotesOf(context, { type: 'contacts', id: person.id }, 'Version C.', 'Samir');
    render(<ConflictNotice recordType="contacts" recordId={person.id} field="notes" shown="Version A." />);
    await screen.findByText('Version C.');
    return { context, person, b, c };
  }

  // review27b L1: the button pressed went with its version and the focus fell to the page's start.
  test('settling one version puts the focus on the choice of the next one, and says nothing is settled yet', async () => {
    await threeVersions();
    const [takeB] = screen.getAllByRole('button', { name: 'Prendre cette version' });
    takeB?.focus();
    fireEvent.click(takeB as HTMLElement);
    await waitFor(() => expect(screen.queryByText('Version B.')).toBeNull());
    const takeC = screen.getByRole('button', { name: 'Prendre cette version' });
    await waitFor(() => expect(document.activeElement).toBe(takeC));
    expect(screen.getByText('Version C.').closest('li')?.contains(takeC)).toBe(true);
    expect(screen.queryByText(/Choix enregistré/)).toBeNull();
  });

  test('a merge of the last version puts the focus on the choice before it', async () => {
    await threeVersions();
    const merges = screen.getAllByRole('button', { name: 'Fusionner les deux' });
    fireEvent.click(merges[1] as HTMLElement);
    const save = await screen.findByRole('button', { name: 'Enregistrer la fusion' });
    save.focus();
    fireEvent.click(save);
    await waitFor(() => expect(screen.queryByText('Version C.')).toBeNull());
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Prendre cette version' })),
    );
    expect(screen.getByText('Version B.').closest('li')?.contains(document.activeElement)).toBe(true);
  });

  // review28a L5: each press's answer added its id to the set its own render held, so the later
  // answer dropped the other's id and the card went with nothing said.
  test('two versions taken before either write has answered are both told as this device’s choice', async () => {
    await threeVersions();
    const answers = new Map<string, () => void>();
    for (const text of ['Version B.', 'Version C.'])
      held.set(text, new Promise<void>((resolve) => answers.set(text, resolve)));
    try {
      const [takeB, takeC] = screen.getAllByRole('button', { name: 'Prendre cette version' });
      fireEvent.click(takeB as HTMLElement);
      fireEvent.click(takeC as HTMLElement);
      await waitFor(() => expect(screen.queryByText('Version C.')).toBeNull());
      // C's answer first, then B's (promises answer in order): a set read from the render kept B's alone.
      answers.get('Version C.')?.();
      answers.get('Version B.')?.();
      expect((await screen.findByRole('status')).textContent).toBe(
        'Choix enregistré\u00a0: ce texte n’a plus qu’une version.',
      );
    } finally {
      held.clear();
    }
  });

  // review27b L1: « Choix enregistré » was said for good once this device had chosen anything.
  test('a version another device settles after one settled here is not told as this device’s choice', async () => {
    const { context, c } = await threeVersions();
    fireEvent.click(screen.getAllByRole('button', { name: 'Prendre cette version' })[0] as HTMLElement);
    await waitFor(() => expect(screen.queryByText('Version B.')).toBeNull());
    // The last version goes with a sync: another device settled it.
    await updateRecord(context, 'conflicts', c.id, { deleted: true });
    await waitFor(() => expect(screen.queryByText('Version C.')).toBeNull());
    expect(screen.queryByText(/Choix enregistré/)).toBeNull();
  });
});

describe('a conflict on an event note', () => {
  afterEach(async () => {
    (await appData()).session = null;
  });
  async function noteConflict(memberName: string, role: Role) {
    const context = await appData();
    const { note } = await noteConflictOf(context, 'Alix');
    context.session = joinedSession({ memberName, role });
    render(<ConflictNotice recordType="eventNotes" recordId={note.id} field="text" shown={note.text} />);
    await screen.findByText('Version du téléphone');
  }
  const actions = () => screen.queryAllByRole('button').map((button) => button.textContent);

  test('shows a colleague both versions and who may choose, with no way to choose or close it', async () => {
    await noteConflict('Bastien', 'concierge');
    expect(actions()).toEqual([]);
    expect(document.body.textContent).toContain(
      'seuls \u2068Alix\u2069 et les admins du réseau peuvent choisir la version à garder.',
    );
    expect(screen.getByTestId('conflict-shown').textContent).toBe('Version du portable');
  });

  test.each([
    ['its author', 'Alix', 'concierge'],
    ['an admin', 'Bastien', 'admin'],
  ] as const)('offers %s to keep, take or merge a version', async (_who, memberName, role) => {
    await noteConflict(memberName, role);
    expect(actions()).toEqual(['Garder cette version', 'Prendre cette version', 'Fusionner les deux']);
  });
});
