// Fair share: a device or an address that floods the server is told to wait (429 with
// Retry-After, in words and in JSON) while the others are served.
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError, JoinResponse } from '../../src/protocol/wire';
import { RateLimiter, requestCost } from '../../src/server/rate-limit';
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

describe('a share of the server per device and per address', () => {
  it('tells a flooding device to wait, in words, while another device is served', async () => {
    server = await TestServer.start(Date.now, { VALISE_DEVICE_RATE: '1', VALISE_ADDRESS_RATE: '0' });
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
    server = await TestServer.start(Date.now, { VALISE_DEVICE_RATE: '0', VALISE_ADDRESS_RATE: '1' });
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
    expect(requestCost('GET', undefined, 8_000_000)).toBe(1);
    expect(requestCost('POST', '1000', 8_000_000)).toBe(1);
    expect(requestCost('POST', String(2 * 1024 * 1024), 8_000_000)).toBe(33);
    // Sent without its length: charged as the largest body the server reads.
    expect(requestCost('POST', undefined, 8 * 1024 * 1024)).toBe(129);
  });
});
