// The sync's failures, each of a named kind: the engine decides by it (retry, wait, tell the
// user) and screens word it, and nothing is discarded for it.

export type SyncErrorKind =
  /** No answer: no network, server down, DNS… (retried with backoff). */
  | 'unreachable'
  /** The token is unknown to the server. */
  | 'unauthorized'
  /** An admin removed this device from the network. */
  | 'revoked'
  /** The server refused the request itself (a bug or an incompatible server). */
  | 'refused'
  /** The server failed (5xx), or the request reached it too slowly (408); retried with backoff. */
  | 'server'
  /**
   * The answer is not one the network's server gives: a Wi-Fi login page, a proxy's page, an
   * answer cut short, a pull page whose cursor is no cursor. Nothing of it is kept; retried with backoff.
   */
  | 'unreadable'
  /** The server no longer serves this app's protocol (426): not retried until the app updates. */
  | 'upgrade_required'
  /** The server predates the compatibility contract (0.1.0): nothing is sent until it is upgraded. */
  | 'server_outdated'
  /**
   * The network's records reached the quota its server sets (507 network_full): this device's
   * changes wait in its outbox, it still receives the others'; retried with backoff.
   */
  | 'network_full'
  /** This device has no room left to keep what it pulls or writes: retried with backoff. */
  | 'storage_full'
  /** A failure of this device's own code (a bug): logged, shown as such, retried with backoff. */
  | 'unexpected';

export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly status?: number,
    /** The server asked to wait this long before calling again (429 Retry-After). */
    readonly retryAfterMs?: number,
    /** The server's code for a refusal (`hash_mismatch`…), when it named one. */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}
