import { describe, expect, test, vi } from 'vitest';
import { createContact, listContacts } from '../../../src/db/contacts';
import { getDraft, saveDraft } from '../../../src/db/drafts';
import { addNote, deleteNote, editNote, NotOwnNoteError, noteDraftId, notesOfEvent } from '../../../src/db/event-notes';
import {
  addNewAttendee,
  attendeeDraftId,
  attendeeKinds,
  deleteEvent,
  getEvent,
  listEvents,
  setAttendance,
} from '../../../src/db/events';
import { saveRecordForm } from '../../../src/db/form-save';
import { createOrganisation } from '../../../src/db/organisations';
import { createRecord, deleteRecord } from '../../../src/db/writes';
import { attendanceCounts } from '../../../src/domain/event-agenda';
import { newId } from '../../../src/domain/ids';
import { openTestContext } from '../../helpers/db';
import { joinedSession } from '../../helpers/session';

const rencontre = {
  title: 'Rencontre régionale',
  kind: 'network_meeting' as const,
  startsAt: '2026-03-03T08:30:00.000Z',
  endsAt: '2026-03-03T16:00:00.000Z',
};

describe('the events repository', () => {
  test('queues one attendee’s presence alone, so another device’s ticks are not overwritten', async () => {
    const context = await openTestContext();
    const event = await createRecord(context, 'events', rencontre);
    const camille = newId();
    const hugo = newId();
    await setAttendance(context, event.id, { [camille]: { name: 'Camille', status: 'invited' } });
    await setAttendance(context, event.id, { [hugo]: { name: 'Hugo', status: 'present' } });

    const outbox = await context.db.outbox.toArray();
    expect(outbox.at(-1)?.fields).toEqual([`attendees.${hugo}`, 'updatedAt', 'updatedBy']);
    expect((await getEvent(context, event.id))?.attendees).toEqual({
      [camille]: { name: 'Camille', status: 'invited' },
      [hugo]: { name: 'Hugo', status: 'present' },
    });

    await setAttendance(context, event.id, { [camille]: null });
    expect(Object.keys((await getEvent(context, event.id))?.attendees ?? {})).toEqual([hugo]);
  });

  // Three writes once (the person, the attendance, the draft's end): a tab killed between them
  // left the person made and the draft still there, and the draft given back made them twice.
  test('a person created at an event arrives with the draft forgotten, in one write: all of it or nothing', async () => {
    const context = await openTestContext();
    const event = await createRecord(context, 'events', rencontre);
    const draft = { id: attendeeDraftId(event.id), kind: 'eventAttendee', recordId: event.id, values: { name: 'Jo' } };
    await saveDraft(context, draft);
    const outbox = await context.db.outbox.count();

    // The last step fails: the person is not made, nobody arrives, the draft is still there.
    const forget = vi.spyOn(context.db.drafts, 'bulkDelete').mockRejectedValueOnce(new Error('disk gone'));
    await expect(addNewAttendee(context, event.id, { name: 'Jo Martin' }, 'present')).rejects.toThrow('disk gone');
    forget.mockRestore();
    expect(await listContacts(context)).toEqual([]);
    expect((await getEvent(context, event.id))?.attendees).toEqual({});
    expect((await getDraft(context, draft.id))?.values).toEqual({ name: 'Jo' });
    expect(await context.db.outbox.count()).toBe(outbox);

    const jo = await addNewAttendee(context, event.id, { name: 'Jo Martin' }, 'present');
    expect((await listContacts(context)).map((contact) => contact.name)).toEqual(['Jo Martin']);
    expect((await getEvent(context, event.id))?.attendees).toEqual({
      [jo.id]: { name: 'Jo Martin', status: 'present' },
    });
    expect(await getDraft(context, draft.id)).toBeUndefined();
  });

  test('refuses an event that ends before it starts and keeps the stored one', async () => {
    const context = await openTestContext();
    const event = await createRecord(context, 'events', rencontre);
    await expect(
      saveRecordForm(context, 'events', event.id, { ...rencontre, endsAt: '2026-03-03T07:00:00.000Z' }, null),
    ).rejects.toMatchObject({
      issues: [expect.objectContaining({ field: 'endsAt', type: 'partial_check' })],
    });
    expect((await getEvent(context, event.id))?.endsAt).toBe(rencontre.endsAt);
  });

  test('lists the agenda’s events by start, deleted ones left out', async () => {
    const context = await openTestContext();
    const seminar = await createRecord(context, 'events', {
      ...rencontre,
      title: 'Séminaire de deux jours',
      startsAt: '2026-03-02T08:00:00.000Z',
    });
    const eve = await createRecord(context, 'events', {
      ...rencontre,
      title: 'La veille',
      startsAt: '2026-03-01T18:00:00.000Z',
      endsAt: '2026-03-01T20:00:00.000Z',
    });
    const cancelled = await createRecord(context, 'events', rencontre);
    await deleteEvent(context, cancelled.id);
    expect((await listEvents(context)).map((event) => event.id)).toEqual([eve.id, seminar.id]);
  });
});

describe('attendance by kind of organisation', () => {
  test('counts people by the kind of their organisation, and still names a deleted contact', async () => {
    const context = await openTestContext();
    const lieu = await createOrganisation(context, { name: 'La Grange', kind: 'tiers_lieu' });
    const mairie = await createOrganisation(context, { name: 'Mairie de Melle', kind: 'local_authority' });
    const camille = await createContact(context, { name: 'Camille', organisationIds: [lieu.id] });
    const hugo = await createContact(context, { name: 'Hugo', organisationIds: [lieu.id] });
    const elu = await createContact(context, { name: 'Élu', organisationIds: [mairie.id] });
    const sam = await createContact(context, { name: 'Sam' });
    const event = await createRecord(context, 'events', rencontre);
    await setAttendance(context, event.id, {
      [camille.id]: { name: 'Camille', status: 'present' },
      [hugo.id]: { name: 'Hugo', status: 'invited' },
      [elu.id]: { name: 'Élu', status: 'present' },
      [sam.id]: { name: 'Sam', status: 'present' },
    });
    await deleteRecord(context, 'contacts', hugo.id);

    const stored = (await getEvent(context, event.id))!;
    const kinds = await attendeeKinds(context, stored);
    expect(attendanceCounts(stored.attendees, (id) => kinds[id] ?? null).byKind).toEqual({
      tiers_lieu: 1,
      local_authority: 1,
      unknown: 2,
    });
    expect(stored.attendees[hugo.id]?.name).toBe('Hugo');
  });
});

describe('the notes of an event', () => {
  test('stamps the author and the time it was typed, and lists the event’s notes in writing order', async () => {
    const context = await openTestContext();
    context.identity.authorName = 'Camille';
    const event = await createRecord(context, 'events', rencontre);
    const other = await createRecord(context, 'events', { ...rencontre, title: 'Autre' });
    const first = await addNote(context, { eventId: event.id, text: 'Tour de table', tag: 'note' });
    await addNote(context, { eventId: other.id, text: 'Ailleurs', tag: 'note' });
    const second = await addNote(context, { eventId: event.id, text: 'Un pair-à-pair par trimestre', tag: 'decision' });

    expect(first).toMatchObject({ authorName: 'Camille', tag: 'note' });
    expect(Date.parse(first.writtenAt)).toBeGreaterThan(0);
    expect((await notesOfEvent(context, event.id)).map((note) => note.id)).toEqual([first.id, second.id]);
  });

  test('forgets the draft the note was typed in when the note is added', async () => {
    const context = await openTestContext();
    const event = await createRecord(context, 'events', rencontre);
    await saveDraft(context, {
      id: noteDraftId(event.id),
      kind: 'eventNote',
      recordId: event.id,
      values: { text: 'Tour' },
    });
    await addNote(context, { eventId: event.id, text: 'Tour de table', tag: 'note' });
    expect(await getDraft(context, noteDraftId(event.id))).toBeUndefined();
  });

  test('lets the author edit and delete a note, and nobody else', async () => {
    const context = await openTestContext();
    context.identity.authorName = 'Camille';
    const event = await createRecord(context, 'events', rencontre);
    const note = await addNote(context, { eventId: event.id, text: 'Tour de tabel', tag: 'note' });
    const edited = await editNote(context, note.id, { text: 'Tour de table', tag: 'idea' });
    expect(edited).toMatchObject({ text: 'Tour de table', tag: 'idea' });
    expect(edited.editedAt).toBeTruthy();

    context.identity.authorName = 'Hugo';
    await expect(editNote(context, note.id, { text: 'Réécrit' })).rejects.toBeInstanceOf(NotOwnNoteError);
    await expect(deleteNote(context, note.id)).rejects.toBeInstanceOf(NotOwnNoteError);
    context.identity.authorName = 'Camille';
    await deleteNote(context, note.id);
    expect(await notesOfEvent(context, event.id)).toEqual([]);
  });

  test('judges a note the server named its member’s by that member, not by a name typed alike', async () => {
    const context = await openTestContext();
    context.session = joinedSession({ memberName: 'Camille', memberId: '019aa000-0000-7000-8000-0000000000aa' });
    const event = await createRecord(context, 'events', rencontre);
    const note = await addNote(context, { eventId: event.id, text: 'Tour de table', tag: 'note' });
    // Pulled back: the server wrote who took it, another member who joined as « Camille ».
    await context.db.records('eventNotes').update(note.id, { authorId: '019aa000-0000-7000-8000-0000000000bb' });
    await expect(editNote(context, note.id, { text: 'Réécrit' })).rejects.toBeInstanceOf(NotOwnNoteError);
    context.session = { ...context.session, memberId: '019aa000-0000-7000-8000-0000000000bb' };
    expect(await editNote(context, note.id, { text: 'Réécrit' })).toMatchObject({ text: 'Réécrit' });
  });
});
