// A text conflict on an event note is its author's to settle (or an admin's): the server refuses a
// colleague's text for the note but accepts the conflict's closing, so a colleague's choice would
// close the conflict for everyone and lose the version chosen.
import { expect, test } from 'vitest';
import { conflictsOf, resolveConflicts } from '../../../src/db/conflicts';
import type { DataContext } from '../../../src/db/context';
import { NotOwnNoteError } from '../../../src/db/event-notes';
import { countTextsToSettle } from '../../../src/db/open-conflicts';
import type { Role } from '../../../src/domain/vocabulary';
import { openTestContext } from '../../helpers/db';
import { noteConflictOf } from '../../helpers/note-conflict';
import { joinedSession } from '../../helpers/session';

async function noteConflictBy(author: string) {
  const context = await openTestContext();
  const { note, conflict } = await noteConflictOf(context, author);
  await context.db.outbox.clear();
  return { context, note, conflict };
}

const as = (context: DataContext, memberName: string, role: Role) => {
  context.session = joinedSession({ memberName, role });
};

test('a colleague taking a version of someone’s note is refused, and nothing is queued or closed', async () => {
  const { context, note, conflict } = await noteConflictBy('Alix');
  as(context, 'Bastien', 'concierge');

  await expect(resolveConflicts(context, [conflict], conflict.value)).rejects.toBeInstanceOf(NotOwnNoteError);
  // Keeping the shown text would close the conflict alone: refused as well.
  await expect(resolveConflicts(context, [conflict], note.text)).rejects.toBeInstanceOf(NotOwnNoteError);
  expect(await context.db.outbox.count()).toBe(0);
  expect(await conflictsOf(context, note.id, 'text')).toHaveLength(1);
  expect((await context.db.records('eventNotes').get(note.id))?.text).toBe('Version du portable');
});

test.each([
  ['its author', 'Alix', 'concierge'],
  ['an admin', 'Bastien', 'admin'],
] as const)('%s settles a note’s conflict: the text and the closing are queued', async (_who, memberName, role) => {
  const { context, note, conflict } = await noteConflictBy('Alix');
  as(context, memberName, role);

  await resolveConflicts(context, [conflict], conflict.value);
  expect((await context.db.records('eventNotes').get(note.id))?.text).toBe('Version du téléphone');
  expect(await conflictsOf(context, note.id, 'text')).toEqual([]);
  expect((await context.db.outbox.toArray()).map((entry) => entry.type)).toEqual(['eventNotes', 'conflicts']);
});

test('the count of texts to settle, shown in the header, leaves out a colleague’s note: hers to settle', async () => {
  const { context } = await noteConflictBy('Alix');
  as(context, 'Bastien', 'concierge');
  expect(await countTextsToSettle(context)).toBe(0);
  as(context, 'Alix', 'concierge');
  expect(await countTextsToSettle(context)).toBe(1);
  as(context, 'Bastien', 'admin');
  expect(await countTextsToSettle(context)).toBe(1);
});
