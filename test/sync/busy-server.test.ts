// A device past its fair share of the server (a first sync of a large network, a valise with
// many files kept offline) waits as long as the server says and goes on, rather than failing
// what is left. The share's clock is the test's own: a wait moves it, nothing sleeps.
import { createHash, randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { getBlob } from '../../src/db/blobs';
import { leaveNetwork } from '../../src/db/sync-store';
import { createRecords } from '../../src/db/writes';
import type { JoinResponse } from '../../src/protocol/wire';
import type { Wait } from '../../src/sync/busy-server';
import type { EngineOptions } from '../../src/sync/engine';
import { ensureBlob, fetchEach, fetchWaitingTurn } from '../../src/sync/files';
import { type Fetch, HttpTransport } from '../../src/sync/transport';
import { diagnosticCreation } from '../helpers/mutations';
import { withNetworkServer } from '../helpers/network-server';
import type { TestDevice } from '../helpers/test-device';
import { TEST_SERVER_URL } from '../helpers/test-server';

/** Past a third of a megabyte: an answer costs one unit beyond its request (rate-limit.ts). */
const ANSWERS_PER_RECORD = 700;
const TEXT = 'y'.repeat(400);

describe('a device told to wait by a busy server', () => {
  let clock = 0;
  /** A share of 6 units, refilled one unit every 5 s: a few large answers, then 429s. */
  const network = withNetworkServer({ VALISE_DEVICE_RATE: '0.2', VALISE_ADDRESS_RATE: '0' }, () => clock);
  /** The waits the device was asked for; each lets that much time pass for the server. */
  let waits: number[];
  const wait = async (ms: number) => {
    waits.push(ms);
    clock += ms;
  };
  /** Time enough for any share to be full again: the set-up's requests are not what is tested. */
  const later = () => {
    clock += 3_600_000;
  };

  beforeEach(() => {
    clock = 0;
    waits = [];
  });

  async function writer(): Promise<JoinResponse> {
    const code = await network.server.invite(network.networkId, 'admin');
    const answer = await network.server.fetch(`${TEST_SERVER_URL}/api/join`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code, deviceName: 'Bureau', memberName: 'Sam', clockNode: '0123456789abcdef' }),
    });
    return (await answer.json()) as JoinResponse;
  }

  /** Eight large records on the server: a first sync of them, a page each, outruns its share. */
  async function largeNetwork(): Promise<void> {
    const { token } = await writer();
    for (let push = 0; push < 4; push++) {
      later();
      const mutations = [0, 1].map(() => diagnosticCreation(Date.now(), ANSWERS_PER_RECORD, TEXT));
      const pushed = await network.server.fetch(`${TEST_SERVER_URL}/api/sync/push`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ mutations }),
      });
      expect(pushed.status).toBe(200);
    }
    later();
  }

  it('pulls a network larger than its share in one sync, its pages waiting their turn', async () => {
    await largeNetwork();
    const phone = await network.open('Camille', { engine: { pullPage: 1, wait } });
    await network.join(phone);
    await phone.sync();
    expect(phone.engine.status).toMatchObject({ state: 'idle', error: null });
    expect(await phone.context.db.records('diagnostics').count()).toBe(8);
    expect(waits.length).toBeGreaterThan(0);
  });

  /**
   * The person leaves the network (« Quitter le réseau ») at the device's first wait for its
   * turn; `link` counts the requests to `path` sent after that.
   */
  function leavingAtFirstWait(path: string) {
    const seen: { phone?: TestDevice; left: boolean; sentAfter: number } = { left: false, sentAfter: 0 };
    const link: Fetch = (input, init) => {
      if (seen.left && String(input).includes(path)) seen.sentAfter++;
      return network.server.fetch(input, init);
    };
    const leavingWait: Wait = async (ms) => {
      waits.push(ms);
      clock += ms;
      if (seen.left || !seen.phone) return;
      await leaveNetwork(seen.phone.context, { wipe: true });
      seen.phone.engine.abortRun();
      seen.left = true;
    };
    return { seen, link, wait: leavingWait };
  }

  it('stops waiting, and asks for no more pages, once the device leaves its network', async () => {
    await largeNetwork();
    const leaving = leavingAtFirstWait('/api/sync/pull');
    const phone = await network.open('Camille', { link: leaving.link, engine: { pullPage: 1, wait: leaving.wait } });
    leaving.seen.phone = phone;
    await network.join(phone);
    await phone.sync();
    expect(leaving.seen).toMatchObject({ left: true, sentAfter: 0 });
    expect(phone.engine.status.state).toBe('unjoined');
    expect(await phone.context.db.records('diagnostics').count()).toBe(0);
  });

  /** A phone that wrote `count` visits offline: sent a batch of one each, they outrun its share. */
  async function phoneWithVisits(count: number, engine: EngineOptions, link?: Fetch): Promise<TestDevice> {
    const phone = await network.open('Camille', {
      engine: { pushBatch: 1, wait, ...engine },
      ...(link ? { link } : {}),
    });
    await network.join(phone);
    await createRecords(
      phone.context,
      'visits',
      Array.from({ length: count }, (_, index) => ({
        visitedAt: '2026-11-20T09:00:00.000Z',
        services: ['detect' as const],
        notes: `Visite ${index}`,
      })),
    );
    later();
    return phone;
  }

  const visitsOnServer = async () => (await network.snapshot()).filter((change) => change.type === 'visits').length;

  it('pushes an outbox larger than its share in one sync, its batches waiting their turn', async () => {
    const phone = await phoneWithVisits(12, {});
    await phone.sync();
    expect(phone.engine.status).toMatchObject({ state: 'idle', error: null, pending: 0 });
    expect(await visitsOnServer()).toBe(12);
    expect(waits.length).toBeGreaterThan(0);
  });

  it('stops waiting, and pushes no more batches, once the device leaves its network', async () => {
    const leaving = leavingAtFirstWait('/api/sync/push');
    const phone = await phoneWithVisits(12, { wait: leaving.wait }, leaving.link);
    leaving.seen.phone = phone;
    await phone.sync();
    expect(leaving.seen).toMatchObject({ left: true, sentAfter: 0 });
    expect(waits).toHaveLength(1);
    expect(phone.engine.status.state).toBe('unjoined');
    expect(await visitsOnServer()).toBeLessThan(12);
  });

  /** Six files of 300 KB on the server (each costs a unit beyond its request to download). */
  async function uploadFiles(): Promise<string[]> {
    const { token } = await writer();
    const hashes: string[] = [];
    for (let file = 0; file < 6; file++) {
      later();
      const bytes = randomBytes(300_000);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const put = await network.server.fetch(`${TEST_SERVER_URL}/api/attachments/${sha256}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/pdf' },
        body: bytes,
      });
      expect(put.status).toBe(200);
      hashes.push(sha256);
    }
    later();
    return hashes;
  }

  async function joinedPhone() {
    const phone = await network.open('Camille');
    await network.join(phone);
    const session = phone.context.session;
    if (!session) throw new Error('the phone joined');
    return { phone, transport: new HttpTransport(session.serverUrl, session.token, network.server.fetch) };
  }

  it('fetches every file of the valise kept offline, after waiting when told to', async () => {
    const hashes = await uploadFiles();
    const { phone, transport } = await joinedPhone();
    await fetchEach(phone.context, transport, hashes, { wait });
    for (const sha256 of hashes) expect(await getBlob(phone.context, sha256)).toMatchObject({ sha256 });
    expect(waits.length).toBeGreaterThan(0);
  });

  it('gives a file opened while its share is spent once the server’s wait has passed', async () => {
    const hashes = await uploadFiles();
    const { phone, transport } = await joinedPhone();
    // Three files of 300 KB spend the share of 6 units: the next one is refused for now.
    for (const sha256 of hashes.slice(0, 3)) await ensureBlob(phone.context, transport, sha256);
    const opened = hashes[3] as string;
    await expect(ensureBlob(phone.context, transport, opened)).rejects.toMatchObject({ status: 429 });

    expect(await fetchWaitingTurn(phone.context, transport, opened, { wait })).toMatchObject({ sha256: opened });
    expect(waits.length).toBeGreaterThan(0);
  });

  it('stops waiting, and fetching, once the valise screen is left', async () => {
    const hashes = await uploadFiles();
    const { phone, transport } = await joinedPhone();
    const screen = new AbortController();
    await fetchEach(phone.context, transport, hashes, {
      signal: screen.signal,
      wait: async (ms) => {
        waits.push(ms);
        screen.abort();
      },
    });
    // Not asked again: the first wait was the last.
    expect(waits).toHaveLength(1);
    const kept = await Promise.all(hashes.map((sha256) => getBlob(phone.context, sha256)));
    expect(kept.filter((blob) => blob !== undefined).length).toBeGreaterThan(0);
    expect(kept.at(-1)).toBeUndefined();
  });
});
