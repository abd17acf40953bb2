// The sync state in a few words, shared by the shell's indicator and Réglages.

import type { SyncStatus } from '../../sync/status';
import type { messages } from './messages';

type Words = (typeof messages)['fr'];

/** The state in a few words; `short` for the shell's indicator, where room is scarce. */
export function stateLabel(status: SyncStatus, t: Words, { short = false } = {}): string {
  switch (status.state) {
    case 'offline':
      return t.offline;
    case 'syncing': {
      const percent =
        status.progress && status.progress.total > 0
          ? Math.floor((100 * status.progress.done) / status.progress.total)
          : null;
      if (short) return t.syncingShort(percent);
      return percent === null ? t.syncing : t.syncingProgress(percent);
    }
    case 'error':
      return short ? t.errorShort : t.error;
    default:
      // "À jour" only once nothing waits: a change saved a second ago is not on the network yet,
      // nor is a photo whose upload the link could not carry.
      if (status.pending > 0) return short ? t.toSendShort : t.toSend;
      if (status.filesWaiting > 0) return short ? t.toSendShort : t.filesToSend;
      return t.upToDate;
  }
}
