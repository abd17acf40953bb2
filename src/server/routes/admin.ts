import { Hono } from 'hono';
import { ID_PATTERN } from '../../domain/ids';
import {
  type DeviceInfo,
  invitationCancelSchema,
  invitationRequestSchema,
  networkRenameSchema,
  type StorageInfo,
} from '../../protocol/wire';
import { hashCode } from '../auth';
import { fail, refuseOtherMethods } from '../http-errors';
import { issueInvitation, memberOf } from '../invitations';
import { readEpoch } from '../ops/epoch';
import type { Device } from '../store/store';
import type { AppEnv } from './env';
import { readBody, refuseRevoked, requireAdmin, requireDevice } from './guard';

export function adminRoutes() {
  const routes = new Hono<AppEnv>();
  routes.use('*', requireDevice, requireAdmin);

  routes.post('/invitations', async (c) => {
    const body = await readBody(c, invitationRequestSchema);
    if (!body.ok) return body.response;
    const { networkId } = c.var.device;
    const { forMember } = body.value;
    if (forMember !== undefined && !(await memberOf(c.var.store, networkId, forMember)))
      return fail(c, 404, 'not_found', 'No device of this network belongs to this member.');
    const invitation = await issueInvitation(
      c.var.store,
      networkId,
      body.value.role,
      body.value.expiresInHours,
      c.var.now(),
      c.var.device.id,
      forMember ?? null,
    );
    // Its device revoked after its token's check: revoking an admin device ends its open
    // invitations, and this one, made during the revocation, would let a thief back in.
    if (!invitation) return refuseRevoked(c);
    return c.json(invitation, 201);
  });

  // What could still let someone in: a code given to the wrong person, or lost, is found here
  // and cancelled by its id after the screen that showed it was left.
  routes.get('/invitations', async (c) => {
    const at = new Date(c.var.now()).toISOString();
    return c.json({ invitations: await c.var.store.listOpenInvitations(c.var.device.networkId, at) });
  });

  // An invitation sent to the wrong person, or with the wrong role: its code then gets the
  // same refusal as a used one. The code, not a handle, names it: only its hash is stored, and
  // the code is kept out of the address (and so out of any access log). Unlike making one, a
  // cancel by an admin device revoked while it was on its way needs no check: that revocation
  // ended every invitation then open, and those made since are known to their makers alone.
  routes.post('/invitations/cancel', async (c) => {
    const body = await readBody(c, invitationCancelSchema);
    if (!body.ok) return body.response;
    const at = new Date(c.var.now()).toISOString();
    if (!(await c.var.store.endInvitation(c.var.device.networkId, { codeHash: hashCode(body.value.code) }, at)))
      return fail(c, 404, 'not_found', 'No invitation of this network still open has this code.');
    return c.body(null, 204);
  });

  routes.post('/invitations/:id/cancel', async (c) => {
    const id = c.req.param('id');
    if (!ID_PATTERN.test(id)) return fail(c, 400, 'invalid_id', 'The invitation id is not valid.');
    const at = new Date(c.var.now()).toISOString();
    if (!(await c.var.store.endInvitation(c.var.device.networkId, { id }, at)))
      return fail(c, 404, 'not_found', 'No invitation of this network still open has this id.');
    return c.body(null, 204);
  });

  // A name mistyped at setup: every device shows the new one from its next pull.
  routes.put('/network', async (c) => {
    const body = await readBody(c, networkRenameSchema);
    if (!body.ok) return body.response;
    const { networkId, id: askedBy } = c.var.device;
    // A stolen admin phone revoked while its rename was on its way does not name the network.
    const network = await c.var.store.renameNetwork(networkId, body.value.name, { askedBy });
    if (!network && (await c.var.store.getNetwork(networkId))) return refuseRevoked(c);
    if (!network) return fail(c, 404, 'not_found', "This device's network is no longer on this server.");
    return c.json({ networkName: network.name });
  });

  // After a restore: how many records the devices sent back that the backup did not have.
  routes.get('/recovery', async (c) => {
    const epoch = await readEpoch(c.var.store, c.var.device.networkId);
    const broughtBack = await c.var.store.countBroughtBack(c.var.device.networkId, epoch.epoch);
    return c.json({ ...epoch, broughtBack });
  });

  routes.get('/storage', async (c) => {
    const { networkId } = c.var.device;
    const usedBytes = await c.var.store.attachmentBytes(networkId);
    const records = await c.var.store.recordUsage(networkId);
    const storage: StorageInfo = {
      usedBytes,
      quotaBytes: c.var.config.networkStorageBytes,
      recordCount: records.count,
      recordBytes: records.bytes,
      recordQuotaBytes: c.var.config.networkRecordBytes,
    };
    return c.json(storage);
  });

  routes.get('/devices', async (c) => {
    const devices = await c.var.store.listDevices(c.var.device.networkId);
    return c.json({ devices: devices.map(toInfo) });
  });

  routes.post('/devices/:id/revoke', async (c) => {
    const id = c.req.param('id');
    if (!ID_PATTERN.test(id)) return fail(c, 400, 'invalid_id', 'The device id is not valid.');
    // A network without an admin device can invite no one and revoke nothing until someone
    // runs the server's command line: its last admin (often the caller's own phone) stays,
    // judged in the revocation's transaction (two admins may revoke each other at once). So is
    // the caller: a stolen admin phone revoked while its own revocation of another admin was on
    // its way must not take that one with it.
    const at = new Date(c.var.now()).toISOString();
    const revocation = await c.var.store.revokeDevice(c.var.device.networkId, id, at, { askedBy: c.var.device.id });
    if (revocation === 'asker_revoked') return refuseRevoked(c);
    if (revocation === 'last_admin')
      return fail(c, 409, 'last_admin', 'This is the last admin device of the network: invite another admin first.');
    if (revocation === 'not_found') return fail(c, 404, 'not_found', 'No such active device in this network.');
    return c.json({ revoked: id });
  });

  return refuseOtherMethods(routes);
}

function toInfo(device: Device): DeviceInfo {
  return {
    id: device.id,
    name: device.name,
    memberId: device.memberId,
    memberName: device.memberName,
    role: device.role,
    createdAt: device.createdAt,
    lastSeenAt: device.lastSeenAt,
    revokedAt: device.revokedAt,
  };
}
