// Open follow-ups, open loans and open conflicts straight from an index: after years, nearly
// every follow-up is done, nearly every loan returned and nearly every conflict settled (its
// tombstone kept), and IndexedDB indexes no boolean. An open one carries a key that a done,
// returned, settled or deleted one lacks, so its index holds the open ones only. The
// fields are derived, set by derived-key-writes.ts on every write and hidden from every read
// (derived-keys.ts).

export const OPEN_DUE = 'openDue';
export const OPEN_ITEM = 'openItemId';
/** An open conflict's key: the record it holds a text of. */
export const OPEN_RECORD = 'openRecordId';

/** The follow-ups' `openDue` key of an undated one: it sorts before every day. */
export const UNDATED = '';
