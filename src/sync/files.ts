// Bytes of attachments on demand: a photo taken on another device, or a toolbox file marked
// "available offline", is fetched once and then kept on this device.
import { recordedSize } from '../db/attachments';
import { getBlob, storeFetchedBlob } from '../db/blobs';
import type { DataContext } from '../db/context';
import type { BlobEntry } from '../db/schema';
import { SyncError, type SyncTransport } from './transport';

export async function ensureBlob(
  context: DataContext,
  transport: SyncTransport | null,
  sha256: string,
): Promise<BlobEntry | null> {
  const local = await getBlob(context, sha256);
  if (local) return local;
  if (!transport) return null;
  const { data, mimeType } = await transport.downloadAttachment(sha256, await recordedSize(context, sha256));
  if (!(await storeFetchedBlob(context, sha256, data, mimeType))) {
    throw new SyncError('server', 'the file arrived damaged; it is fetched again when next asked for');
  }
  return (await getBlob(context, sha256)) ?? null;
}
