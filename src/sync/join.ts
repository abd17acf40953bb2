// Joining a network with an invitation code: the server gives this device a token, and what
// was written on the device before becomes the network's (pushed on the next sync).
import type { DataContext, Session } from '../db/context';
import { deviceClock } from '../db/device-clock';
import { saveClockOffset, storeSession } from '../db/sync-store';
import { isClockTime } from '../protocol/hlc';
import { type ApiError, isNetworkName, type JoinRequest, type JoinResponse, MEMBER_NAME_MAX } from '../protocol/wire';
import { type Fetch, REQUEST_TIMEOUT_MS, versionHeaders } from './transport';

export type JoinFailure =
  | 'invalid_invitation'
  | 'unreachable'
  | 'invalid_input'
  | 'server'
  | 'upgrade_required'
  /** What answered is no Valise server: another site at that address, a Wi-Fi login page. */
  | 'not_valise';

export class JoinError extends Error {
  constructor(
    readonly kind: JoinFailure,
    message: string,
  ) {
    super(message);
    this.name = 'JoinError';
  }
}

export interface JoinInput {
  serverUrl: string;
  code: string;
  deviceName: string;
  memberName: string;
}

export async function joinNetwork(
  context: DataContext,
  input: JoinInput,
  fetchImpl: Fetch = (url, init) => fetch(url, init),
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<Session> {
  const serverUrl = input.serverUrl.trim().replace(/\/$/, '');
  const request: JoinRequest = {
    code: input.code.trim(),
    deviceName: input.deviceName.trim(),
    memberName: input.memberName.trim(),
    clockNode: deviceClock(context).node,
  };
  const before = deviceClock(context).physicalNow();
  // Over the answer's body too: a Wi-Fi login page or a server that never answers left the
  // form « Connexion… » for good, the person unable to try again but by reloading the app.
  const signal = AbortSignal.timeout(timeoutMs);
  const tooSlow = () => new JoinError('unreachable', `the server did not answer within ${timeoutMs / 1000} s`);
  let response: Response;
  try {
    response = await fetchImpl(`${serverUrl}/api/join`, {
      method: 'POST',
      headers: versionHeaders(new Headers({ 'Content-Type': 'application/json' })),
      body: JSON.stringify(request),
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw tooSlow();
    throw new JoinError('unreachable', `server unreachable: ${(error as Error).message}`);
  }
  // Every answer of a Valise server is JSON (the first release's too): an HTML page at that
  // address is another site's, whose "404" must not read as a code or names refused. A proxy's
  // own page for a server down or restarting (502–504) is about the server, not the address.
  if (!/^application\/json\b/i.test(response.headers.get('Content-Type') ?? '')) {
    if (response.status >= 500) throw new JoinError('server', `the proxy answered HTTP ${response.status}`);
    throw new JoinError('not_valise', `the answer is not JSON (HTTP ${response.status})`);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as Partial<ApiError>;
    if (signal.aborted) throw tooSlow();
    const kind: JoinFailure =
      response.status === 426
        ? 'upgrade_required'
        : body.code === 'invalid_invitation'
          ? 'invalid_invitation'
          : response.status < 500
            ? 'invalid_input'
            : 'server';
    throw new JoinError(kind, body.error ?? `HTTP ${response.status}`);
  }
  const joined = (await response.json().catch(() => null)) as JoinResponse | null;
  if (signal.aborted) throw tooSlow();
  if (!isJoinResponse(joined)) throw new JoinError('not_valise', 'the answer is not a join answer');
  const { token, serverTime, ...info } = joined;
  const session: Session = { ...info, serverUrl, token, tokenIssuedAt: new Date(serverTime).toISOString() };
  // Agree with the server's time before the first write under this network.
  const after = deviceClock(context).physicalNow();
  await saveClockOffset(context, deviceClock(context).offsetMs + serverTime - (before + after) / 2);
  await storeSession(context, session);
  return session;
}

/**
 * What a session is made of, as a server gives it: a device stored without them would be refused
 * at every sync, and Réglages shows its names (an object there broke the screen).
 */
function isJoinResponse(value: JoinResponse | null): value is JoinResponse {
  return (
    typeof value?.token === 'string' &&
    typeof value.networkId === 'string' &&
    typeof value.deviceId === 'string' &&
    isNetworkName(value.networkName) &&
    (value.memberId === undefined || typeof value.memberId === 'string') &&
    typeof value.memberName === 'string' &&
    value.memberName.length <= MEMBER_NAME_MAX &&
    (value.role === 'admin' || value.role === 'concierge') &&
    Number.isSafeInteger(value.maxAttachmentBytes) &&
    value.maxAttachmentBytes > 0 &&
    isClockTime(value.serverTime)
  );
}
