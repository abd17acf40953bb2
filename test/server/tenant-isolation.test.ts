// Every route, called by devices of network B about network A's data: refused or answered with
// B's own data only, and no answer ever carries one of A's identifiers, names or texts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { formatHlc } from '../../src/protocol/hlc';
import type { PushResponse } from '../../src/protocol/wire';
import { issueInvitation } from '../../src/server/invitations';
import { NO_SUCH_RECORD } from '../../src/server/push/plan';
import type { RawChange } from '../../src/server/store/store';
import { call, type HostileWorld, leakedSecrets, startHostileWorld } from '../helpers/hostile-world';
import { visitCreation } from '../helpers/mutations';

let world: HostileWorld;
let aBefore: RawChange[];
/** An invitation of A not used yet, for B's admin to try to cancel. */
let aCode: string;
/** The id of another invitation of A, kept open, for B's admin to try to cancel or see. */
let aOpenId: string;

beforeAll(async () => {
  world = await startHostileWorld();
  aBefore = await world.store.snapshot(world.a.networkId);
  aCode = (await issueInvitation(world.store, world.a.networkId, 'concierge', 24)).code;
  await issueInvitation(world.store, world.a.networkId, 'admin', 48, world.now, world.a.admin.deviceId);
  const aOpen = await world.store.listOpenInvitations(world.a.networkId, new Date(world.now).toISOString());
  aOpenId = aOpen.find((one) => one.role === 'admin')?.id as string;
  await issueInvitation(world.store, world.b.networkId, 'concierge', 24, world.now, world.b.admin.deviceId);
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

type Caller = 'admin' | 'concierge';

interface Case {
  route: string;
  caller: Caller;
  request: () => { path: string; init?: RequestInit };
  /** The status B's device gets. */
  status: number;
  /** More to check about the answer, beyond "no secret of A". */
  check?: (answer: Awaited<ReturnType<typeof call>>) => void | Promise<void>;
}

const aOpenInvitationIds = async () =>
  (await world.store.listOpenInvitations(world.a.networkId, new Date(world.now).toISOString())).map((one) => one.id);

const clockLater = () => formatHlc({ millis: world.now + 60_000 - 1, counter: 0, node: 'bbbbbbbbbbbbbbbb' });

const cases: Case[] = [
  {
    route: 'GET /api/session',
    caller: 'concierge',
    request: () => ({ path: '/api/session' }),
    status: 200,
    check: ({ json }) => expect(json?.networkId).toBe(world.b.networkId),
  },
  {
    route: 'GET /api/sync/pull',
    caller: 'concierge',
    request: () => ({ path: '/api/sync/pull?since=0&limit=5000' }),
    status: 200,
    check: ({ json }) => {
      const ids = ((json?.changes ?? []) as { id: string }[]).map((change) => change.id).sort();
      expect(ids).toEqual([...world.b.recordIds].sort());
    },
  },
  {
    route: 'POST /api/sync/push (edit a record of A)',
    caller: 'admin',
    request: () => {
      const clock = clockLater();
      const edit = {
        ...visitCreation(world.now, 'bbbbbbbbbbbbbbbb', world.a.recordIds[0]),
        fields: { notes: 'écrasé par B' },
        clocks: { notes: clock },
      };
      return { path: '/api/sync/push', init: { method: 'POST', body: JSON.stringify({ mutations: [edit] }) } };
    },
    status: 200,
    check: ({ json }) => {
      const [result] = (json as unknown as PushResponse).results;
      expect(result).toMatchObject({ status: 'rejected', current: null });
      // Word for word what an edit of an id that exists nowhere gets.
      expect(result?.status === 'rejected' && result.reason).toBe(NO_SUCH_RECORD);
    },
  },
  {
    route: 'POST /api/sync/push (create with an id of A)',
    caller: 'concierge',
    request: () => {
      const creation = visitCreation(world.now, 'bbbbbbbbbbbbbbbb', world.a.recordIds[1], 'volé');
      creation.fields.networkId = world.a.networkId;
      return { path: '/api/sync/push', init: { method: 'POST', body: JSON.stringify({ mutations: [creation] }) } };
    },
    status: 200,
    check: async ({ json }) => {
      // Ids are per network: B gets a record of its own under that id, A's stays as it was.
      expect((json as unknown as PushResponse).results[0]).toMatchObject({ status: 'applied' });
      const ofB = (await world.store.snapshot(world.b.networkId)).find((row) => row.id === world.a.recordIds[1]);
      expect(JSON.parse(ofB?.data ?? '{}')).toMatchObject({ networkId: world.b.networkId, notes: 'volé' });
    },
  },
  {
    route: 'POST /api/sync/push (claim network A in the data)',
    caller: 'concierge',
    request: () => {
      const creation = visitCreation(world.now, 'bbbbbbbbbbbbbbbb');
      creation.fields.networkId = world.a.networkId;
      return { path: '/api/sync/push', init: { method: 'POST', body: JSON.stringify({ mutations: [creation] }) } };
    },
    status: 200,
    check: async () => {
      // Applied, but in B: the server stamps the caller's network whatever the data says.
      const a = await world.store.snapshot(world.a.networkId);
      expect(a).toEqual(aBefore);
    },
  },
  {
    route: 'GET /api/attachments/:sha256',
    caller: 'concierge',
    request: () => ({ path: `/api/attachments/${world.a.attachment.sha256}` }),
    status: 404,
  },
  {
    route: 'PUT /api/attachments/:sha256 (other bytes at A’s address)',
    caller: 'concierge',
    request: () => ({
      path: `/api/attachments/${world.a.attachment.sha256}`,
      init: { method: 'PUT', body: new TextEncoder().encode('remplacé'), headers: { 'Content-Type': 'image/png' } },
    }),
    status: 400,
  },
  {
    route: 'GET /api/admin/devices',
    caller: 'admin',
    request: () => ({ path: '/api/admin/devices' }),
    status: 200,
    check: ({ json }) => {
      const ids = ((json?.devices ?? []) as { id: string }[]).map((device) => device.id).sort();
      expect(ids).toEqual([world.b.admin.deviceId, world.b.concierge.deviceId, world.b.revoked.deviceId].sort());
    },
  },
  {
    route: 'POST /api/admin/devices/:id/revoke (a device of A)',
    caller: 'admin',
    request: () => ({ path: `/api/admin/devices/${world.a.concierge.deviceId}/revoke`, init: { method: 'POST' } }),
    status: 404,
    check: async () => {
      const still = await call(world.url, '/api/session', { token: world.a.concierge.token });
      expect(still.status).toBe(200);
    },
  },
  {
    route: 'POST /api/admin/invitations',
    caller: 'admin',
    request: () => ({
      path: '/api/admin/invitations',
      init: { method: 'POST', body: JSON.stringify({ role: 'admin' }) },
    }),
    status: 201,
    check: async ({ json }) => {
      const joined = await call(world.url, '/api/join', {
        method: 'POST',
        body: JSON.stringify({ code: json?.code, deviceName: 'x', memberName: 'x', clockNode: 'cccccccccccccccc' }),
      });
      expect(joined.json?.networkId).toBe(world.b.networkId);
    },
  },
  {
    route: 'POST /api/admin/invitations/cancel (an invitation of A)',
    caller: 'admin',
    request: () => ({
      path: '/api/admin/invitations/cancel',
      init: { method: 'POST', body: JSON.stringify({ code: aCode }) },
    }),
    status: 404,
    check: async () => {
      // Still A's to use: answered exactly as a code B never had.
      const joined = await call(world.url, '/api/join', {
        method: 'POST',
        body: JSON.stringify({ code: aCode, deviceName: 'x', memberName: 'x', clockNode: 'dddddddddddddddd' }),
      });
      expect(joined.json?.networkId).toBe(world.a.networkId);
    },
  },
  {
    route: 'GET /api/admin/invitations',
    caller: 'admin',
    request: () => ({ path: '/api/admin/invitations' }),
    status: 200,
    check: ({ json }) => {
      // B's one open invitation, made by its admin; A's is neither listed nor named.
      const listed = (json?.invitations ?? []) as { id: string; creator: { memberName: string } | null }[];
      expect(listed.map((one) => one.creator?.memberName)).toEqual(['SECRET-ADMIN-B']);
      expect(listed.map((one) => one.id)).not.toContain(aOpenId);
    },
  },
  {
    route: 'POST /api/admin/invitations/:id/cancel (an invitation of A)',
    caller: 'admin',
    request: () => ({ path: `/api/admin/invitations/${aOpenId}/cancel`, init: { method: 'POST' } }),
    status: 404,
    check: async () => expect(await aOpenInvitationIds()).toContain(aOpenId),
  },
  {
    route: 'GET /api/admin/invitations (as a concierge)',
    caller: 'concierge',
    request: () => ({ path: '/api/admin/invitations' }),
    status: 403,
  },
  {
    route: 'POST /api/admin/invitations/:id/cancel (as a concierge, one of its own network)',
    caller: 'concierge',
    request: () => ({ path: `/api/admin/invitations/${newId()}/cancel`, init: { method: 'POST' } }),
    status: 403,
  },
  {
    route: 'POST /api/admin/invitations (as a concierge)',
    caller: 'concierge',
    request: () => ({
      path: '/api/admin/invitations',
      init: { method: 'POST', body: JSON.stringify({ role: 'admin' }) },
    }),
    status: 403,
  },
];

describe('tenant isolation: a device of network B against network A', () => {
  it.each(cases)('$route → $status, nothing of A in the answer', async ({ caller, request, status, check }) => {
    const { path, init } = request();
    const token = world.b[caller].token;
    const answer = await call(world.url, path, { ...init, token });
    expect(answer.status).toBe(status);
    expect(leakedSecrets(answer.text, world.a)).toEqual([]);
    await check?.(answer);
    expect(await world.store.snapshot(world.a.networkId)).toEqual(aBefore);
  });

  it.each([
    ['GET', '/api/session'],
    ['GET', '/api/sync/pull'],
    ['POST', '/api/sync/push'],
    ['GET', '/api/admin/devices'],
    ['POST', '/api/admin/invitations'],
    ['POST', '/api/admin/invitations/cancel'],
    ['GET', '/api/admin/invitations'],
  ])('refuses %s %s to a revoked device of A, saying so and nothing more', async (method, path) => {
    const answer = await call(world.url, path, {
      method,
      token: world.a.revoked.token,
      ...(method === 'POST' ? { body: '{}' } : {}),
    });
    expect(answer.status).toBe(401);
    expect(answer.json?.code).toBe('revoked');
    expect(leakedSecrets(answer.text, world.a)).toEqual([]);
  });
});
