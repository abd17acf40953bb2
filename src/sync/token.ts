// Replacing the device's token now and then, so that a token copied from a lost phone or a
// backup stops working on its own. The device chooses its next token and stores it before it
// asks: if the answer is lost or the app is killed after the server took it, the next run finds
// the old token refused and the staged one taken, and finishes the swap — never locked out.
import type { DataContext } from '../db/context';
import { deviceClock } from '../db/device-clock';
import { adoptToken, keepToken, stageNextToken } from '../db/session-token';
import { SyncError } from './errors';
import type { SyncTransport } from './transport';

/** A token older than this is replaced at the next sync (the server expires idle ones at 180). */
export const TOKEN_MAX_AGE_DAYS = 30;
const DAY_MS = 86_400_000;

/** Replaces the token when it is due or a replacement is pending; does nothing otherwise. */
export async function replaceTokenIfDue(context: DataContext, transport: SyncTransport): Promise<void> {
  const session = context.session;
  if (!session) return;
  const now = deviceClock(context).physicalNow();
  const issued = session.tokenIssuedAt ? Date.parse(session.tokenIssuedAt) : Number.NaN;
  const due = !(now - issued < TOKEN_MAX_AGE_DAYS * DAY_MS);
  if (!session.nextToken && !due) return;
  const next = session.nextToken ?? newDeviceToken();
  if (!session.nextToken) await stageNextToken(context, next);
  const at = new Date(now).toISOString();
  try {
    const { token } = await transport.replaceToken(next).catch((error: unknown) => {
      // Refused with the old token while a replacement was staged: the server took it already.
      if (error instanceof SyncError && error.kind === 'unauthorized' && session.nextToken)
        return transport.replaceToken(next, next);
      throw error;
    });
    await adoptToken(context, token, at);
  } catch (error) {
    // A server that does not replace tokens (404) keeps the current one; asked again later.
    if (error instanceof SyncError && error.kind === 'refused' && error.status === 404) await keepToken(context, at);
    else throw error;
  }
}

/** 32 random bytes in base64url, like the server's own tokens. */
function newDeviceToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
