// Open follow-ups and open loans straight from an index: after years, nearly every follow-up is
// done and nearly every loan returned, and IndexedDB indexes no boolean. An open one carries a
// key that a done, returned or deleted one lacks, so its index holds the open ones only. The
// fields are derived, kept by derived-keys.ts on every write and hidden from every read.

export const OPEN_DUE = 'openDue';
export const OPEN_ITEM = 'openItemId';

/** The follow-ups' `openDue` key of an undated one: it sorts before every day. */
export const UNDATED = '';

/** An open follow-up's key: its due day, or UNDATED; none once done or deleted. */
export function openDue(followUp: { deleted?: unknown; done?: unknown; dueDate?: unknown }): string | undefined {
  if (followUp.deleted || followUp.done) return undefined;
  return typeof followUp.dueDate === 'string' ? followUp.dueDate : UNDATED;
}

/** An open loan's key: the item it holds; none once returned or deleted. */
export function openItemId(loan: { deleted?: unknown; returnedAt?: unknown; itemId?: unknown }): string | undefined {
  if (loan.deleted || loan.returnedAt || typeof loan.itemId !== 'string') return undefined;
  return loan.itemId;
}
