// Sending this device's files to the server, apart from the records: smallest first and each on
// its own, so one large plan on a slow link never holds back the photos behind it.
import {
  blobsToUpload,
  getBlob,
  hasBlobsRefusedForQuota,
  markBlobUploaded,
  requeueBlobsThatFit,
  sha256Hex,
} from '../db/blobs';
import type { DataContext } from '../db/context';
import { deviceClock } from '../db/device-clock';
import { SyncError } from './errors';
import type { SyncTransport } from './transport';

/** What became of a file that did not go: left waiting (or set aside), or no answer came. */
type Failure = 'waits' | 'no_answer';

export class FileUploads {
  /** Until when (this device's clock) no file is sent: the server asked to wait (429). */
  private heldUntil = 0;

  /** Whether files wait aside for the network's file quota: read once, then kept up to date. */
  private quotaAside: boolean | null = null;

  constructor(private readonly context: DataContext) {}

  /** Whether some file waits for room in the network's file quota (the pull then asks how much there is). */
  async waitForRoom(): Promise<boolean> {
    this.quotaAside ??= await hasBlobsRefusedForQuota(this.context);
    return this.quotaAside;
  }

  /**
   * Puts back to send the files the quota refused that fit in the room the server reported
   * (an admin raised the quota or freed space); true when some did.
   */
  async takeBackThoseThatFit(roomBytes: number | undefined): Promise<boolean> {
    if (roomBytes === undefined || !this.quotaAside) return false;
    const requeued = await requeueBlobsThatFit(this.context, roomBytes);
    // Others may still wait: looked at again at the next run.
    this.quotaAside = null;
    return requeued > 0;
  }

  /**
   * Sends the files the server does not have yet. A file that could not go (too large for the
   * link's time, one the server fails) stays waiting while the others go; the sync engine then
   * sends the records all the same, and a later run sends what waits (the status counts it, and
   * the scheduler retries with its backoff). Meanwhile other devices show those files as still
   * on another device. Returns how long the files still wait when the server asked to slow
   * down, else null. Called within the engine's run, which no other tab of the device runs
   * beside (engine.ts): the same bytes never go twice at once on a weak link.
   */
  async send(transport: SyncTransport): Promise<number | null> {
    const held = this.heldUntil - deviceClock(this.context).physicalNow();
    if (held > 0) return held;
    let unanswered = 0;
    for (const sha256 of await blobsToUpload(this.context)) {
      const blob = await getBlob(this.context, sha256);
      if (!blob) continue;
      try {
        await transport.uploadAttachment(sha256, blob.data, blob.mimeType);
        await markBlobUploaded(this.context, sha256);
        unanswered = 0;
      } catch (error) {
        if (error instanceof SyncError && error.status === 429) return this.hold(error.retryAfterMs ?? null);
        const failure = await this.failed(sha256, blob.data, error);
        // Two in a row without an answer: the link is gone, not the file. Each larger file
        // would wait out a longer timeout before the records could go; they wait for the next run.
        unanswered = failure === 'no_answer' ? unanswered + 1 : 0;
        if (unanswered === 2) return null;
      }
    }
    return null;
  }

  /**
   * Too many requests from this device (429): no file is set aside, none is sent until the time
   * the server asks has passed (a later run, even one a new note starts), and the records, which
   * cost the server far less, still go.
   */
  private hold(retryAfterMs: number | null): number | null {
    this.heldUntil = deviceClock(this.context).physicalNow() + (retryAfterMs ?? 0);
    return retryAfterMs;
  }

  /** Sets a file aside, or leaves it waiting, after its upload failed; rethrows what is not the server's or the link's. */
  private async failed(sha256: string, data: ArrayBuffer, error: unknown): Promise<Failure> {
    if (!(error instanceof SyncError)) throw error;
    if (error.code === 'hash_mismatch') {
      // Damaged on the way: sent again at a later run, as the server asks, unless the bytes kept
      // here are the damaged ones (sending them again would fail for ever).
      if ((await sha256Hex(data)) !== sha256) {
        await markBlobUploaded(this.context, sha256, 'the bytes kept on this device no longer match their hash');
      }
      return 'waits';
    }
    // A file the server will never take must not stop the records behind it.
    if (error.kind === 'refused') {
      await markBlobUploaded(this.context, sha256, error.message, error.code);
      if (error.code === 'quota_exceeded') this.quotaAside = true;
      return 'waits';
    }
    if (error.kind === 'unreachable') return 'no_answer';
    if (error.kind === 'server') return 'waits';
    throw error;
  }
}
