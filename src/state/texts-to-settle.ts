// The header's « À choisir N », kept in the sync store by the sync runtime rather than read by
// the header itself: a live query in the shell would put the data layer in the shell's chunk,
// run before the first screen (a first visit's long tasks grew by ~250 ms of Lighthouse's
// blocking time when it did). Loaded with the runtime, after the first screen.
import type { DataContext, Session } from '../db/context';
import { type LiveSubscription, observe } from '../db/live';
import { countTextsToSettle } from '../db/open-conflicts';
import { syncStore } from './sync';

/**
 * Counts again whenever the conflicts (or an event note they point at) change, and when the
 * session changes: who may settle a colleague's note depends on this person's name and role.
 * Returns the function that stops it.
 */
export function watchTextsToSettle(context: DataContext): () => void {
  const count = (): LiveSubscription =>
    observe(
      () => countTextsToSettle(context),
      (toSettle) => syncStore.setState({ toSettle }),
      (error) => console.error('Counting the texts to settle failed', error),
    );
  let subscription = count();
  const stopFollowing = syncStore.subscribe((view, previous) => {
    if (settlerKey(view.session) === settlerKey(previous.session)) return;
    subscription.unsubscribe();
    subscription = count();
  });
  return () => {
    stopFollowing();
    subscription.unsubscribe();
  };
}

/** What of a session decides whose texts this person may settle (open-conflicts.ts). */
function settlerKey(session: Session | null): string {
  return session ? `${session.role}/${session.revokedAt ?? ''}/${session.memberName}` : '';
}
