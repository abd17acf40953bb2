// The only code that talks to the network's server. Every failure becomes a SyncError of a
// named kind, so the engine can decide (retry, wait, tell the user) and never discard data.

import { isClockTime } from '../protocol/hlc';
import { REQUEST_ARRIVAL_LIMIT_MS } from '../protocol/timeouts';
import {
  APP_HEADER,
  FILES_ROOM,
  isNetworkName,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  SERVER_HEADER,
  type TokenRequest,
  type TokenResponse,
  withFieldClocks,
} from '../protocol/wire';
import { SyncError } from './errors';

export interface SyncTransport {
  /** The server's version, once it has answered. */
  readonly serverVersion?: string | null;
  /** Whether the server has named itself, even otherwise than by a release's version. */
  readonly namedItself?: boolean;
  /** `body`: the request already written as JSON (pushBody), sent as it is. */
  push(request: PushRequest, body?: Blob): Promise<PushResponse>;
  /**
   * `epoch`: the server epoch the device synced with, if any (see server-epoch.ts); `filesRoom`:
   * ask how much room the network's files have left (`filesRoomBytes`).
   */
  pull(since: number, limit: number, epoch?: string | null, filesRoom?: boolean): Promise<PullResponse>;
  uploadAttachment(sha256: string, data: ArrayBuffer, mimeType: string): Promise<void>;
  /** Asks the server to take `next` as this device's token, calling with `bearer` (default: the current one). */
  replaceToken(next: string, bearer?: string): Promise<TokenResponse>;
  /** `bytes`: the file's size as its record says, when known: the download is given time for it. */
  downloadAttachment(sha256: string, bytes?: number): Promise<{ data: ArrayBuffer; mimeType: string }>;
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * The longest wait a busy answer (429 Retry-After) is taken at its word for: the network's
 * server asks for seconds. A garbled one of years was a timer past 2^31 ms, which a browser
 * fires at once: the device then asked again and again without a pause.
 */
const LONGEST_ASKED_WAIT_MS = 3_600_000;

/**
 * A release's version as servers name theirs (package.json's: 0.1.0, 0.2.0; a pre-release would
 * be -alpha, -beta or -rc and a number): Réglages shows it as « Version du serveur », where a
 * header of any text (a sentence drawn backwards, an address to visit, even one dressed as a
 * pre-release part) would read as the app's own word. A server naming itself otherwise is still
 * taken as one (namedItself).
 */
const SERVER_VERSION_PATTERN = /^\d{1,9}\.\d{1,9}\.\d{1,9}(?:-(?:alpha|beta|rc)(?:\.\d{1,4})?)?$/;

/** How long a request may take before the device gives up on it and retries later. */
export const REQUEST_TIMEOUT_MS = 30_000;
/**
 * The link a file is given time for: a rural 3G/4G uplink in a bad hour (~256 kbit/s). A
 * download gets the same: a downlink that bad is met too, and a file's size is all one knows.
 */
const SLOW_LINK_BYTES_PER_SECOND = 256_000 / 8;

/**
 * How long sending or fetching a file of `bytes` may take: an ordinary request's time plus the
 * bytes' time on a slow link, so a 10 MB file on a weak link can finish; never past the server's
 * own limit for a request to arrive, which would answer 408 to an upload anyway.
 */
export function fileTimeoutMs(bytes: number): number {
  const sending = Math.ceil((bytes / SLOW_LINK_BYTES_PER_SECOND) * 1000);
  return Math.min(REQUEST_TIMEOUT_MS + sending, REQUEST_ARRIVAL_LIMIT_MS);
}

/** The headers every request of the app carries, so a server can tell what it talks to. */
export function versionHeaders(headers: Headers): Headers {
  headers.set(APP_HEADER, __APP_VERSION__);
  headers.set(PROTOCOL_HEADER, String(PROTOCOL_VERSION));
  return headers;
}

/** An authenticated call to the network's server, failures turned into SyncErrors. */
export class ApiClient {
  /** The server's version, from its last answer naming one as releases do (null before any). */
  serverVersion: string | null = null;
  /** Whether the server named itself (X-Valise-Server) at all, as a release or otherwise. */
  namedItself = false;
  /** The protocol the server speaks, from its last answer (null before any; 0.2.0 named none: 1). */
  serverProtocol: number | null = null;

  constructor(
    private readonly serverUrl: string,
    private readonly token: string,
    private readonly fetchImpl: Fetch = (input, init) => fetch(input, init),
    private readonly timeoutMs = REQUEST_TIMEOUT_MS,
  ) {}

  /** `timeoutMs`: this request's own, when it may take longer than others (an upload). */
  async call(path: string, init: RequestInit, timeoutMs = this.timeoutMs): Promise<Response> {
    const headers = versionHeaders(new Headers(init.headers));
    headers.set('Authorization', `Bearer ${this.token}`);
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.serverUrl.replace(/\/$/, '')}${path}`, {
        ...init,
        headers,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new SyncError('unreachable', `server unreachable: ${(error as Error).message}`);
    }
    const named = response.headers.get(SERVER_HEADER);
    if (named !== null) this.namedItself = true;
    if (named !== null && SERVER_VERSION_PATTERN.test(named)) this.serverVersion = named;
    this.serverProtocol = Number(response.headers.get(PROTOCOL_HEADER)) || 1;
    if (response.ok) return response;
    const body = (await response.json().catch(() => ({}))) as { code?: string; error?: string };
    const message = body.error ?? `HTTP ${response.status}`;
    if (response.status === 426) throw new SyncError('upgrade_required', message, 426);
    if (response.status === 401)
      throw new SyncError(body.code === 'revoked' ? 'revoked' : 'unauthorized', message, 401);
    if (response.status === 429) {
      const seconds = Number(response.headers.get('Retry-After'));
      const wait =
        Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1000, LONGEST_ASKED_WAIT_MS) : undefined;
      throw new SyncError('server', message, 429, wait);
    }
    if (response.status === 507 && body.code === 'network_full')
      throw new SyncError('network_full', message, 507, undefined, body.code);
    // A request that arrived too slowly (408: the link stalled, not the request) is sent again
    // like a server's failure; as a refusal, a photo whose upload stalled was set aside for good.
    if (response.status >= 500 || response.status === 408) throw new SyncError('server', message, response.status);
    throw new SyncError('refused', message, response.status, undefined, body.code);
  }
}

export class HttpTransport implements SyncTransport {
  private readonly api: ApiClient;

  constructor(
    private readonly serverUrl: string,
    token: string,
    private readonly fetchImpl?: Fetch,
    private readonly timeoutMs?: number,
  ) {
    this.api = new ApiClient(serverUrl, token, fetchImpl, timeoutMs);
  }

  get serverVersion(): string | null {
    return this.api.serverVersion;
  }

  get namedItself(): boolean {
    return this.api.namedItself;
  }

  /**
   * Sends protocol 2's short mutations (one clock each). A protocol-1 server (0.2.0) refuses
   * them whole, in an answer that names no protocol: the push goes again with every field's
   * clock, and so does every later push of this transport (src/protocol/README.md).
   */
  async push(request: PushRequest, body?: Blob): Promise<PushResponse> {
    const longForm = () => this.post({ mutations: request.mutations.map(withFieldClocks) });
    if ((this.api.serverProtocol ?? PROTOCOL_VERSION) < 2) return longForm();
    try {
      return await this.post(body ?? request);
    } catch (error) {
      if (error instanceof SyncError && error.status === 400 && (this.api.serverProtocol ?? 1) < 2) return longForm();
      throw error;
    }
  }

  private async post(body: PushRequest | Blob): Promise<PushResponse> {
    const response = await this.call('/api/sync/push', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: body instanceof Blob ? body : JSON.stringify(body),
    });
    return answerOf(response, isPushResponse);
  }

  async pull(since: number, limit: number, epoch?: string | null, filesRoom = false): Promise<PullResponse> {
    const known = epoch ? `&epoch=${encodeURIComponent(epoch)}` : '';
    const room = filesRoom ? `&room=${FILES_ROOM}` : '';
    const response = await this.call(`/api/sync/pull?since=${since}&limit=${limit}${known}${room}`, { method: 'GET' });
    return answerOf(response, isPullResponse);
  }

  async uploadAttachment(sha256: string, data: ArrayBuffer, mimeType: string): Promise<void> {
    await this.call(
      `/api/attachments/${sha256}`,
      { method: 'PUT', headers: { 'Content-Type': mimeType }, body: data },
      fileTimeoutMs(data.byteLength),
    );
  }

  async replaceToken(next: string, bearer?: string): Promise<TokenResponse> {
    const api = bearer ? new ApiClient(this.serverUrl, bearer, this.fetchImpl, this.timeoutMs) : this.api;
    const request: TokenRequest = { token: next };
    const response = await api.call('/api/session/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
    return answerOf(response, isTokenResponse);
  }

  async downloadAttachment(sha256: string, bytes?: number): Promise<{ data: ArrayBuffer; mimeType: string }> {
    const timeoutMs = bytes === undefined ? undefined : fileTimeoutMs(bytes);
    const response = await this.call(`/api/attachments/${sha256}`, { method: 'GET' }, timeoutMs);
    return {
      data: await response.arrayBuffer(),
      mimeType: response.headers.get('Content-Type') ?? 'application/octet-stream',
    };
  }

  /**
   * The first release's server (0.1.0) names no version. It predates the compatibility
   * contract (src/protocol/README.md): it refuses whole any record holding a field it does not
   * know, so this app's changes would be lost to it. The engine reads before it writes to a
   * server whose version it has not heard yet, so this stops a run before anything is sent.
   */
  private async call(path: string, init: RequestInit, timeoutMs?: number): Promise<Response> {
    const response = await this.api.call(path, init, timeoutMs);
    if (response.headers.has(SERVER_HEADER)) return response;
    // The first release answers JSON; a Wi-Fi login page or a proxy's page standing in for the
    // server answers HTML, and must not be taken for a server its admin should update.
    if (!isJson(response)) throw unreadable('the answer is not JSON and names no server version');
    throw new SyncError('server_outdated', 'the server names no version: it predates this app (0.1.0)');
  }
}

function unreadable(message: string): SyncError {
  return new SyncError('unreadable', `the answer is not the server's: ${message}`);
}

function isJson(response: Response): boolean {
  return /^application\/json\b/i.test(response.headers.get('Content-Type') ?? '');
}

/** The answer's JSON, when it has the shape the server gives; a SyncError 'unreadable' otherwise. */
export async function answerOf<T>(
  response: Response,
  hasShape: (value: Record<string, unknown>) => boolean,
): Promise<T> {
  let value: unknown;
  try {
    value = await response.json();
  } catch {
    throw unreadable('it is not whole JSON');
  }
  if (typeof value !== 'object' || value === null || !hasShape(value as Record<string, unknown>))
    throw unreadable('it lacks what the protocol says it holds');
  return value as T;
}

/** Only what the engine relies on before it looks at each change: a cursor stored is the next pull's `since`. */
function isPullResponse(page: Record<string, unknown>): boolean {
  return (
    Array.isArray(page.changes) &&
    Number.isSafeInteger(page.cursor) &&
    (page.cursor as number) >= 0 &&
    typeof page.hasMore === 'boolean' &&
    // The progress bar's total: text or nothing showed « NaN » to the user.
    Number.isSafeInteger(page.remaining) &&
    (page.remaining as number) >= 0 &&
    isClockTime(page.serverTime) &&
    (page.epoch === undefined || typeof page.epoch === 'string') &&
    // Optional: a server of a network's own may write false; only true is acted on.
    (page.restored === undefined || typeof page.restored === 'boolean') &&
    // Kept in the session, shown in Réglages and written into every backup (whose reader then
    // refused a name that is no text): no other answer holds one the device keeps.
    (page.networkName === undefined || isNetworkName(page.networkName)) &&
    (page.filesRoomBytes === undefined || isCount(page.filesRoomBytes))
  );
}

function isPushResponse(answer: Record<string, unknown>): boolean {
  return (
    Array.isArray(answer.results) &&
    answer.results.every(isMutationResult) &&
    isClockTime(answer.serverTime) &&
    // Shown as the hours the device's clock is ahead.
    (answer.clockAheadMs === undefined || isCount(answer.clockAheadMs))
  );
}

/**
 * A refusal is kept until the person dismisses it, and Réglages shows its reason and the fields
 * at fault: an issue naming no field there broke that screen at every visit, a reason that is
 * no text read « [object Object] ».
 */
function isMutationResult(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const result = value as Record<string, unknown>;
  if (typeof result.id !== 'string' || typeof result.status !== 'string') return false;
  if (result.status !== 'rejected') return true;
  return (
    typeof result.reason === 'string' &&
    (result.code === undefined || typeof result.code === 'string') &&
    (result.issues === undefined || (Array.isArray(result.issues) && result.issues.every(isFieldIssue))) &&
    (result.current === undefined || typeof result.current === 'object')
  );
}

function isFieldIssue(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const issue = value as Record<string, unknown>;
  return (
    typeof issue.field === 'string' &&
    typeof issue.message === 'string' &&
    (issue.type === undefined || typeof issue.type === 'string')
  );
}

/** A size or a count a server gives: a number, finite, not below zero. */
export function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isTokenResponse(answer: Record<string, unknown>): boolean {
  return typeof answer.token === 'string';
}

const utf8 = new TextEncoder();
const COMMA = 0x2c;

/**
 * A push's body from its mutations already written as JSON: their UTF-8 bytes, encoded a mutation
 * at a time, as a Blob. One typographic apostrophe (’) anywhere makes a joined string two-byte
 * whole, which Chromium converts to UTF-8 slowly; bytes given to fetch as they are are copied
 * there on the page's main thread, where a Blob hands them over. Ten bodies of 1,000 visits took
 * the main thread ~1.7 s to make and send as a Blob of the joined string (the body before),
 * ~0.7 s as bytes, ~0.35 s as a Blob of bytes, and all of Chromium's processes ~520, ~310 and
 * ~330 ms of CPU (interleaved, a loaded machine, Chromium 156, no DevTools attached).
 */
export function pushBody(encoded: readonly string[]): Blob {
  // A UTF-16 unit takes at most 3 bytes (a surrogate pair, two units, takes 4).
  let room = 16 + encoded.length;
  for (const json of encoded) room += json.length * 3;
  const bytes = new Uint8Array(room);
  let at = utf8.encodeInto('{"mutations":[', bytes).written;
  for (const [index, json] of encoded.entries()) {
    if (index > 0) bytes[at++] = COMMA;
    at += utf8.encodeInto(json, bytes.subarray(at)).written;
  }
  at += utf8.encodeInto(']}', bytes.subarray(at)).written;
  return new Blob([bytes.subarray(0, at)], { type: 'application/json' });
}
