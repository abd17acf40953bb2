// The compatibility contract at the server's door (src/protocol/README.md, "Compatibility"):
// every answer names the server's version; a client older than the oldest protocol served
// gets 426 with what it needs to tell its user, never a 400 it would retry forever.
import { afterEach, describe, expect, it } from 'vitest';
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

  it('refuses a protocol header that is not a version', async () => {
    server = await TestServer.start();
    const response = await call('/api/session', { [PROTOCOL_HEADER]: 'two' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'invalid_header' });
  });
});
