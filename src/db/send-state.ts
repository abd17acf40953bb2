// Where a record's changes stand with the network, for a page that says so after a save: read
// live (useLive), so the words change when a sync sends them, not when the page is opened again.
import type { DataContext } from './context';

/**
 * `unsent`: a change of it waits in the outbox; `refused`: the server refused one sent since
 * `since` (an ISO time), kept in Réglages. A refusal of an older change, still kept there, says
 * nothing of the save the page tells of.
 */
export type SendState = 'unsent' | 'sent' | 'refused';

export async function sendStateOf(context: DataContext, recordId: string, since: string): Promise<SendState> {
  const { db } = context;
  // The outbox holds what this device wrote since its last push: a few entries, read once each,
  // as the sync status's count reads them.
  const unsent = await db.outbox.filter((entry) => entry.recordIds.includes(recordId)).first();
  if (unsent) return 'unsent';
  const refusals = await db.rejected.where('recordId').equals(recordId).toArray();
  return refusals.some((refusal) => refusal.rejectedAt >= since) ? 'refused' : 'sent';
}
