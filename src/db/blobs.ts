// Bytes of photos and files, kept on the device by content hash until the server has them.
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

/** Hashes of the blobs the server does not have yet and has not refused, smallest first. */
export async function blobsToUpload(context: DataContext): Promise<string[]> {
  const pending = context.db.blobs
    .where('[state+size]')
    .between(['pending', 0], ['pending', Number.POSITIVE_INFINITY], true, true);
  return (await pending.primaryKeys()) as string[];
}

/** How many blobs are still to upload, counted on the index. */
export function countBlobsToUpload(context: DataContext): Promise<number> {
  return context.db.blobs.where('state').equals('pending').count();
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
export function refusedForQuota(blob: BlobEntry): boolean {
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
