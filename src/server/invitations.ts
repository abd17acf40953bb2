import { newId } from '../domain/ids';
import type { Role } from '../domain/vocabulary';
import type { InvitationResponse } from '../protocol/wire';
import { hashCode, newInvitationCode } from './auth';
import type { Store } from './store/store';

/**
 * Creates a single-use invitation; only the code's hash is stored, the code is shown once.
 * `createdBy`: the admin device asking, null for the server's command line. Null is answered
 * (nothing stored) when that device was revoked while its request was on its way.
 */
export async function issueInvitation(
  store: Store,
  networkId: string,
  role: Role,
  expiresInHours: number,
  now?: number,
  createdBy?: null,
): Promise<InvitationResponse>;
export async function issueInvitation(
  store: Store,
  networkId: string,
  role: Role,
  expiresInHours: number,
  now: number,
  createdBy: string | null,
): Promise<InvitationResponse | null>;
export async function issueInvitation(
  store: Store,
  networkId: string,
  role: Role,
  expiresInHours: number,
  now: number = Date.now(),
  createdBy: string | null = null,
): Promise<InvitationResponse | null> {
  const code = newInvitationCode();
  const id = newId();
  const expiresAt = new Date(now + expiresInHours * 3_600_000).toISOString();
  const created = await store.createInvitation({
    id,
    codeHash: hashCode(code),
    networkId,
    role,
    createdAt: new Date(now).toISOString(),
    createdBy,
    expiresAt,
    usedAt: null,
    attempts: 0,
  });
  return created ? { code, role, expiresAt, id } : null;
}

/** The link a new member opens: the app served by this server, on its join screen. */
export function invitationLink(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/$/, '')}/#/rejoindre?code=${encodeURIComponent(code)}`;
}
