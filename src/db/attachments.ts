// Photos and files attached to a record: the bytes are kept by hash (blobs.ts) and uploaded by
// the sync engine; the description is an `attachments` record that syncs like any other.
import type { Attachment } from '../domain/attachment';
import type { RECORD_TYPES_WITH_ATTACHMENTS } from '../domain/attachment-owners';
import { getBlob, storeBlob } from './blobs';
import type { DataContext } from './context';
import type { BlobEntry } from './schema';
import { createRecord, deleteRecord } from './writes';

/** Until a device has joined a network (which announces its own), files stay under 10 MB. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** A file larger than the network accepts: refused before anything is stored. */
export class AttachmentTooLargeError extends Error {
  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    super(`the file is ${size} bytes; the limit is ${limit}`);
    this.name = 'AttachmentTooLargeError';
  }
}

export interface NewAttachment {
  ownerType: (typeof RECORD_TYPES_WITH_ATTACHMENTS)[number];
  ownerId: string;
  kind: 'photo' | 'file';
  fileName: string;
  mimeType: string;
  data: ArrayBuffer;
  width?: number | null;
  height?: number | null;
}

export function maxAttachmentBytes(context: DataContext): number {
  return context.session?.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
}

export async function attachFile(context: DataContext, file: NewAttachment): Promise<Attachment> {
  const limit = maxAttachmentBytes(context);
  if (file.data.byteLength > limit) throw new AttachmentTooLargeError(file.data.byteLength, limit);
  // Hashing is asynchronous (WebCrypto), so the bytes are stored before the record; bytes
  // without a record are harmless, a record without bytes is not.
  const sha256 = await storeBlob(context, file.data, file.mimeType);
  return createRecord(context, 'attachments', {
    ownerType: file.ownerType,
    ownerId: file.ownerId,
    kind: file.kind,
    fileName: file.fileName,
    mimeType: file.mimeType,
    size: file.data.byteLength,
    sha256,
    width: file.width ?? null,
    height: file.height ?? null,
  });
}

export async function listAttachments(context: DataContext, ownerId: string): Promise<Attachment[]> {
  const all = await context.db.records('attachments').where('ownerId').equals(ownerId).toArray();
  return all.filter((attachment) => !attachment.deleted).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
}

export function removeAttachment(context: DataContext, id: string): Promise<Attachment> {
  return deleteRecord(context, 'attachments', id);
}

/** The bytes if this device has them (a file from another device is fetched by the sync state). */
export function localBytes(
  context: DataContext,
  attachment: Pick<Attachment, 'sha256'>,
): Promise<BlobEntry | undefined> {
  return getBlob(context, attachment.sha256);
}
