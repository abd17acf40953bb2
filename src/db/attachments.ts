// Photos and files attached to a record: the bytes are kept by hash (blobs.ts) and uploaded by
// the sync engine; the description is an `attachments` record that syncs like any other.
import type { Attachment } from '../domain/attachment';
import type { RECORD_TYPES_WITH_ATTACHMENTS } from '../domain/attachment-owners';
import { getBlob, putBlob, sha256Hex } from './blobs';
import type { DataContext } from './context';
import type { BlobEntry } from './schema';
import { createRecord } from './writes';

/** Until a device has joined a network (which announces its own), files stay under 10 MB. */
const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

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

/** A file whose bytes are hashed and checked against the limit, ready to be stored in a transaction. */
interface HashedFile extends Omit<NewAttachment, 'ownerType' | 'ownerId'> {
  sha256: string;
}

/**
 * Hashes a file (WebCrypto is asynchronous, so this happens before a save's transaction opens:
 * awaiting it inside would commit the transaction early) and refuses one over the limit.
 */
export async function hashFile(
  context: DataContext,
  file: Omit<NewAttachment, 'ownerType' | 'ownerId'>,
): Promise<HashedFile> {
  const limit = maxAttachmentBytes(context);
  if (file.data.byteLength > limit) throw new AttachmentTooLargeError(file.data.byteLength, limit);
  return { ...file, sha256: await sha256Hex(file.data) };
}

/**
 * Stores a hashed file's bytes and its record. Runs inside the caller's transaction, which
 * must include blobs, attachments, the outbox and meta: bytes and record are stored together.
 */
export async function attachHashed(
  context: DataContext,
  owner: Pick<NewAttachment, 'ownerType' | 'ownerId'>,
  file: HashedFile,
): Promise<Attachment> {
  await putBlob(context, file.sha256, file.data, file.mimeType);
  return createRecord(context, 'attachments', {
    ownerType: owner.ownerType,
    ownerId: owner.ownerId,
    kind: file.kind,
    fileName: file.fileName,
    mimeType: file.mimeType,
    size: file.data.byteLength,
    sha256: file.sha256,
    width: file.width ?? null,
    height: file.height ?? null,
  });
}

/** Attaches one file to an existing record: hashed, then bytes and record in one transaction. */
export async function attachFile(context: DataContext, file: NewAttachment): Promise<Attachment> {
  const hashed = await hashFile(context, file);
  const { db } = context;
  return db.transaction('rw', [db.blobs, db.records('attachments'), db.outbox, db.meta], () =>
    attachHashed(context, file, hashed),
  );
}

export async function listAttachments(context: DataContext, ownerId: string): Promise<Attachment[]> {
  const all = await context.db.records('attachments').where('ownerId').equals(ownerId).toArray();
  return all.filter((attachment) => !attachment.deleted).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
}

/** A file's size as its record says (undefined when no record names it): what a download waits for. */
export async function recordedSize(context: DataContext, sha256: string): Promise<number | undefined> {
  return (await context.db.records('attachments').where('sha256').equals(sha256).first())?.size;
}

/** The bytes if this device has them (a file from another device is fetched by the sync state). */
export function localBytes(
  context: DataContext,
  attachment: Pick<Attachment, 'sha256'>,
): Promise<BlobEntry | undefined> {
  return getBlob(context, attachment.sha256);
}
