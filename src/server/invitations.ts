import { newId } from '../domain/ids';
import type { Role } from '../domain/vocabulary';
import type { InvitationResponse } from '../protocol/wire';
import { hashCode, newInvitationCode } from './auth';
import type { Device, Store } from './store/store';

/**
 * Creates a single-use invitation; only the code's hash is stored, the code is shown once.
 * `createdBy`: the admin device asking, null for the server's command line. Null is answered
 * (nothing stored) when that device was revoked while its request was on its way.
 * `forMember`: the member whose new device it lets in (checked by the caller to be one of the
 * network's); null, the default, lets in a new member.
 */
export async function issueInvitation(
  store: Store,
  networkId: string,
  role: Role,
  expiresInHours: number,
  now?: number,
  createdBy?: null,
  forMember?: string | null,
): Promise<InvitationResponse>;
export async function issueInvitation(
  store: Store,
  networkId: string,
  role: Role,
  expiresInHours: number,
  now: number,
  createdBy: string | null,
  forMember?: string | null,
): Promise<InvitationResponse | null>;
export async function issueInvitation(
  store: Store,
  networkId: string,
  role: Role,
  expiresInHours: number,
  now: number = Date.now(),
  createdBy: string | null = null,
  forMember: string | null = null,
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
    forMember,
    expiresAt,
    usedAt: null,
    attempts: 0,
  });
  return created ? { code, role, expiresAt, id } : null;
}

/**
 * A member of the network, as its latest device names it (revoked or not: a member whose only
 * phone was lost is invited again for a new one); null when none of its devices belongs to it.
 */
export async function memberOf(
  store: Store,
  networkId: string,
  memberId: string,
): Promise<Pick<Device, 'memberId' | 'memberName'> | null> {
  const latest = (await store.listDevices(networkId)).findLast((device) => device.memberId === memberId);
  return latest ? { memberId, memberName: latest.memberName } : null;
}

/** The link a new member opens: the app served by this server, on its join screen. */
export function invitationLink(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/$/, '')}/#/rejoindre?code=${encodeURIComponent(code)}`;
}
