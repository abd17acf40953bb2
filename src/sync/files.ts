// Bytes of attachments on demand: a photo taken on another device, or a toolbox file marked
// "available offline", is fetched once and then kept on this device.
import { recordedSize } from '../db/attachments';
import { getBlob, storeFetchedBlob } from '../db/blobs';
import type { DataContext } from '../db/context';
import type { BlobEntry } from '../db/schema';
import { type Wait, waitingOutBusy } from './busy-server';
import { SyncError } from './errors';
import type { SyncTransport } from './transport';

/**
 * Fetches under way, by device and hash: a file asked for twice at once (the same photo
 * attached twice to a visit, a file opened while it is being kept offline) comes down once.
 */
const underWay = new WeakMap<DataContext, Map<string, Promise<BlobEntry | null>>>();

export async function ensureBlob(
  context: DataContext,
  transport: SyncTransport | null,
  sha256: string,
): Promise<BlobEntry | null> {
  const fetches = underWay.get(context) ?? new Map<string, Promise<BlobEntry | null>>();
  underWay.set(context, fetches);
  const running = fetches.get(sha256);
  if (running) return running;
  const local = await getBlob(context, sha256);
  if (local) return local;
  if (!transport) return null;
  // Asked again while this device looked for it here: the fetch that began meanwhile serves both.
  const begun = fetches.get(sha256);
  if (begun) return begun;
  const fetched = fetchBlob(context, transport, sha256).finally(() => fetches.delete(sha256));
  fetches.set(sha256, fetched);
  return fetched;
}

async function fetchBlob(context: DataContext, transport: SyncTransport, sha256: string): Promise<BlobEntry | null> {
  const { data, mimeType } = await transport.downloadAttachment(sha256, await recordedSize(context, sha256));
  if (!(await storeFetchedBlob(context, sha256, data, mimeType))) {
    throw new SyncError('server', 'the file arrived damaged; it is fetched again when next asked for');
  }
  return (await getBlob(context, sha256)) ?? null;
}

/**
 * One file, asked again after each 429 once the time the busy server named has passed (up to the
 * caps of busy-server.ts): a file the person opened arrives without their asking again. `onBusy`
 * hears each wait as it starts, then `null` once it is over and the file is asked again.
 */
export function fetchWaitingTurn(
  context: DataContext,
  transport: SyncTransport | null,
  sha256: string,
  {
    wait,
    signal,
    onBusy,
  }: { wait: Wait; signal?: AbortSignal | undefined; onBusy?: ((ms: number | null) => void) | undefined },
): Promise<BlobEntry | null> {
  const told: Wait = onBusy
    ? async (ms, stop) => {
        onBusy(ms);
        try {
          await wait(ms, stop);
        } finally {
          onBusy(null);
        }
      }
    : wait;
  return waitingOutBusy(() => ensureBlob(context, transport, sha256), told, signal);
}

/**
 * Fetches the files one after another (the valise's "disponible hors ligne" ones) until `signal`
 * aborts. A busy server's 429 is waited out and the same file asked again; a file that fails
 * otherwise stays « en attente » (asked for again next time) and the next ones still come.
 */
export async function fetchEach(
  context: DataContext,
  transport: SyncTransport,
  hashes: readonly string[],
  { wait, signal }: { wait: Wait; signal?: AbortSignal },
): Promise<void> {
  for (const sha256 of hashes) {
    if (signal?.aborted) return;
    try {
      await fetchWaitingTurn(context, transport, sha256, { wait, signal });
    } catch (error) {
      // Still refused after the waits: the next files would be refused as fast.
      if (error instanceof SyncError && error.status === 429) return;
    }
  }
}
