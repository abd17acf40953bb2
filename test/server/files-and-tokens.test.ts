// Files are never served as documents of the app's origin, a network's files have a quota
// shown to its admins, and device tokens can be replaced and stop working when left idle.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { JoinResponse, StorageInfo } from '../../src/protocol/wire';
import { visitCreation } from '../helpers/mutations';
import { TEST_SERVER_URL, TestServer } from '../helpers/test-server';

let now = Date.parse('2026-11-28T10:00:00.000Z');
let server: TestServer;
let networkId: string;

async function start(env: NodeJS.ProcessEnv = {}) {
  server = await TestServer.start(() => now, env);
  networkId = (await server.createNetwork('Réseau')).id;
}

afterEach(async () => {
  await server.stop();
});

async function join(role: 'admin' | 'concierge' = 'concierge'): Promise<JoinResponse> {
  const code = await server.invite(networkId, role);
  const response = await server.fetch(`${TEST_SERVER_URL}/api/join`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, deviceName: 'Téléphone', memberName: 'Camille', clockNode: '0123456789abcdef' }),
  });
  return (await response.json()) as JoinResponse;
}

function call(path: string, token: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${token}`);
  return server.fetch(`${TEST_SERVER_URL}${path}`, { ...init, headers });
}

async function upload(token: string, bytes: Uint8Array, type: string) {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const response = await call(`/api/attachments/${sha256}`, token, {
    method: 'PUT',
    headers: { 'Content-Type': type },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
  return { sha256, response };
}

const text = (value: string) => new TextEncoder().encode(value);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('files served back', () => {
  it('never with the uploader’s HTML, SVG or script type: a download, sandboxed, not sniffed', async () => {
    await start();
    const device = await join();
    for (const [bytes, type] of [
      [text('<html><script>alert(document.cookie)</script></html>'), 'text/html'],
      [text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'image/svg+xml'],
      [text('alert(1)'), 'application/javascript'],
    ] as const) {
      const { sha256 } = await upload(device.token, bytes, type);
      const response = await call(`/api/attachments/${sha256}`, device.token);
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('application/octet-stream');
      expect(response.headers.get('Content-Disposition')).toBe('attachment');
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(response.headers.get('Content-Security-Policy')).toBe('sandbox');
    }
  });

  it('shows an image its bytes prove, whatever type it was sent with', async () => {
    await start();
    const device = await join();
    const { sha256 } = await upload(device.token, PNG, 'text/html');
    const response = await call(`/api/attachments/${sha256}`, device.token);
    expect(response.headers.get('Content-Type')).toBe('image/png');
    expect(response.headers.get('Content-Disposition')).toBe('inline');
    expect(response.headers.get('Content-Security-Policy')).toBe('sandbox');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);
  });
});

describe('a network’s storage quota', () => {
  it('refuses a file past the quota in words, takes the same file again, and shows usage to admins', async () => {
    await start({ VALISE_NETWORK_STORAGE_BYTES: '100' });
    const device = await join();
    const admin = await join('admin');
    const first = await upload(device.token, new Uint8Array(60).fill(1), 'application/octet-stream');
    expect(first.response.status).toBe(200);
    const second = await upload(device.token, new Uint8Array(60).fill(2), 'application/octet-stream');
    expect(second.response.status).toBe(413);
    const refusal = (await second.response.json()) as { code: string; error: string };
    expect(refusal.code).toBe('quota_exceeded');
    expect(refusal.error).toMatch(/^This network's files already use .* of the .* its server allows/);
    expect((await upload(device.token, new Uint8Array(60).fill(1), 'application/octet-stream')).response.status).toBe(
      200,
    );
    const storage = await call('/api/admin/storage', admin.token);
    expect(await storage.json()).toEqual({
      usedBytes: 60,
      quotaBytes: 100,
      recordCount: 0,
      recordBytes: 0,
      recordQuotaBytes: 1024 ** 3,
    });
    expect((await call('/api/admin/storage', device.token)).status).toBe(403);
  });

  it('shows the records a push stored at once', async () => {
    await start();
    const admin = await join('admin');
    const records = async () =>
      ((await (await call('/api/admin/storage', admin.token)).json()) as StorageInfo).recordCount;
    expect(await records()).toBe(0);
    const mutations = [visitCreation(now)];
    const pushed = await call('/api/sync/push', admin.token, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ mutations }),
    });
    expect(pushed.status).toBe(200);
    expect(await records()).toBe(1);
  });
});

describe('device tokens', () => {
  it('can be replaced: the new one works, the old one no longer does', async () => {
    await start();
    const device = await join();
    const rotated = await call('/api/session/token', device.token, { method: 'POST' });
    const { token } = (await rotated.json()) as { token: string };
    expect(token).not.toBe(device.token);
    expect((await call('/api/session', token)).status).toBe(200);
    expect((await call('/api/session', device.token)).status).toBe(401);
  });

  it('can be replaced by one the device chose (and stored first), the same one again being taken too', async () => {
    await start();
    const device = await join();
    const chosen = 'c'.repeat(43);
    const body = JSON.stringify({ token: chosen });
    const replace = (bearer: string, text: string) =>
      call('/api/session/token', bearer, {
        method: 'POST',
        body: text,
        headers: { 'Content-Type': 'application/json' },
      });
    expect(await (await replace(device.token, body)).json()).toEqual({ token: chosen });
    expect((await call('/api/session', device.token)).status).toBe(401);
    // The answer was lost: the device asks again with the token it staged.
    expect((await replace(chosen, body)).status).toBe(200);
    expect((await call('/api/session', chosen)).status).toBe(200);
    const weak = await replace(chosen, JSON.stringify({ token: 'short' }));
    expect(weak.status).toBe(400);
    expect(await weak.json()).toMatchObject({ code: 'invalid_body', issues: [{ field: 'token' }] });
    expect((await call('/api/session', chosen)).status).toBe(200);
  });

  it('is never replaced by another device’s token: 409 in words, both devices still themselves', async () => {
    await start();
    const admin = await join('admin');
    const concierge = await join();
    const taken = await call('/api/session/token', concierge.token, {
      method: 'POST',
      body: JSON.stringify({ token: admin.token }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({ code: 'token_taken', error: expect.stringMatching(/another device/) });
    const whoIs = async (token: string) => ((await (await call('/api/session', token)).json()) as JoinResponse).role;
    expect(await whoIs(admin.token)).toBe('admin');
    expect(await whoIs(concierge.token)).toBe('concierge');
  });

  it('stop working after the configured idle time, with a sentence that says so', async () => {
    await start({ VALISE_TOKEN_IDLE_DAYS: '30' });
    const device = await join();
    now += 29 * 86_400_000;
    expect((await call('/api/session', device.token)).status).toBe(200);
    now += 29 * 86_400_000;
    expect((await call('/api/session', device.token)).status).toBe(200);
    now += 31 * 86_400_000;
    const expired = await call('/api/session', device.token);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ code: 'expired' });
  });
});
