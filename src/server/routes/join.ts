import { Hono } from 'hono';
import { newId } from '../../domain/ids';
import {
  type JoinResponse,
  joinRequestSchema,
  networkNameOnWire,
  type SessionInfo,
  type TokenResponse,
  tokenRequestSchema,
} from '../../protocol/wire';
import { hashCode, hashSecret, newToken } from '../auth';
import { clientLimitKey, limitBody } from '../edge';
import { fail, refuseOtherMethods } from '../http-errors';
import { memberOf } from '../invitations';
import { readEpoch } from '../ops/epoch';
import type { Device, Invitation, Store } from '../store/store';
import type { AppEnv } from './env';
import { readBody, requireDevice } from './guard';

/**
 * A join body holds four short strings, a token request one: nothing larger is read (each is
 * read whole into memory, so a body streamed without end would take the memory with it).
 */
const MAX_SMALL_BODY_BYTES = 4096;

const limitJoinBody = limitBody(MAX_SMALL_BODY_BYTES, 'request', (c) =>
  c.var.joinFailures.fail(clientLimitKey(c), c.var.now()),
);
const limitTokenBody = limitBody(MAX_SMALL_BODY_BYTES, 'request');

/** Joins tried with one invitation's code before it stops working (a wrong code matches no invitation). */
const MAX_CODE_ATTEMPTS = 10;

/** How long a device whose join answer was lost may send the same join again. */
const LOST_ANSWER_WINDOW_MS = 10 * 60_000;

/**
 * The device that redeemed this invitation, when the same device (its clock's node, random
 * and never sent before joining) sends the join again soon after, without ever having used
 * the token it was given: the answer was lost on a weak link, and refusing the code would
 * leave the concierge without a way in until an admin invites again.
 */
async function deviceWithLostAnswer(
  store: Store,
  invitation: Invitation,
  clockNode: string,
  now: number,
): Promise<Device | null> {
  if (!invitation.usedAt || now - Date.parse(invitation.usedAt) > LOST_ANSWER_WINDOW_MS) return null;
  const devices = await store.listDevices(invitation.networkId);
  return (
    devices.find(
      (device) =>
        device.clockNode === clockNode &&
        device.createdAt === invitation.usedAt &&
        device.role === invitation.role &&
        device.lastSeenAt === null &&
        device.revokedAt === null,
    ) ?? null
  );
}

export function joinRoutes() {
  const routes = new Hono<AppEnv>();

  routes.post('/join', limitJoinBody, async (c) => {
    const arrived = c.var.now();
    const address = clientLimitKey(c);
    const wait = c.var.joinFailures.retryAfter(address, arrived);
    if (wait > 0) {
      const minutes = Math.ceil(wait / 60_000);
      c.header('Retry-After', String(Math.ceil(wait / 1000)));
      return fail(
        c,
        429,
        'too_many_attempts',
        `Too many wrong invitation codes from this address. Try again in ${minutes} minute${minutes > 1 ? 's' : ''}.`,
      );
    }
    const body = await readBody(c, joinRequestSchema);
    if (!body.ok) {
      // A body no device would send counts against the address like a wrong code.
      c.var.joinFailures.fail(address, arrived);
      return body.response;
    }
    // The code is judged once its body is in, not when the request began: a body held open
    // (for minutes, within the arrival limit) across an admin device's revocation must not
    // redeem an invitation the revocation ended.
    const now = c.var.now();
    const { code, deviceName, memberName, clockNode } = body.value;
    const store = c.var.store;
    const codeHash = hashCode(code);
    const invitation = await store.findInvitation(codeHash);
    const refused = () => {
      c.var.joinFailures.fail(address, now);
      return fail(
        c,
        403,
        'invalid_invitation',
        'This invitation code is unknown, used or expired. Ask an admin for a new one.',
      );
    };
    if (invitation?.usedAt) {
      const device = await deviceWithLostAnswer(store, invitation, clockNode, now);
      const network = device && (await store.getNetwork(device.networkId));
      if (!device || !network) return refused();
      // A new token: the lost answer's token may have reached someone else's hands.
      const token = newToken();
      await store.replaceToken(device.id, hashSecret(token));
      return c.json(joinResponse(device, network.name, token, c.var.config.maxAttachmentBytes, now));
    }
    if (!invitation || Date.parse(invitation.expiresAt) < now || invitation.attempts > MAX_CODE_ATTEMPTS) {
      return refused();
    }
    const network = await store.getNetwork(invitation.networkId);
    if (!network) return refused();
    // An invitation for a member's new device joins it as that member, under the name the
    // member has (the one typed may differ by a letter); any other lets in a new member, who
    // shares no notes with one who joined under the same name.
    const member = invitation.forMember
      ? await memberOf(store, network.id, invitation.forMember)
      : { memberId: newId(), memberName };
    if (!member) return refused();
    const token = newToken();
    const device: Device = {
      id: newId(),
      networkId: network.id,
      name: deviceName,
      ...member,
      role: invitation.role,
      clockNode,
      createdAt: new Date(now).toISOString(),
      lastSeenAt: null,
      revokedAt: null,
    };
    if (!(await store.redeemInvitation(codeHash, device, hashSecret(token)))) return refused();
    return c.json(joinResponse(device, network.name, token, c.var.config.maxAttachmentBytes, now));
  });

  routes.post('/session/token', limitTokenBody, requireDevice, async (c) => {
    let token = newToken();
    if ((await c.req.text()) !== '') {
      const body = await readBody(c, tokenRequestSchema);
      if (!body.ok) return body.response;
      token = body.value.token;
    }
    // A device draws its token from 32 random bytes: only a caller who already holds another
    // device's token can name it, and it must not take that device's place.
    if (!(await c.var.store.replaceToken(c.var.device.id, hashSecret(token))))
      return fail(c, 409, 'token_taken', 'This token is already used by another device: send a new random one.');
    const response: TokenResponse = { token };
    return c.json(response);
  });

  routes.get('/session', requireDevice, async (c) => {
    const network = await c.var.store.getNetwork(c.var.device.networkId);
    return c.json({
      ...sessionOf(c.var.device, network?.name ?? '', c.var.config.maxAttachmentBytes),
      ...c.var.serverInfo,
      serverTime: c.var.now(),
      epoch: (await readEpoch(c.var.store, c.var.device.networkId)).epoch,
    });
  });

  return refuseOtherMethods(routes);
}

function joinResponse(
  device: Device,
  networkName: string,
  token: string,
  maxAttachmentBytes: number,
  serverTime: number,
): JoinResponse {
  return { ...sessionOf(device, networkName, maxAttachmentBytes), token, serverTime };
}

function sessionOf(device: Device, networkName: string, maxAttachmentBytes: number): SessionInfo {
  return {
    networkId: device.networkId,
    networkName: networkNameOnWire(networkName),
    deviceId: device.id,
    memberId: device.memberId,
    memberName: device.memberName,
    role: device.role,
    maxAttachmentBytes,
  };
}
