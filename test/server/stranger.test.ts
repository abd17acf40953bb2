// What a stranger on the internet (or a device whose token leaked) can make a real server on
// loopback do with one connection: nothing may stay in its memory, keep its connection busy or
// be stored from a refused request, and every refusal is JSON with its code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type HostileWorld, rawCall, startHostileWorld } from '../helpers/hostile-world';

let world: HostileWorld;

beforeAll(async () => {
  world = await startHostileWorld();
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

/** A body that never ends: chunks as fast as the server takes them, until `stop` says so. */
function endlessBody(stop: AbortSignal): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  return new ReadableStream({
    pull(controller) {
      if (stop.aborted) controller.close();
      else controller.enqueue(chunk);
    },
  });
}

describe('a token request', () => {
  it('reads at most 4 KB, declared or streamed without end, and keeps the token it was sent with', async () => {
    const { token } = world.a.concierge;
    const declared = await rawCall(world.url, '/api/session/token', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: 'k'.repeat(43), padding: ' '.repeat(8 * 1024) }),
    });
    expect(declared.status).toBe(413);
    expect(declared.json).toMatchObject({ code: 'too_large' });

    const stop = new AbortController();
    const streamed = await fetch(`${world.url}/api/session/token`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: endlessBody(stop.signal),
      duplex: 'half',
    } as RequestInit);
    stop.abort();
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ code: 'too_large' });

    expect((await call(world.url, '/api/session', { token })).status).toBe(200);
    expect((await call(world.url, '/api/session', { token: 'k'.repeat(43) })).status).toBe(401);
  });
});
