// Bytes of photos and files, kept on the device by content hash until the server has them.
import type { RecordType } from '../domain/record-types';
import type { DataContext } from './context';
import type { BlobEntry } from './schema';

export async function sha256Hex(data: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Keeps the bytes of a file fetched from the server, if they are the file asked for: false
 * when they were damaged on the way (kept, they would sit under another hash for ever).
 */
export async function storeFetchedBlob(
  context: DataContext,
  sha256: string,
  data: ArrayBuffer,
  mimeType: string,
): Promise<boolean> {
  if ((await sha256Hex(data)) !== sha256) return false;
  await context.db.transaction('rw', context.db.blobs, () => putBlob(context, sha256, data, mimeType, true));
  return true;
}

/** Stores bytes already hashed, unless known; joins the caller's transaction if there is one. */
export async function putBlob(
  context: DataContext,
  sha256: string,
  data: ArrayBuffer,
  mimeType: string,
  fromServer = false,
): Promise<void> {
  const known = await context.db.blobs.get(sha256);
  if (known) return;
  await context.db.blobs.put({
    sha256,
    data,
    mimeType,
    size: data.byteLength,
    state: fromServer ? 'uploaded' : 'pending',
  });
}

export function getBlob(context: DataContext, sha256: string): Promise<BlobEntry | undefined> {
  return context.db.blobs.get(sha256);
}

/**
 * Hashes of the blobs the server does not have yet and has not refused, smallest first, but
 * those only deleted records show: a deleted visit's photos would spend a weak link and the
 * network's file space for no one. They stay pending on the device, left out while their
 * records stay deleted: a lieu two devices merged into each other comes back, and a file
 * attached again to another record keeps its stored blob as it is (putBlob).
 */
export async function blobsToUpload(context: DataContext): Promise<string[]> {
  const pending = context.db.blobs
    .where('[state+size]')
    .between(['pending', 0], ['pending', Number.POSITIVE_INFINITY], true, true);
  const hashes = (await pending.primaryKeys()) as string[];
  const unshown = await onlyDeletedRecordsShow(context, hashes);
  return unshown.size === 0 ? hashes : hashes.filter((sha256) => !unshown.has(sha256));
}

/** How many blobs are still to upload (the status's "fichiers à envoyer"). */
export async function countBlobsToUpload(context: DataContext): Promise<number> {
  return (await blobsToUpload(context)).length;
}

/**
 * Of `hashes`, those whose every attachment record is deleted or belongs to a deleted record.
 * A file no record names is not among them: nothing says it is not wanted.
 */
async function onlyDeletedRecordsShow(context: DataContext, hashes: readonly string[]): Promise<Set<string>> {
  const { db } = context;
  if (hashes.length === 0) return new Set();
  const attachments = await db.records('attachments').where('sha256').anyOf(hashes).toArray();
  const live = attachments.filter((attachment) => !attachment.deleted);
  const ownerIds = new Map<RecordType, string[]>();
  for (const { ownerType, ownerId } of live) ownerIds.set(ownerType, [...(ownerIds.get(ownerType) ?? []), ownerId]);
  const deletedOwners = new Set<string>();
  for (const [type, ids] of ownerIds) {
    for (const owner of await db.anyRecords(type).bulkGet(ids)) if (owner?.deleted) deletedOwners.add(owner.id);
  }
  const shown = new Set(live.filter((file) => !deletedOwners.has(file.ownerId)).map((file) => file.sha256));
  return new Set(attachments.map((file) => file.sha256).filter((sha256) => !shown.has(sha256)));
}

export async function markBlobUploaded(
  context: DataContext,
  sha256: string,
  refusal?: string,
  refusalCode?: string,
): Promise<void> {
  await context.db.blobs.update(
    sha256,
    refusal === undefined
      ? { state: 'uploaded' }
      : { state: 'refused', refusal, ...(refusalCode ? { refusalCode } : {}) },
  );
}

/**
 * The server's sentence for a file over the network's quota: files set aside before the device
 * kept the refusal's code are known by it.
 */
const QUOTA_SENTENCE = "This network's files already use ";

/** Set aside because the network's file quota was full: it goes again once it fits. */
export function refusedForQuota(blob: Pick<BlobEntry, 'refusal' | 'refusalCode'>): boolean {
  return (
    blob.refusalCode === 'quota_exceeded' ||
    (blob.refusalCode === undefined && !!blob.refusal?.startsWith(QUOTA_SENTENCE))
  );
}

/** Whether some file waits aside because the network's file quota was full. */
export async function hasBlobsRefusedForQuota(context: DataContext): Promise<boolean> {
  return (await refusedBlobs(context)).some(refusedForQuota);
}

/**
 * Puts back to send the files the quota refused that fit in `roomBytes`, smallest first;
 * returns how many.
 */
export async function requeueBlobsThatFit(context: DataContext, roomBytes: number): Promise<number> {
  const { db } = context;
  return db.transaction('rw', db.blobs, async () => {
    let room = roomBytes;
    let requeued = 0;
    for (const blob of (await refusedBlobs(context)).filter(refusedForQuota)) {
      if (blob.size > room) break;
      room -= blob.size;
      requeued += 1;
      await db.blobs.update(blob.sha256, { state: 'pending', refusal: undefined, refusalCode: undefined });
    }
    return requeued;
  });
}

/** The files set aside, smallest first (few: each is a file the server refused). */
function refusedBlobs(context: DataContext): Promise<BlobEntry[]> {
  return context.db.blobs
    .where('[state+size]')
    .between(['refused', 0], ['refused', Number.POSITIVE_INFINITY], true, true)
    .toArray();
}
