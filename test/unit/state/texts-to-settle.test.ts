// The header's « À choisir N » follows who is using the device: a colleague's event note is hers
// (or an admin's) to settle, so the count changes when the session's name or role does, with no
// change to the conflicts themselves. It reads the open conflicts only (open-keys.ts), so it
// follows a conflict settled here or reopened by a pull among the settled ones kept.
import { afterEach, expect, test, vi } from 'vitest';
import { resolveConflicts } from '../../../src/db/conflicts';
import type { DataContext } from '../../../src/db/context';
import { applyPulledPage } from '../../../src/db/sync-store';
import { createRecord } from '../../../src/db/writes';
import { newId } from '../../../src/domain/ids';
import type { Role } from '../../../src/domain/vocabulary';
import { syncStore } from '../../../src/state/sync';
import { watchTextsToSettle } from '../../../src/state/texts-to-settle';
import { openTestContext } from '../../helpers/db';
import { noteConflictOf } from '../../helpers/note-conflict';
import { joinedSession } from '../../helpers/session';

let stop = () => {};
afterEach(() => stop());

/** As the runtime does: the context's session and the store's are one. */
function signIn(context: DataContext, memberName: string, role: Role) {
  context.session = joinedSession({ memberName, role });
  syncStore.setState({ session: context.session });
}

const toSettle = () => syncStore.getState().toSettle;

test('the count of texts to settle is counted again when the person or the role changes', async () => {
  const context = await openTestContext();
  await noteConflictOf(context, 'Alix');
  signIn(context, 'Alix', 'concierge');
  syncStore.setState({ toSettle: 0 });
  stop = watchTextsToSettle(context);
  await vi.waitFor(() => expect(toSettle()).toBe(1));

  signIn(context, 'Bastien', 'concierge');
  await vi.waitFor(() => expect(toSettle()).toBe(0));
  signIn(context, 'Bastien', 'admin');
  await vi.waitFor(() => expect(toSettle()).toBe(1));
});

test('the count leaves out the settled conflicts kept, and follows one settled here and one reopened by a pull', async () => {
  const context = await openTestContext();
  const conflictOn = (recordId: string) =>
    createRecord(context, 'conflicts', {
      recordType: 'visits',
      recordId,
      field: 'notes',
      value: 'La version de l’autre téléphone',
      clock: '0000000000001-0000-aaaaaaaaaaaaaaaa',
      authorName: 'Alix',
    });
  const [first, , settled] = [await conflictOn(newId()), await conflictOn(newId()), await conflictOn(newId())];
  await resolveConflicts(context, [settled], settled.value);
  syncStore.setState({ toSettle: 0 });
  stop = watchTextsToSettle(context);
  await vi.waitFor(() => expect(toSettle()).toBe(2));

  await resolveConflicts(context, [first], first.value);
  await vi.waitFor(() => expect(toSettle()).toBe(1));
  await context.db.outbox.clear();
  const data = { ...settled, deleted: false };
  const later = '2099-01-01T00:00:00.000Z-0000-aaaaaaaaaaaaaaaa';
  await applyPulledPage(context, [{ type: 'conflicts', id: settled.id, seq: 1, data, clocks: { '*': later } }], 1);
  await vi.waitFor(() => expect(toSettle()).toBe(2));
});
