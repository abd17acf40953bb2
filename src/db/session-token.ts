// The device's session as the server changes it: its token as it is replaced (src/sync/token.ts),
// each step written before the next one is taken, so a crash between two leaves a token the
// server still takes; the network's name, when an admin corrects it; and that
// the device was removed from the network, which the server never undoes.
import type { DataContext, Session } from './context';

/** Keeps the token about to be sent as the replacement, before it is sent. */
export function stageNextToken(context: DataContext, nextToken: string): Promise<void> {
  return changeSession(context, (session) => ({ ...session, nextToken }));
}

/** The server took `token`: it becomes the device's token, from `issuedAt`. */
export function adoptToken(context: DataContext, token: string, issuedAt: string): Promise<void> {
  return changeSession(context, ({ nextToken: _sent, ...session }) => ({ ...session, token, tokenIssuedAt: issuedAt }));
}

/** The server does not replace tokens (an older release): the current one is kept, asked again later. */
export function keepToken(context: DataContext, askedAt: string): Promise<void> {
  return changeSession(context, ({ nextToken: _sent, ...session }) => ({ ...session, tokenIssuedAt: askedAt }));
}

/** The network's name as its server now gives it, if the device is still in that network. */
export function adoptNetworkName(context: DataContext, networkId: string, networkName: string): Promise<void> {
  return changeSession(context, (session) => (session.networkId === networkId ? { ...session, networkName } : session));
}

/** The server refused this device for good (an admin removed it): said once, kept. */
export function noteRevoked(context: DataContext, at: string): Promise<void> {
  return changeSession(context, (session) => (session.revokedAt ? session : { ...session, revokedAt: at }));
}

async function changeSession(context: DataContext, change: (session: Session) => Session): Promise<void> {
  const { db } = context;
  // Read from the database, not the context: leaving the network meanwhile must not be undone.
  const session = await db.transaction('rw', db.meta, async () => {
    const stored = (await db.meta.get('session'))?.value as Session | undefined;
    if (!stored) return null;
    const next = change(stored);
    await db.meta.put({ key: 'session', value: next });
    return next;
  });
  if (session) context.session = session;
}
