import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { formatHlc } from '../../src/protocol/hlc';
import type { JoinResponse, Mutation, OpenInvitationInfo, PullResponse, PushResponse } from '../../src/protocol/wire';
import { hashCode } from '../../src/server/auth';
import { visitCreation } from '../helpers/mutations';
import { TEST_SERVER_URL, TestServer } from '../helpers/test-server';

let now = Date.parse('2026-11-28T10:00:00.000Z');
let server: TestServer;
let networkId: string;

async function call(path: string, init: RequestInit & { token?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
  if (typeof init.body === 'string') headers.set('Content-Type', 'application/json');
  const response = await server.fetch(`${TEST_SERVER_URL}${path}`, { ...init, headers });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: response.status, body: body as Record<string, unknown> };
}

async function join(role: 'admin' | 'concierge' = 'concierge', network = networkId): Promise<JoinResponse> {
  const code = await server.invite(network, role);
  const { status, body } = await call('/api/join', {
    method: 'POST',
    body: JSON.stringify({
      code,
      deviceName: 'Téléphone',
      memberName: `Membre ${role}`,
      clockNode: '0123456789abcdef',
    }),
  });
  expect(status).toBe(200);
  return body as unknown as JoinResponse;
}

/**
 * `stolen`'s next request is past its token's check when `keeper`'s revocation of it lands: the
 * revocation runs within that request's token lookup.
 */
function revokeOnItsWay(stolen: JoinResponse, keeper: JoinResponse): void {
  const findDevice = server.store.findDeviceByTokenHash.bind(server.store);
  server.store.findDeviceByTokenHash = async (tokenHash) => {
    const found = await findDevice(tokenHash);
    if (found?.id === stolen.deviceId && found.revokedAt === null) {
      const revoked = await call(`/api/admin/devices/${stolen.deviceId}/revoke`, {
        method: 'POST',
        token: keeper.token,
      });
      expect(revoked.status).toBe(200);
    }
    return found;
  };
}

/** A file's bytes (sent as JSON text by `call`) and their address. */
const PHOTO = { pixels: [0, 1, 2] };
const sha256Of = (text: string) => createHash('sha256').update(text).digest('hex');

/** A device's creation of a visit (test/helpers/mutations.ts), with some of its parts replaced. */
function visitMutation(recordId = newId(), overrides: Partial<Mutation> = {}): Mutation {
  return { ...visitCreation(now, undefined, recordId), ...overrides };
}

beforeEach(async () => {
  server = await TestServer.start(() => now);
  networkId = (await server.createNetwork('Réseau')).id;
});

afterEach(async () => {
  await server.stop();
});

describe('joining a network', () => {
  it('gives a token for a valid invitation, only once', async () => {
    const code = await server.invite(networkId, 'concierge');
    const body = JSON.stringify({ code, deviceName: 'Tablette', memberName: 'Sam', clockNode: 'aaaaaaaaaaaaaaaa' });
    const first = await call('/api/join', { method: 'POST', body });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ networkId, role: 'concierge', memberName: 'Sam' });
    const another = JSON.stringify({ code, deviceName: 'Autre', memberName: 'Eve', clockNode: 'bbbbbbbbbbbbbbbb' });
    const second = await call('/api/join', { method: 'POST', body: another });
    expect(second.status).toBe(403);
    expect(second.body.code).toBe('invalid_invitation');
  });

  describe('when the answer to a join was lost on the way', () => {
    const joinAs = (code: string, clockNode: string) =>
      call('/api/join', {
        method: 'POST',
        body: JSON.stringify({ code, deviceName: 'Téléphone', memberName: 'Sam', clockNode }),
      });

    it('lets the same device join again with the same code, under a new token', async () => {
      const code = await server.invite(networkId, 'concierge');
      const lost = await joinAs(code, 'cccccccccccccccc');
      now += 5 * 60_000;
      const again = await joinAs(code, 'cccccccccccccccc');
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ networkId, deviceId: lost.body.deviceId, role: 'concierge' });
      expect(again.body.token).not.toBe(lost.body.token);
      expect((await call('/api/session', { token: String(again.body.token) })).status).toBe(200);
      // The lost answer's token no longer opens the network.
      expect((await call('/api/session', { token: String(lost.body.token) })).status).toBe(401);
      const devices = await call('/api/admin/devices', { token: (await join('admin')).token });
      expect((devices.body.devices as unknown[]).length).toBe(2);
    });

    it('refuses the code once the device has used its token, or ten minutes on', async () => {
      const used = await server.invite(networkId, 'concierge');
      const joined = await joinAs(used, 'dddddddddddddddd');
      expect((await call('/api/session', { token: String(joined.body.token) })).status).toBe(200);
      // The server notes a device seen without holding the answer for it.
      await expect
        .poll(async () => {
          const devices = await server.store.listDevices(networkId);
          return devices.find((device) => device.id === joined.body.deviceId)?.lastSeenAt;
        })
        .not.toBeNull();
      expect((await joinAs(used, 'dddddddddddddddd')).status).toBe(403);

      const late = await server.invite(networkId, 'concierge');
      expect((await joinAs(late, 'eeeeeeeeeeeeeeee')).status).toBe(200);
      now += 11 * 60_000;
      expect((await joinAs(late, 'eeeeeeeeeeeeeeee')).body.code).toBe('invalid_invitation');
    });
  });

  it('refuses an expired invitation', async () => {
    const code = await server.invite(networkId, 'concierge');
    now += 25 * 3_600_000;
    const { status } = await call('/api/join', {
      method: 'POST',
      body: JSON.stringify({ code, deviceName: 'Tablette', memberName: 'Sam', clockNode: 'aaaaaaaaaaaaaaaa' }),
    });
    expect(status).toBe(403);
  });

  it('keeps no terminal escape or backwards override in a name, puts a space for a line break, and refuses a name of nothing else', async () => {
    const code = await server.invite(networkId, 'admin');
    const joined = await call('/api/join', {
      method: 'POST',
      body: JSON.stringify({
        code,
        deviceName: 'Télé\u0000phone\u001b[2J\u001b[31m de Sam\u202e',
        memberName: 'Sam\u0007\r\n\u0007 Root\u0085',
        clockNode: 'aaaaaaaaaaaaaaaa',
      }),
    });
    expect(joined.status).toBe(200);
    // Two lines pasted as one name ("Sam⏎Root") stay two words.
    expect(joined.body.memberName).toBe('Sam Root');
    const devices = await call('/api/admin/devices', { token: (joined.body as unknown as JoinResponse).token });
    expect(devices.body.devices).toEqual([
      expect.objectContaining({ name: 'Téléphone[2J[31m de Sam', memberName: 'Sam Root' }),
    ]);
    const empty = await call('/api/join', {
      method: 'POST',
      body: JSON.stringify({
        code: await server.invite(networkId, 'concierge'),
        deviceName: 'Tablette',
        memberName: '\u001b\u202e \u0000',
        clockNode: 'aaaaaaaaaaaaaaaa',
      }),
    });
    expect(empty.status).toBe(400);
    expect(empty.body.issues).toEqual([expect.objectContaining({ field: 'memberName' })]);
  });

  it('refuses a name that shows nothing, made of invisible characters alone, as it refuses an empty one', async () => {
    // Zero-width spaces and joiners, a word joiner, combining accents on nothing, Hangul fillers
    // and the blank Braille pattern (letters that draw nothing): every device
    // would list this member, and name them as a text's author, as a blank.
    const admin = await join('admin');
    const invisible = [
      '\u200b\u2060',
      '\u200d\u200c',
      '\u0301\u0301',
      '\u00a0\u3000\u200b',
      '\ud800',
      '\u3164\u3164',
      '\u2800',
      '\u115f\u1160\uffa0',
    ];
    for (const name of invisible) {
      const joined = await call('/api/join', {
        method: 'POST',
        body: JSON.stringify({
          code: await server.invite(networkId, 'concierge'),
          deviceName: 'Tablette',
          memberName: name,
          clockNode: 'aaaaaaaaaaaaaaaa',
        }),
      });
      expect(joined.status, JSON.stringify(name)).toBe(400);
      expect(joined.body.issues).toEqual([expect.objectContaining({ field: 'memberName' })]);
      const renamed = await call('/api/admin/network', {
        method: 'PUT',
        token: admin.token,
        body: JSON.stringify({ name }),
      });
      expect(renamed.status, JSON.stringify(name)).toBe(400);
    }
    const kept = await call('/api/join', {
      method: 'POST',
      body: JSON.stringify({
        code: await server.invite(networkId, 'concierge'),
        deviceName: 'Portable de Cam\ud800ille 👩‍💻',
        memberName: 'Camille',
        clockNode: 'aaaaaaaaaaaaaaaa',
      }),
    });
    expect(kept.status).toBe(200);
    const devices = await call('/api/admin/devices', { token: admin.token });
    expect(devices.body.devices).toContainEqual(expect.objectContaining({ name: 'Portable de Camille 👩‍💻' }));
  });

  it('answers malformed JSON with a 400 that says so', async () => {
    const { status, body } = await call('/api/join', { method: 'POST', body: '{"code":' });
    expect(status).toBe(400);
    expect(body.code).toBe('invalid_json');
  });

  it('answers 415 to a body that is not sent as JSON', async () => {
    const code = await server.invite(networkId);
    const join = JSON.stringify({ code, deviceName: 'Téléphone', memberName: 'Sam', clockNode: '0123456789abcdef' });
    // A string body is sent as text/plain by fetch itself when no type is named.
    const response = await server.fetch(`${TEST_SERVER_URL}/api/join`, { method: 'POST', body: join });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ code: 'unsupported_media_type' });
  });
});

describe('authorisation', () => {
  it('refuses sync without a token', async () => {
    expect((await call('/api/sync/pull')).status).toBe(401);
  });

  it('reads the token whatever the case of its scheme, as HTTP says (a client of its own may write "bearer")', async () => {
    const { token } = await join('concierge');
    for (const scheme of ['bearer', 'BEARER', 'Bearer'])
      expect((await call('/api/session', { headers: { Authorization: `${scheme} ${token}` } })).status).toBe(200);
    expect((await call('/api/session', { headers: { Authorization: `Basic ${token}` } })).status).toBe(401);
  });

  it('refuses an admin route to a concierge', async () => {
    const { token } = await join('concierge');
    const { status } = await call('/api/admin/devices', { token });
    expect(status).toBe(403);
  });

  it('takes a revocation into effect on the device’s next request', async () => {
    const admin = await join('admin');
    const phone = await join('concierge');
    expect((await call('/api/sync/pull', { token: phone.token })).status).toBe(200);
    const revoked = await call(`/api/admin/devices/${phone.deviceId}/revoke`, { method: 'POST', token: admin.token });
    expect(revoked.status).toBe(200);
    const after = await call('/api/sync/pull', { token: phone.token });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('revoked');
  });

  it('keeps the network\u2019s last admin device, its own included, and revokes an admin who has a successor', async () => {
    const admin = await join('admin');
    const self = await call(`/api/admin/devices/${admin.deviceId}/revoke`, { method: 'POST', token: admin.token });
    expect(self).toMatchObject({ status: 409, body: { code: 'last_admin' } });
    expect((await call('/api/sync/pull', { token: admin.token })).status).toBe(200);

    const successor = await join('admin');
    const revoked = await call(`/api/admin/devices/${admin.deviceId}/revoke`, {
      method: 'POST',
      token: successor.token,
    });
    expect(revoked.status).toBe(200);
    const last = await call(`/api/admin/devices/${successor.deviceId}/revoke`, {
      method: 'POST',
      token: successor.token,
    });
    expect(last.status).toBe(409);
  });

  it('answers an admin revoked while its revocation of another was on its way as revoked, and revokes no one', async () => {
    const keeper = await join('admin');
    const stolen = await join('admin');
    const third = await join('admin');
    revokeOnItsWay(stolen, keeper);
    const late = await call(`/api/admin/devices/${third.deviceId}/revoke`, { method: 'POST', token: stolen.token });
    expect(late).toMatchObject({ status: 401, body: { code: 'revoked' } });
    expect((await call('/api/sync/pull', { token: third.token })).status).toBe(200);
  });

  it.each([
    {
      write: 'invitation',
      request: { method: 'POST', path: '/api/admin/invitations', body: { role: 'admin' } },
      kept: async (keeper: JoinResponse) =>
        expect((await call('/api/admin/invitations', { token: keeper.token })).body).toEqual({ invitations: [] }),
    },
    {
      write: 'renaming of the network',
      request: { method: 'PUT', path: '/api/admin/network', body: { name: 'Appelez le 06 00 00 00 00' } },
      kept: async () => expect((await server.store.getNetwork(networkId))?.name).toBe('Réseau'),
    },
    {
      write: 'push',
      request: { method: 'POST', path: '/api/sync/push', body: { mutations: [visitMutation()] } },
      kept: async () => expect(await server.store.snapshot(networkId)).toEqual([]),
    },
    {
      write: 'upload of a file',
      request: { method: 'PUT', path: `/api/attachments/${sha256Of(JSON.stringify(PHOTO))}`, body: PHOTO },
      kept: async () => expect(await server.store.attachmentBytes(networkId)).toBe(0),
    },
  ])(
    'answers an admin revoked while its $write was on its way as revoked, and changes nothing',
    async ({ request, kept }) => {
      const keeper = await join('admin');
      const stolen = await join('admin');
      revokeOnItsWay(stolen, keeper);
      const late = await call(request.path, {
        method: request.method,
        token: stolen.token,
        body: JSON.stringify(request.body),
      });
      expect(late).toMatchObject({ status: 401, body: { code: 'revoked' } });
      await kept(keeper);
    },
  );

  it('ends the invitations not used yet when an admin device is revoked: a stolen phone’s codes let no one in', async () => {
    const keeper = await join('admin');
    const stolen = await join('admin');
    const concierge = await join('concierge');
    const invite = async (token: string) => {
      const { body } = await call('/api/admin/invitations', {
        method: 'POST',
        token,
        body: JSON.stringify({ role: 'admin' }),
      });
      return body.code as string;
    };
    const revoke = async (deviceId: string) => {
      expect(
        (await call(`/api/admin/devices/${deviceId}/revoke`, { method: 'POST', token: keeper.token })).status,
      ).toBe(200);
      now += 1000;
    };
    const joinWith = async (code: string, clockNode: string) => {
      const body = JSON.stringify({ code, deviceName: 'Autre', memberName: 'Quelqu’un', clockNode });
      return (await call('/api/join', { method: 'POST', body })).body.code;
    };
    const thiefCode = await invite(stolen.token);
    const keptCode = await invite(keeper.token);
    const spareCode = await invite(keeper.token);

    // A concierge's device issues no invitation: revoking one ends none.
    await revoke(concierge.deviceId);
    expect(await joinWith(spareCode, 'aaaaaaaaaaaaaaaa')).toBeUndefined();
    await revoke(stolen.deviceId);
    expect(await joinWith(thiefCode, 'bbbbbbbbbbbbbbbb')).toBe('invalid_invitation');
    // The keeping admin's own pending code ends too: it is given again, and the new one works.
    expect(await joinWith(keptCode, 'cccccccccccccccc')).toBe('invalid_invitation');
    expect(await joinWith(await invite(keeper.token), 'dddddddddddddddd')).toBeUndefined();
  });

  it('refuses a join whose body was held open across the revocation that ended its invitation', async () => {
    const keeper = await join('admin');
    const stolen = await join('admin');
    const { body: invitation } = await call('/api/admin/invitations', {
      method: 'POST',
      token: stolen.token,
      body: JSON.stringify({ role: 'admin' }),
    });
    // The thief's join starts before the revocation, its body held back until after it.
    const body = new TextEncoder().encode(
      JSON.stringify({
        code: invitation.code,
        deviceName: 'Autre',
        memberName: 'Quelqu’un',
        clockNode: 'eeeeeeeeeeeeeeee',
      }),
    );
    let send: (chunk: Uint8Array | null) => void = () => {};
    let reading: () => void = () => {};
    const read = new Promise<void>((resolve) => {
      reading = resolve;
    });
    const held = new ReadableStream<Uint8Array>(
      {
        start(controller) {
          send = (chunk) => (chunk ? controller.enqueue(chunk) : controller.close());
        },
        // The route asks for the body: the request has begun, its time taken.
        pull: () => reading(),
      },
      // No chunk asked for ahead: pull runs only once the route reads.
      { highWaterMark: 0 },
    );
    const joining = server.fetch(`${TEST_SERVER_URL}/api/join`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) },
      body: held,
      duplex: 'half',
    } as RequestInit);
    await read;
    now += 60_000;
    const revoked = await call(`/api/admin/devices/${stolen.deviceId}/revoke`, { method: 'POST', token: keeper.token });
    expect(revoked.status).toBe(200);
    now += 60_000;
    send(body);
    send(null);
    const answer = await joining;
    expect({ status: answer.status, code: ((await answer.json()) as { code?: string }).code }).toEqual({
      status: 403,
      code: 'invalid_invitation',
    });
  });

  it('lets an admin cancel one invitation: its code is then refused like a used one, the others still work', async () => {
    const admin = await join('admin');
    const concierge = await join('concierge');
    const invite = async () => {
      const { body } = await call('/api/admin/invitations', {
        method: 'POST',
        token: admin.token,
        body: JSON.stringify({ role: 'concierge' }),
      });
      return body.code as string;
    };
    const cancel = (code: string, token = admin.token) =>
      call('/api/admin/invitations/cancel', { method: 'POST', token, body: JSON.stringify({ code }) });
    const joinWith = async (code: string, clockNode: string) => {
      const body = JSON.stringify({ code, deviceName: 'Autre', memberName: 'Quelqu’un', clockNode });
      return call('/api/join', { method: 'POST', body });
    };
    const wrongPerson = await invite();
    const kept = await invite();

    expect((await cancel(wrongPerson, concierge.token)).status).toBe(403);
    // Typed as the person reads it aloud: lower case, without its dashes.
    expect((await cancel(wrongPerson.toLowerCase().replaceAll('-', ''))).status).toBe(204);
    expect(await cancel(wrongPerson)).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect(await joinWith(wrongPerson, 'aaaaaaaaaaaaaaaa')).toMatchObject({
      status: 403,
      body: { code: 'invalid_invitation' },
    });
    expect((await joinWith(kept, 'bbbbbbbbbbbbbbbb')).status).toBe(200);
    // A used code is no longer the admin's to cancel: the device that joined with it stays.
    expect(await cancel(kept)).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect((await cancel('pas un code !')).body.code).toBe('invalid_body');
  });

  it('lists the invitations still open — when, by whom, for which role, until when, never a code — and cancels one by its id', async () => {
    const admin = await join('admin');
    const concierge = await join('concierge');
    const byCommandLine = await server.invite(networkId, 'admin');
    const invite = async (expiresInHours = 72, forMember?: string) => {
      now += 60_000;
      const { body } = await call('/api/admin/invitations', {
        method: 'POST',
        token: admin.token,
        body: JSON.stringify({ role: 'concierge', expiresInHours, forMember }),
      });
      return body.code as string;
    };
    const list = async (token = admin.token) => call('/api/admin/invitations', { token });
    const cancel = (id: string, token = admin.token) =>
      call(`/api/admin/invitations/${id}/cancel`, { method: 'POST', token });
    const joinWith = (code: string, clockNode: string) =>
      call('/api/join', {
        method: 'POST',
        body: JSON.stringify({ code, deviceName: 'Autre', memberName: 'Quelqu’un', clockNode }),
      });
    const lost = await invite();
    const shortLived = await invite(1);
    const used = await invite();
    expect((await joinWith(used, 'aaaaaaaaaaaaaaaa')).status).toBe(200);
    // For the concierge's new device: it joins as that member.
    const kept = await invite(72, concierge.memberId);
    now += 2 * 3_600_000;

    const listed = await list();
    expect(listed.status).toBe(200);
    const invitations = listed.body.invitations as OpenInvitationInfo[];
    const byAdmin = { deviceName: 'Téléphone', memberName: 'Membre admin' };
    const made = { createdAt: expect.any(String), expiresAt: expect.any(String) };
    expect(invitations.map(({ id, ...shown }) => shown)).toEqual([
      { role: 'concierge', ...made, creator: byAdmin, forMemberName: 'Membre concierge' },
      { role: 'concierge', ...made, creator: byAdmin, forMemberName: null },
      { role: 'admin', ...made, creator: null, forMemberName: null },
    ]);
    expect(Date.parse(invitations[1]?.expiresAt as string) - Date.parse(invitations[1]?.createdAt as string)).toBe(
      72 * 3_600_000,
    );
    // The server keeps only the codes' hashes: nothing of a code, nor of its hash, goes out.
    const text = JSON.stringify(listed.body);
    for (const code of [lost, shortLived, used, kept, byCommandLine]) {
      expect(text).not.toContain(code);
      expect(text).not.toContain(hashCode(code));
    }

    expect((await list(concierge.token)).status).toBe(403);
    const lostId = invitations[1]?.id as string;
    expect((await cancel(lostId, concierge.token)).status).toBe(403);
    expect((await cancel(lostId)).status).toBe(204);
    expect(await cancel(lostId)).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect(await joinWith(lost, 'bbbbbbbbbbbbbbbb')).toMatchObject({
      status: 403,
      body: { code: 'invalid_invitation' },
    });
    expect(((await list()).body.invitations as OpenInvitationInfo[]).map((one) => one.id)).toEqual([
      invitations[0]?.id,
      invitations[2]?.id,
    ]);
    expect(await joinWith(kept, 'cccccccccccccccc')).toMatchObject({
      status: 200,
      body: { memberId: concierge.memberId, memberName: 'Membre concierge' },
    });
    expect(await cancel('pas-un-id')).toMatchObject({ status: 400, body: { code: 'invalid_id' } });
  });

  it('lets an admin invite and list devices', async () => {
    const admin = await join('admin');
    const invitation = await call('/api/admin/invitations', {
      method: 'POST',
      token: admin.token,
      body: JSON.stringify({ role: 'concierge' }),
    });
    expect(invitation.status).toBe(201);
    expect(invitation.body.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    // Its id is the one the open invitations list gives: the admin's device knows it there.
    const listed = await call('/api/admin/invitations', { token: admin.token });
    expect((listed.body.invitations as OpenInvitationInfo[]).map((open) => open.id)).toEqual([invitation.body.id]);
    const devices = await call('/api/admin/devices', { token: admin.token });
    expect((devices.body.devices as unknown[]).length).toBe(1);
  });

  it('lets an admin, and only an admin, correct the network’s name, which every pull then gives', async () => {
    const admin = await join('admin');
    const concierge = await join('concierge');
    const rename = (token: string, name: unknown) =>
      call('/api/admin/network', { method: 'PUT', token, body: JSON.stringify({ name }) });
    expect((await rename(concierge.token, 'Réseau de Sam')).status).toBe(403);
    const empty = await rename(admin.token, '   ');
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('invalid_body');
    const renamed = await rename(admin.token, '  Réseau des tiers-lieux\u202e du Pays de Redon ');
    expect(renamed).toEqual({ status: 200, body: { networkName: 'Réseau des tiers-lieux du Pays de Redon' } });
    const pulled = await call('/api/sync/pull?since=0', { token: concierge.token });
    expect(pulled.body.networkName).toBe('Réseau des tiers-lieux du Pays de Redon');
  });
});

describe('push and pull', () => {
  it('refuses an invalid push body with field-level issues, never a 500', async () => {
    const { token } = await join();
    const { status, body } = await call('/api/sync/push', {
      method: 'POST',
      token,
      body: JSON.stringify({ mutations: [{ id: 1 }] }),
    });
    expect(status).toBe(400);
    expect(body.code).toBe('invalid_body');
    expect((body.issues as { field: string }[]).length).toBeGreaterThan(0);
  });

  it('rejects an invalid record with a reason, and applies the valid one beside it', async () => {
    const { token } = await join();
    const bad = visitMutation(newId());
    bad.fields.services = ['not-a-service'];
    const good = visitMutation();
    const { body } = await call('/api/sync/push', {
      method: 'POST',
      token,
      body: JSON.stringify({ mutations: [bad, good] }),
    });
    const results = (body as unknown as PushResponse).results;
    expect(results[0]).toMatchObject({ status: 'rejected' });
    expect(results[0]?.status === 'rejected' && results[0].reason).toMatch(/services/);
    expect(results[1]).toEqual({ id: good.id, status: 'applied' });
  });

  it('pages a pull and tells how much remains', async () => {
    const { token } = await join();
    const mutations = Array.from({ length: 5 }, () => visitMutation());
    await call('/api/sync/push', { method: 'POST', token, body: JSON.stringify({ mutations }) });
    const first = (await call('/api/sync/pull?since=0&limit=2', { token })).body as unknown as PullResponse;
    expect(first.changes).toHaveLength(2);
    expect(first).toMatchObject({ hasMore: true, remaining: 3 });
    const rest = (await call(`/api/sync/pull?since=${first.cursor}&limit=10`, { token }))
      .body as unknown as PullResponse;
    expect(rest.changes).toHaveLength(3);
    expect(rest.hasMore).toBe(false);
    expect(rest.changes[0]?.data.networkId).toBe(networkId);
  });

  it.each(['abc', '', '%20', '0x10', '1e3', '-1', '1.5', '+1', '99999999999999999'])(
    'refuses a pull cursor that is not a cursor in decimal digits: since=%s',
    async (since) => {
      const { token } = await join();
      const answer = await call(`/api/sync/pull?since=${since}`, { token });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'invalid_query' });
    },
  );

  it.each(['', '0x10', '1e3'])('refuses a pull limit that is not in decimal digits: limit=%s', async (limit) => {
    const { token } = await join();
    expect((await call(`/api/sync/pull?since=0&limit=${limit}`, { token })).status).toBe(400);
  });

  it('never shows one network’s records to another', async () => {
    const other = (await server.createNetwork('Autre réseau')).id;
    const mine = await join();
    const theirs = await join('concierge', other);
    const mutation = visitMutation();
    await call('/api/sync/push', {
      method: 'POST',
      token: mine.token,
      body: JSON.stringify({ mutations: [mutation] }),
    });
    const pulled = (await call('/api/sync/pull', { token: theirs.token })).body as unknown as PullResponse;
    expect(pulled.changes).toEqual([]);
    const hijack = visitMutation(mutation.recordId, {
      fields: { notes: 'piraté' },
      clocks: { notes: formatHlc({ millis: now + 1, counter: 0, node: 'ffffffffffffffff' }) },
    });
    const { body } = await call('/api/sync/push', {
      method: 'POST',
      token: theirs.token,
      body: JSON.stringify({ mutations: [hijack] }),
    });
    const [result] = (body as unknown as PushResponse).results;
    expect(result?.status).toBe('rejected');
    expect(result?.status === 'rejected' && result.current).toBeNull();
  });
});

describe('attachments', () => {
  const bytes = new TextEncoder().encode('une photo');
  const sha = createHash('sha256').update(bytes).digest('hex');

  it('stores bytes at their hash and gives them back only within the network', async () => {
    const { token } = await join();
    const put = await call(`/api/attachments/${sha}`, {
      method: 'PUT',
      token,
      body: bytes,
      headers: { 'Content-Type': 'image/jpeg' },
    });
    expect(put.status).toBe(200);
    const response = await server.fetch(`${TEST_SERVER_URL}/api/attachments/${sha}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    const stranger = await join('concierge', (await server.createNetwork('Autre')).id);
    expect((await call(`/api/attachments/${sha}`, { token: stranger.token })).status).toBe(404);
  });

  it('refuses damaged bytes', async () => {
    const { token } = await join();
    const { status, body } = await call(`/api/attachments/${sha}`, {
      method: 'PUT',
      token,
      body: new TextEncoder().encode('autre chose'),
    });
    expect(status).toBe(400);
    expect(body.code).toBe('hash_mismatch');
  });

  it('refuses a file over the announced limit with the limit in words', async () => {
    await server.stop();
    server = await TestServer.start(() => now, { VALISE_MAX_ATTACHMENT_BYTES: '4' });
    networkId = (await server.createNetwork('Réseau')).id;
    const { token, maxAttachmentBytes } = await join();
    expect(maxAttachmentBytes).toBe(4);
    const { status, body } = await call(`/api/attachments/${sha}`, { method: 'PUT', token, body: bytes });
    expect(status).toBe(413);
    expect(body.error).toMatch(/MB/);
  });
});

describe('health', () => {
  it('reports that the store answers and takes writes', async () => {
    const { status, body } = await call('/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, store: 'sqlite' });
  });
});

describe('methods', () => {
  it('answers a route of the API called with another method with 405 in JSON, saying which it takes', async () => {
    const { token } = await join('admin');
    const sha = 'a'.repeat(64);
    const cases: [string, string, string][] = [
      ['PUT', '/api/sync/push', 'POST'],
      ['DELETE', '/api/sync/pull', 'GET, HEAD'],
      ['PATCH', '/api/join', 'POST'],
      ['PUT', '/api/session', 'GET, HEAD'],
      ['GET', '/api/session/token', 'POST'],
      ['DELETE', `/api/attachments/${sha}`, 'GET, HEAD, PUT'],
      ['POST', '/api/admin/devices', 'GET, HEAD'],
      ['DELETE', '/api/admin/invitations', 'GET, HEAD, POST'],
      ['GET', '/api/admin/invitations/cancel', 'POST'],
      ['GET', `/api/admin/invitations/${newId()}/cancel`, 'POST'],
      ['DELETE', '/api/admin/recovery', 'GET, HEAD'],
      ['GET', `/api/admin/devices/${newId()}/revoke`, 'POST'],
      ['POST', '/api/health', 'GET, HEAD'],
    ];
    for (const [method, path, allow] of cases) {
      const response = await server.fetch(`${TEST_SERVER_URL}${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.get('Allow'), `${method} ${path}`).toBe(allow);
      expect(await response.json()).toMatchObject({ code: 'method_not_allowed' });
    }
    // The methods it names work: a GET route answers HEAD.
    const head = await server.fetch(`${TEST_SERVER_URL}/api/session`, {
      method: 'HEAD',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(head.status).toBe(200);
    // A path the API does not have is still a 404.
    expect((await call('/api/nothing-here', { method: 'PUT', token })).status).toBe(404);
  });

  it('answers a path the API does not have with 404 in JSON whatever the method, without asking for a token', async () => {
    const paths = ['/api/nothing-here', '/api', '/api/sync', '/api/sync/nothing', '/api/admin/nothing/at/all'];
    for (const path of paths) {
      for (const method of ['OPTIONS', 'HEAD', 'GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'PROPFIND']) {
        const response = await server.fetch(`${TEST_SERVER_URL}${path}`, { method });
        expect(response.status, `${method} ${path}`).toBe(404);
        const text = await response.text();
        if (method !== 'HEAD')
          expect(JSON.parse(text), `${method} ${path}`).toEqual({ error: 'No such API route.', code: 'not_found' });
      }
    }
  });

  it('answers OPTIONS on a route of the API like any other method it does not take: 405 with Allow', async () => {
    const { token } = await join('admin');
    for (const [path, allow] of [
      ['/api/health', 'GET, HEAD'],
      ['/api/join', 'POST'],
      ['/api/sync/push', 'POST'],
      [`/api/attachments/${'a'.repeat(64)}`, 'GET, HEAD, PUT'],
    ]) {
      const response = await server.fetch(`${TEST_SERVER_URL}${path}`, {
        method: 'OPTIONS',
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(response.status, path).toBe(405);
      expect(response.headers.get('Allow'), path).toBe(allow);
      expect(await response.json()).toMatchObject({ code: 'method_not_allowed' });
    }
  });
});
