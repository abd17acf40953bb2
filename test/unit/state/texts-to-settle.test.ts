// The header's « À choisir N » follows who is using the device: a colleague's event note is hers
// (or an admin's) to settle, so the count changes when the session's name or role does, with no
// change to the conflicts themselves.
import { afterEach, expect, test, vi } from 'vitest';
import type { DataContext } from '../../../src/db/context';
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
