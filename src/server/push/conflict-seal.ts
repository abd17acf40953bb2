// The server's seal on the conflicts it makes. A conflict names who typed its losing text
// (`authorName`), which only the server may say; yet a server restored from a backup has lost
// those made since, and only devices hold them. The seal, an HMAC with a secret its network
// keeps in the store (so in every backup), lets the restored server take back a conflict it
// made and refuse one a device made up or changed (src/protocol/README.md, Server epoch).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a seal covers: every field of a conflict but its settling (`deleted`) and bookkeeping. */
const SEALED_FIELDS = [
  'id',
  'networkId',
  'createdAt',
  'recordType',
  'recordId',
  'field',
  'value',
  'clock',
  'authorName',
];
/** Names what is sealed and how, so that another use of the same secret can never match. */
const SEAL_PURPOSE = 'valise conflict seal 1';

/** A new network's secret: 32 random bytes, as base64url text. */
export function newSealKey(): string {
  return randomBytes(32).toString('base64url');
}

/** The seal of a conflict's content (null when a sealed field is not a text: no conflict the server made). */
function sealOf(key: string, conflict: Record<string, unknown>): string | null {
  const content: string[] = [SEAL_PURPOSE];
  for (const field of SEALED_FIELDS) {
    const value = conflict[field];
    if (typeof value !== 'string') return null;
    content.push(value);
  }
  // JSON of a list of texts: one text for one content, whatever the texts hold.
  return createHmac('sha256', Buffer.from(key, 'base64url')).update(JSON.stringify(content)).digest('base64url');
}

/** Seals a conflict the server makes. */
export function sealConflict(key: string, conflict: Record<string, unknown>): string {
  const seal = sealOf(key, conflict);
  if (seal === null) throw new Error('a conflict the server makes has every sealed field');
  return seal;
}

/** Whether a conflict carries the seal its network's server would give it (compared in constant time). */
export function holdsSeal(key: string, conflict: Record<string, unknown>): boolean {
  const claimed = conflict.seal;
  if (typeof claimed !== 'string') return false;
  const seal = sealOf(key, conflict);
  if (seal === null) return false;
  const expected = Buffer.from(seal);
  const given = Buffer.from(claimed);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
