// Fair share: a device or an address that floods the server is told to wait (429 with
// Retry-After, in words and in JSON) while the others are served.
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { type ApiError, type JoinResponse, MAX_MAP_ENTRIES } from '../../src/protocol/wire';
import { RateLimiter, requestCost } from '../../src/server/rate-limit';
import { diagnosticCreation } from '../helpers/mutations';
import { TEST_SERVER_URL, TestServer } from '../helpers/test-server';

let server: TestServer;

afterEach(async () => {
  await server.stop();
});

async function join(networkId: string): Promise<JoinResponse> {
  const code = await server.invite(networkId);
  const response = await server.fetch(`${TEST_SERVER_URL}/api/join`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, deviceName: 'Téléphone', memberName: 'Camille', clockNode: '0123456789abcdef' }),
  });
  return (await response.json()) as JoinResponse;
}

function session(token: string) {
  return server.fetch(`${TEST_SERVER_URL}/api/session`, { headers: { Authorization: `Bearer ${token}` } });
}

/**
 * A server whose devices have a share of 30 units, its clock stopped: what passes is what the
 * units allow, however slow the machine. Returns the id of its network.
 */
async function serverWithStoppedShare(): Promise<string> {
  server = await TestServer.start(
    Date.now,
    { VALISE_DEVICE_RATE: '1', VALISE_ADDRESS_RATE: '0' },
    { monotonic: () => 0 },
  );
  return (await server.createNetwork('Réseau')).id;
}

describe('a share of the server per device and per address', () => {
  it('tells a flooding device to wait, in words, while another device is served', async () => {
    server = await TestServer.start(
      Date.now,
      { VALISE_DEVICE_RATE: '1', VALISE_ADDRESS_RATE: '0' },
      { monotonic: () => 0 },
    );
    const networkId = (await server.createNetwork('Réseau')).id;
    const flood = await join(networkId);
    const calm = await join(networkId);
    let refused: Response | null = null;
    for (let request = 0; request < 100 && !refused; request++) {
      const response = await session(flood.token);
      if (response.status === 429) refused = response;
    }
    expect(refused).not.toBeNull();
    const body = (await refused?.json()) as ApiError;
    expect(body).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 1 });
    expect(body.error).toBe('Too many requests from this device. Try again in 1 second.');
    expect(refused?.headers.get('Retry-After')).toBe('1');
    expect((await session(calm.token)).status).toBe(200);
  });

  it('tells a flooding address to wait, whatever device calls from it', async () => {
    // Its clock stopped: on a loaded machine a second between the refusal and the health check
    // gave the address its unit back, and the check was answered.
    server = await TestServer.start(
      Date.now,
      { VALISE_DEVICE_RATE: '0', VALISE_ADDRESS_RATE: '1' },
      { monotonic: () => 0 },
    );
    const networkId = (await server.createNetwork('Réseau')).id;
    const device = await join(networkId);
    let status = 200;
    for (let request = 0; request < 100 && status !== 429; request++) status = (await session(device.token)).status;
    expect(status).toBe(429);
    const health = await server.fetch(`${TEST_SERVER_URL}/api/health`);
    expect(health.status).toBe(429);
    expect(((await health.json()) as ApiError).error).toMatch(/^Too many requests from this address\./);
  });

  it('refills a share with time and charges a large body more than a small one', () => {
    const limiter = new RateLimiter(10, 30);
    expect(limiter.take('device', 30, 0)).toBe(0);
    expect(limiter.take('device', 1, 0)).toBe(100);
    expect(limiter.take('device', 1, 100)).toBe(0);
    expect(limiter.take('other', 1, 100)).toBe(0);
    const cost = (contentLength?: string, transferEncoding?: string) =>
      requestCost({ contentLength, transferEncoding }, 8 * 1024 * 1024);
    expect(cost('1000')).toBe(1);
    expect(cost(String(2 * 1024 * 1024))).toBe(33);
    // Sent without its length: charged as the largest body the server reads, before it arrives.
    expect(cost(undefined, 'chunked')).toBe(129);
  });

  it('lets a request dearer than the whole share go once it is full, and makes the next ones wait for its cost', () => {
    // It went free before: nothing was taken, so a flood of such requests was never slowed.
    const limiter = new RateLimiter(1, 30);
    expect(limiter.take('address', 129, 0)).toBe(0);
    expect(limiter.take('address', 1, 0)).toBe(100_000);
    expect(limiter.take('address', 1, 100_000)).toBe(0);
  });

  it('never charges more than the largest body the server reads, whatever length a request declares', () => {
    // One request declaring a terabyte, never sent, left its address in debt for 3.9 days.
    const declared = requestCost({ contentLength: String(2 ** 40), transferEncoding: undefined }, 8 * 1024 * 1024);
    expect(declared).toBe(129);
    const limiter = new RateLimiter(10, 300);
    expect(limiter.take('address', declared, 0)).toBe(0);
    expect(limiter.take('address', 200, 0)).toBe(2900);
  });

  it('charges a pull for the size of its answer: a device pulling megabytes again and again is told to wait', async () => {
    // Each pull was one unit, whatever it answered: a device (or a stolen token) asking for the
    // network's 8 MB first page ten times a second kept the server's CPU busy for everyone.
    const networkId = await serverWithStoppedShare();
    const writer = await join(networkId);
    const mutations = [1, 2].map(() => diagnosticCreation(Date.now(), MAX_MAP_ENTRIES, 'y'.repeat(400)));
    const pushed = await server.fetch(`${TEST_SERVER_URL}/api/sync/push`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${writer.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ mutations }),
    });
    expect(pushed.status).toBe(200);
    const puller = await join(networkId);
    const calm = await join(networkId);
    const pull = async (token: string) => {
      const answer = await server.fetch(`${TEST_SERVER_URL}/api/sync/pull?since=0`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      return { status: answer.status, length: (await answer.text()).length };
    };
    // A share of 30 units: thirty pulls of a few bytes; pulls of nearly 2 MB, a handful.
    const pulled: number[] = [];
    for (let status = 200; status === 200 && pulled.length < 30; ) {
      const answer = await pull(puller.token);
      status = answer.status;
      if (status === 200) pulled.push(answer.length);
    }
    expect(pulled[0]).toBeGreaterThan(1_500_000);
    expect(pulled.length).toBeLessThanOrEqual(5);
    expect((await pull(calm.token)).status).toBe(200);
  });

  it('charges a file for its size: a device downloading a large file again and again is told to wait', async () => {
    const networkId = await serverWithStoppedShare();
    const uploader = await join(networkId);
    const bytes = randomBytes(1024 * 1024);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const put = await server.fetch(`${TEST_SERVER_URL}/api/attachments/${sha256}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${uploader.token}`, 'Content-Type': 'image/jpeg' },
      body: bytes,
    });
    expect(put.status).toBe(200);
    const downloader = await join(networkId);
    // A share of 30 units: thirty requests of a few bytes; downloads of 1 MB, a handful.
    let downloads = 0;
    for (let status = 200; status === 200 && downloads < 30; ) {
      const answer = await server.fetch(`${TEST_SERVER_URL}/api/attachments/${sha256}`, {
        headers: { Authorization: `Bearer ${downloader.token}` },
      });
      status = answer.status;
      if (status !== 200) continue;
      expect((await answer.arrayBuffer()).byteLength).toBe(bytes.length);
      downloads++;
    }
    expect(downloads).toBeLessThanOrEqual(7);
  });

  it('charges a HEAD on a file one request, not the file it does not send', async () => {
    // Hono answers a HEAD with the GET route: it read the whole file and charged its size.
    const networkId = await serverWithStoppedShare();
    const uploader = await join(networkId);
    const reader = await join(networkId);
    const bytes = randomBytes(1024 * 1024);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const file = (method: string, token = reader.token) =>
      server.fetch(`${TEST_SERVER_URL}/api/attachments/${sha256}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'image/jpeg' },
        ...(method === 'PUT' ? { body: bytes } : {}),
      });
    expect((await file('PUT', uploader.token)).status).toBe(200);
    // A share of 30 units: 25 HEADs, then the file itself (one unit, and four once sent).
    for (let request = 0; request < 25; request++) {
      const head = await file('HEAD');
      expect(head.status).toBe(200);
      expect(head.headers.get('Content-Length')).toBe(String(bytes.length));
    }
    expect((await file('GET')).status).toBe(200);
    expect((await file('HEAD')).status).toBe(429);
  });

  it('charges a request without a body one unit, a POST with neither a length nor chunks included', async () => {
    // HTTP/1.1: such a request has no body. Charged as the largest body, a raw client's bodiless
    // POST (a token renewal, a revocation) cost 129 units: a dozen of them and the address waited.
    expect(requestCost({ contentLength: undefined, transferEncoding: undefined }, 8 * 1024 * 1024)).toBe(1);
    server = await TestServer.start(Date.now, { VALISE_DEVICE_RATE: '1', VALISE_ADDRESS_RATE: '0' });
    const device = await join((await server.createNetwork('Réseau')).id);
    // A share of 30 units: 20 bodiless POSTs fit in it.
    for (let request = 0; request < 20; request++) {
      const revocation = await server.fetch(`${TEST_SERVER_URL}/api/admin/devices/${device.deviceId}/revoke`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${device.token}` },
      });
      expect(revocation.status).toBe(403);
    }
  });
});
