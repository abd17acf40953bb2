// The sync engine replaces the device's token once it is old, against the real server, and a
// replacement cut short (lost answer, app killed) is finished by the next run: never locked out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/db/context';
import { createRecord } from '../../src/db/writes';
import { TOKEN_MAX_AGE_DAYS } from '../../src/sync/token';
import { type DevicePair, joinedPair } from '../helpers/device-pair';
import { TestDevice } from '../helpers/test-device';

const DAY_MS = 86_400_000;
const visit = { visitedAt: '2026-11-20T09:00:00.000Z', purpose: 'Passage', notes: '', services: ['detect' as const] };

let pair: DevicePair;
beforeEach(async () => {
  pair = await joinedPair(['Alix', 'Bastien']);
});
afterEach(() => pair.close());

/** Makes the device's token `days` old, as a device that joined that long ago holds it. */
async function age(device: TestDevice, days: number): Promise<void> {
  const { db } = device.context;
  const session = (await db.meta.get('session'))?.value as Session;
  const aged = { ...session, tokenIssuedAt: new Date(Date.now() - days * DAY_MS).toISOString() };
  await db.meta.put({ key: 'session', value: aged });
  device.context.session = aged;
}

async function works(token: string): Promise<boolean> {
  const answer = await pair.server.fetch('http://valise.test/api/session', {
    headers: { Authorization: `Bearer ${token}` },
  });
  return answer.status === 200;
}

async function storedSession(device: TestDevice): Promise<Session> {
  return (await device.context.db.meta.get('session'))?.value as Session;
}

describe('the device token', () => {
  it('is kept while young, and replaced at the first sync once older than the limit', async () => {
    const { a } = pair;
    const joined = a.context.session?.token as string;
    await a.sync();
    expect((await storedSession(a)).token).toBe(joined);

    await age(a, TOKEN_MAX_AGE_DAYS + 1);
    await createRecord(a.context, 'visits', visit);
    await a.sync();
    expect(a.engine.status.state).toBe('idle');
    const stored = await storedSession(a);
    expect(stored.token).not.toBe(joined);
    expect(stored.nextToken).toBeUndefined();
    expect(Date.now() - Date.parse(stored.tokenIssuedAt as string)).toBeLessThan(DAY_MS);
    expect(await works(stored.token)).toBe(true);
    expect(await works(joined)).toBe(false);
    // The run went on with the new token: the visit reached the network.
    expect(await a.outboxSize()).toBe(0);
    await pair.b.sync();
    expect((await pair.b.records()).some((record) => record.purpose === 'Passage')).toBe(true);
  });

  it('is finished by the next run when the answer was lost after the server took it', async () => {
    const { a } = pair;
    const joined = a.context.session?.token as string;
    await age(a, TOKEN_MAX_AGE_DAYS + 1);
    let lose = true;
    const lossy = new TestDevice('Lossy', a.context, async (url, init) => {
      const response = await pair.server.fetch(url, init);
      if (url.endsWith('/api/session/token') && lose) {
        lose = false;
        throw new TypeError('connection reset');
      }
      return response;
    });
    await lossy.sync();
    expect(lossy.engine.status.state).toBe('offline');
    const staged = await storedSession(a);
    // The server took the staged token; the device still holds the old one beside it.
    expect(staged.token).toBe(joined);
    expect(await works(joined)).toBe(false);
    expect(await works(staged.nextToken as string)).toBe(true);

    await createRecord(a.context, 'visits', visit);
    await lossy.sync();
    expect(lossy.engine.status.state).toBe('idle');
    const stored = await storedSession(a);
    expect(stored.token).toBe(staged.nextToken);
    expect(stored.nextToken).toBeUndefined();
    expect(await a.outboxSize()).toBe(0);
  });

  it('keeps the current token against a server that does not replace tokens, and syncs', async () => {
    const { a } = pair;
    const joined = a.context.session?.token as string;
    await age(a, TOKEN_MAX_AGE_DAYS + 1);
    const older = new TestDevice('Older', a.context, (url, init) =>
      url.endsWith('/api/session/token')
        ? Promise.resolve(
            new Response('{"error":"Not found","code":"not_found"}', {
              status: 404,
              headers: { 'X-Valise-Server': '0.2.0' },
            }),
          )
        : pair.server.fetch(url, init),
    );
    await older.sync();
    expect(older.engine.status.state).toBe('idle');
    const stored = await storedSession(a);
    expect(stored.token).toBe(joined);
    expect(stored.nextToken).toBeUndefined();
    expect(await works(joined)).toBe(true);
  });
});
