// Réglages lists every text waiting to be settled under its record's name, which any device
// may have written: a right-to-left override in it stays inside the name.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { appData } from '../../../../../src/db/app-data';
import { openConflictsWithRecords, resolveConflicts } from '../../../../../src/db/conflicts';
import { createContact } from '../../../../../src/db/contacts';
import { createRecord } from '../../../../../src/db/writes';
import { isolate } from '../../../../../src/domain/bidi';
import { newId } from '../../../../../src/domain/ids';
import { OpenConflicts } from '../../../../../src/ui/screens/settings/network/OpenConflicts';
import { sampleRecords } from '../../../../fixtures/records';
import { otherNotesOf } from '../../../../helpers/note-conflict';
import { withFrenchPage } from '../../../../helpers/screen-setup';

withFrenchPage();

test('the name of a record with two versions is isolated from the sentence around it, its field named as forms name it', async () => {
  const context = await appData();
  const name = 'Anne\u202Eetnatropmi';
  const person = await createContact(context, { name, notes: 'Vue lundi' });
  await createRecord(context, 'conflicts', {
    recordType: 'contacts',
    recordId: person.id,
    field: 'notes',
    value: 'Vue mardi',
    clock: '0000000000001-0000-aaaaaaaaaaaaaaaa',
    authorName: 'Samir',
  });
  render(<OpenConflicts />);
  const where = await screen.findByText(
    (_, element) => element?.tagName === 'P' && /Champ/.test(element.textContent ?? ''),
  );
  // The field as the forms name it, not its key in the data.
  expect(where.textContent).toBe(`Personne · ${isolate(name)} — Champ «\u00a0Notes\u00a0»`);
});

test('the last text settled here leaves the focus on the section’s heading, which says none is left', async () => {
  const context = await appData();
  // Alone in the list: a text left by the test above would still wait.
  for (const { conflict, shown } of await openConflictsWithRecords(context))
    await resolveConflicts(context, [conflict], shown);
  const person = await createContact(context, { name: 'Yann Le Goff', notes: 'Version du téléphone' });
  await otherNotesOf(context, { type: 'contacts', id: person.id }, 'Version de l’ordinateur');
  render(<OpenConflicts />);
  const keep = await screen.findByRole('button', { name: 'Garder cette version' });
  keep.focus();
  fireEvent.click(keep);

  // The card went with the button pressed: not the page's start, nor a section gone without a word.
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Plus aucun texte à départager.'));
  const heading = screen.getByRole('heading', { name: 'Textes à départager' });
  await waitFor(() => expect(document.activeElement).toBe(heading));
});

test('a visit is named as a visit, by its lieu and day, a link to its page, where the explanation sends the person', async () => {
  const context = await appData();
  const samples = sampleRecords();
  const lieu = await createRecord(context, 'organisations', { ...samples.organisations, name: 'Mairie de Redon' });
  const { purpose: _purpose, placeLabel: _place, ...sample } = samples.visits;
  const visit = await createRecord(context, 'visits', {
    ...sample,
    id: newId(),
    organisationId: lieu.id,
    notes: 'Version du téléphone',
  });
  await otherNotesOf(context, { type: 'visits', id: visit.id }, 'Version de l’ordinateur');
  // The lieu's name is read from the lieu, the visit holding only its id.
  expect((await openConflictsWithRecords(context)).map((open) => open.recordLabel)).toEqual(['Mairie de Redon']);
  render(<OpenConflicts />);
  // « Mairie de Redon — Champ « Notes » » alone read as the lieu's notes (newuser29), and named no page to open.
  const link = await screen.findByRole('link', { name: new RegExp(`^Visite · ${isolate('Mairie de Redon')} · `) });
  expect(link.getAttribute('href')).toBe(`#/visites/${visit.id}`);
});

test('a visit with no purpose is named by its place, as its own page names it', async () => {
  const context = await appData();
  const { organisationId: _lieu, purpose: _purpose, ...sample } = sampleRecords().visits;
  const visit = await createRecord(context, 'visits', {
    ...sample,
    id: newId(),
    placeLabel: 'Mairie de Redon',
    notes: 'Version du téléphone',
  });
  await otherNotesOf(context, { type: 'visits', id: visit.id }, 'Version de l’ordinateur');
  render(<OpenConflicts />);
  // Listed as « — Champ « Notes » », named by nothing.
  const where = await screen.findAllByText(
    (_, element) => element?.tagName === 'P' && /Champ/.test(element.textContent ?? ''),
  );
  expect(where.map((line) => line.textContent)).toContain(
    `Visite · ${isolate('Mairie de Redon')} · 3 mars 2026 — Champ «\u00a0Notes\u00a0»`,
  );
});

test('a visit with no lieu, place or purpose is named by its day, in French', async () => {
  const context = await appData();
  const { organisationId: _lieu, purpose: _purpose, placeLabel: _place, ...sample } = sampleRecords().visits;
  const visit = await createRecord(context, 'visits', {
    ...sample,
    id: newId(),
    visitedAt: '2026-12-03T09:30:00.000Z',
    notes: 'Version du téléphone',
  });
  await otherNotesOf(context, { type: 'visits', id: visit.id }, 'Version de l’ordinateur');
  render(<OpenConflicts />);
  // Listed as « — Champ « Notes » », named by nothing.
  const where = await screen.findAllByText(
    (_, element) => element?.tagName === 'P' && /Champ/.test(element.textContent ?? ''),
  );
  expect(where.map((line) => line.textContent)).toContain('Visite · 3 décembre 2026 — Champ «\u00a0Notes\u00a0»');
});
