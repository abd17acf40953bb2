// The compatibility contract at the server's door (src/protocol/README.md, "Compatibility"):
// every answer names the server's version; a client older than the oldest protocol served
// gets 426 with what it needs to tell its user, never a 400 it would retry forever.
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { formatHlc } from '../../src/protocol/hlc';
import {
  APP_HEADER,
  MIN_PROTOCOL_VERSION,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  SERVER_HEADER,
} from '../../src/protocol/wire';
import { SERVER_VERSION } from '../../src/server/versions';
import { TEST_SERVER_URL, TestServer } from '../helpers/test-server';

let server: TestServer;
afterEach(() => server.stop());

async function joinBody(network: string) {
  return JSON.stringify({
    code: await server.invite(network),
    deviceName: 'Téléphone',
    memberName: 'Camille',
    clockNode: '0123456789abcdef',
  });
}

/** A mutation creating a record of `type` with the base fields and `extra`. */
function creation(networkId: string, type: string, extra: Record<string, unknown>, recordId = newId()) {
  const at = new Date().toISOString();
  const clock = formatHlc({ millis: Date.now(), counter: 0, node: '0123456789abcdef' });
  const fields = { id: recordId, networkId, createdAt: at, updatedAt: at, updatedBy: 'C', deleted: false, ...extra };
  return {
    id: newId(),
    type,
    recordId,
    fields,
    clocks: Object.fromEntries(Object.keys(fields).map((k) => [k, clock])),
  };
}

/** A mutation changing `fields` of a record of `organisations`, one millisecond later. */
function change(recordId: string, fields: Record<string, unknown>) {
  const clock = formatHlc({ millis: Date.now() + 1, counter: 0, node: '0123456789abcdef' });
  const clocks = Object.fromEntries(Object.keys(fields).map((k) => [k, clock]));
  return { id: newId(), type: 'organisations', recordId, fields, clocks };
}

function call(path: string, headers: Record<string, string>, init: RequestInit = {}) {
  return server.fetch(`${TEST_SERVER_URL}${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

describe('which clients a server serves', () => {
  it('serves the first release, which sent no version headers, and names its own version', async () => {
    server = await TestServer.start();
    const network = await server.createNetwork('Réseau');
    const joined = await call('/api/join', {}, { method: 'POST', body: await joinBody(network.id) });
    expect(joined.status).toBe(200);
    expect(joined.headers.get(SERVER_HEADER)).toBe(SERVER_VERSION);
    const { token } = (await joined.json()) as { token: string };
    const session = await call('/api/session', { Authorization: `Bearer ${token}` });
    expect(await session.json()).toMatchObject({
      serverVersion: SERVER_VERSION,
      protocol: PROTOCOL_VERSION,
      minProtocol: MIN_PROTOCOL_VERSION,
    });
    const health = await call('/api/health', {});
    expect(await health.json()).toMatchObject({ serverVersion: SERVER_VERSION, protocol: PROTOCOL_VERSION });
  });

  it('answers 426 upgrade_required, with the oldest protocol it serves, to an older client', async () => {
    server = await TestServer.start(Date.now, {}, { minProtocol: PROTOCOL_VERSION + 1 });
    const network = await server.createNetwork('Réseau');
    const headers = { [APP_HEADER]: '0.1.0', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };
    const response = await call('/api/join', headers, { method: 'POST', body: await joinBody(network.id) });
    expect(response.status).toBe(426);
    expect(await response.json()).toMatchObject({
      code: 'upgrade_required',
      minProtocol: PROTOCOL_VERSION + 1,
      protocol: PROTOCOL_VERSION,
      serverVersion: SERVER_VERSION,
    });
    // Monitoring speaks no protocol: health still answers.
    expect((await call('/api/health', headers)).status).toBe(200);
  });

  it('refuses a protocol header that is not a version in decimal digits', async () => {
    server = await TestServer.start();
    for (const sent of ['two', '1e3', '0x2', '2.0', '+2', '02']) {
      const response = await call('/api/session', { [PROTOCOL_HEADER]: sent });
      expect(response.status, sent).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'invalid_header' });
    }
  });

  it('refuses a mutation of a record type it does not know alone, and applies the others of the push', async () => {
    server = await TestServer.start();
    const network = await server.createNetwork('Réseau');
    const joined = await call('/api/join', {}, { method: 'POST', body: await joinBody(network.id) });
    const { token } = (await joined.json()) as { token: string };
    const at = new Date().toISOString();
    const mutation = (type: string, extra: Record<string, unknown>) => creation(network.id, type, extra);
    const push = await call(
      '/api/sync/push',
      { Authorization: `Bearer ${token}` },
      {
        method: 'POST',
        body: JSON.stringify({
          mutations: [
            mutation('visits', { visitedAt: at, services: ['inform'], mood: 'enthousiaste' }),
            mutation('coffeeOrders', { size: 'grand' }),
            mutation('visits', { visitedAt: at, services: ['mentoring'] }),
          ],
        }),
      },
    );
    expect(push.status).toBe(200);
    const { results } = (await push.json()) as { results: { status: string; reason?: string }[] };
    expect(results.map((result) => result.status)).toEqual(['applied', 'rejected', 'applied']);
    expect(results[1]?.reason).toMatch(/unknown record type coffeeOrders/);
    // What it does not know of a known type (a field, a service) it keeps for the devices that do.
    const stored = (await server.snapshot(network.id)).map((row) => JSON.parse(row.data) as Record<string, unknown>);
    expect(stored.map((data) => data.mood ?? data.services)).toEqual(
      expect.arrayContaining(['enthousiaste', ['mentoring']]),
    );
  });

  it('gives the first release, which names no protocol, records in its shape, and keeps the rest', async () => {
    server = await TestServer.start();
    const network = await server.createNetwork('Réseau');
    const headers = async () => {
      const joined = await call('/api/join', {}, { method: 'POST', body: await joinBody(network.id) });
      return { Authorization: `Bearer ${((await joined.json()) as { token: string }).token}` };
    };
    const today = { ...(await headers()), [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };
    const first = await headers();
    const lieu = creation(network.id, 'organisations', {
      name: 'La Grange',
      kind: 'tiers_lieu',
      departementCode: '01',
    });
    const later = creation(network.id, 'coffeeOrders', { size: 'grand' });
    await call('/api/sync/push', today, { method: 'POST', body: JSON.stringify({ mutations: [lieu] }) });
    const pulled = async (as: Record<string, string>) => {
      const response = await call('/api/sync/pull?since=0', as);
      const page = (await response.json()) as { changes: { type: string; data: object; clocks: object }[] };
      return page.changes.filter((change) => change.type === 'organisations');
    };
    expect((await pulled(today))[0]?.data).toMatchObject({ name: 'La Grange', departementCode: '01' });
    const [shaped] = await pulled(first);
    expect(shaped?.data).toMatchObject({ name: 'La Grange' });
    expect(shaped?.data).not.toHaveProperty('departementCode');
    expect(shaped?.clocks).not.toHaveProperty('departementCode');

    // Its edit sends the fields it changed: the one it never saw stays; a refusal comes back shaped.
    const edit = change(lieu.recordId, { phone: '02 99 00 00 01' });
    const refused = change(lieu.recordId, { name: '' });
    const push = await call('/api/sync/push', first, {
      method: 'POST',
      body: JSON.stringify({ mutations: [edit, refused, later] }),
    });
    const { results } = (await push.json()) as { results: { status: string; current?: { data: object } }[] };
    expect(results.map((result) => result.status)).toEqual(['applied', 'rejected', 'rejected']);
    expect(results[1]?.current?.data).not.toHaveProperty('departementCode');
    expect((await pulled(today))[0]?.data).toMatchObject({ phone: '02 99 00 00 01', departementCode: '01' });
  });
});
