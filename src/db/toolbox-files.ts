// Files of toolbox items on this device: whether the bytes are here (téléchargé), still to
// fetch (en attente), over the network's limit (trop volumineux) or waiting for room in the
// network's files (pas encore envoyé); what "available offline" items still need; and the space
// they take.
import type { Attachment } from '../domain/attachment';
import { maxAttachmentBytes } from './attachments';
import { refusedForQuota } from './blobs';
import type { DataContext } from './context';
import { withoutClocks } from './reads';
import type { BlobEntry } from './schema';

/** `waits_for_room`: the bytes are here, and the network's file quota refused them for now. */
export type FileState = 'downloaded' | 'pending' | 'too_large' | 'waits_for_room';

interface ItemFile {
  attachment: Attachment;
  state: FileState;
}

export function fileStateOf(
  context: DataContext,
  attachment: Attachment,
  blob: Pick<BlobEntry, 'state' | 'refusal' | 'refusalCode'> | undefined,
): FileState {
  if (attachment.size > maxAttachmentBytes(context)) return 'too_large';
  // The sync engine sends it again by itself once the server reports room for it.
  if (blob?.state === 'refused') return refusedForQuota(blob) ? 'waits_for_room' : 'too_large';
  return blob ? 'downloaded' : 'pending';
}

/** The file of each item that has one, by item id. */
export async function readItemFiles(context: DataContext): Promise<Map<string, ItemFile>> {
  const { db } = context;
  const items = await db
    .records('toolboxItems')
    .filter((item) => !item.deleted && !!item.attachmentId)
    .toArray();
  const attachments = await db.records('attachments').bulkGet(items.map((item) => item.attachmentId as string));
  const live = attachments.filter((file): file is NonNullable<typeof file> => !!file && !file.deleted);
  const blobs = await db.blobs.bulkGet(live.map((file) => file.sha256));
  const files = new Map<string, ItemFile>();
  live.forEach((file, index) => {
    const attachment = withoutClocks(file);
    files.set(file.ownerId, { attachment, state: fileStateOf(context, attachment, blobs[index]) });
  });
  return files;
}

/** Hashes of files of "available offline" items this device does not have yet. */
export async function offlineFilesToFetch(context: DataContext): Promise<string[]> {
  const files = await readItemFiles(context);
  const items = await context.db
    .records('toolboxItems')
    .filter((item) => !item.deleted && item.availableOffline === true)
    .toArray();
  const wanted = new Set(items.map((item) => item.id));
  return [...files.entries()]
    .filter(([itemId, file]) => wanted.has(itemId) && file.state === 'pending')
    .map(([, file]) => file.attachment.sha256);
}

/** The bytes of a file if they are on this device. */
export async function readFileBytes(context: DataContext, sha256: string): Promise<BlobEntry | undefined> {
  return context.db.blobs.get(sha256);
}

/** Space the valise's files take on this device (files already on the server). */
export async function valiseFilesUsage(context: DataContext): Promise<{ count: number; bytes: number }> {
  const files = await readItemFiles(context);
  const hashes = new Set([...files.values()].map((file) => file.attachment.sha256));
  let count = 0;
  let bytes = 0;
  for (const blob of await context.db.blobs.bulkGet([...hashes])) {
    if (blob?.state !== 'uploaded') continue;
    count += 1;
    bytes += blob.size;
  }
  return { count, bytes };
}

/**
 * Frees the space of the valise's files: only bytes the server already has are removed (they
 * can be fetched again); a file not yet sent stays.
 */
export async function freeValiseFiles(context: DataContext): Promise<number> {
  const files = await readItemFiles(context);
  const hashes = [...new Set([...files.values()].map((file) => file.attachment.sha256))];
  const { db } = context;
  return db.transaction('rw', db.blobs, async () => {
    const blobs = await db.blobs.bulkGet(hashes);
    const removable = blobs.filter((blob) => blob?.state === 'uploaded').map((blob) => blob?.sha256 as string);
    await db.blobs.bulkDelete(removable);
    return removable.length;
  });
}
