// One device attacks at the default body limit while another syncs normally: the normal
// client's p99 latency stays under a generous bound, the server's heap does not blow up, and
// every "applied" answer changed the record it names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import type { PushResponse } from '../../src/protocol/wire';
import { call, type HostileWorld, rawCall, startHostileWorld } from '../helpers/hostile-world';
import { notesEdit } from '../helpers/mutations';

let world: HostileWorld;

beforeAll(async () => {
  // Default limits: body size, fair share.
  world = await startHostileWorld({ VALISE_DEVICE_RATE: '10', VALISE_ADDRESS_RATE: '0' });
}, 60_000);
afterAll(async () => {
  await world?.stop();
});

const MB = 1024 * 1024;
const ATTACKS: Record<string, () => { path: string; body: string; token?: string }> = {
  'a push of 8 MB of empty mutations': () => ({
    path: '/api/sync/push',
    body: `{"mutations":[${Array.from({ length: Math.floor((8 * MB - 20) / 3) }, () => '{}').join(',')}]}`,
    token: world.a.concierge.token,
  }),
  'a join of 8 MB of nested arrays': () => ({
    path: '/api/join',
    body: `${'['.repeat(4 * MB - 8)}${']'.repeat(4 * MB - 8)}`,
  }),
};

describe('while one device attacks', () => {
  for (const [name, attack] of Object.entries(ATTACKS)) {
    it(`serves a normal client under 1 s at p99 and keeps its memory: ${name}`, async () => {
      const { path, body, token } = attack();
      const heapBefore = process.memoryUsage().heapUsed;
      let attacking = true;
      let peakHeap = heapBefore;
      const attacker = (async () => {
        for (let round = 0; round < 3; round++) {
          const answer = await rawCall(world.url, path, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
            body,
          });
          expect(answer.status).toBeGreaterThanOrEqual(400);
          expect(answer.status).toBeLessThan(500);
        }
        attacking = false;
      })();
      const latencies: number[] = [];
      while (attacking || latencies.length < 20) {
        const started = performance.now();
        const answer = await call(world.url, '/api/sync/pull?since=0&limit=10', { token: world.b.concierge.token });
        latencies.push(performance.now() - started);
        expect(answer.status).toBe(200);
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      }
      await attacker;
      latencies.sort((x, y) => x - y);
      const p99 = latencies[Math.floor(latencies.length * 0.99)] as number;
      expect(p99, `p99 ${Math.round(p99)} ms over ${latencies.length} requests`).toBeLessThan(1000);
      expect(peakHeap - heapBefore).toBeLessThan(400 * MB);
    }, 120_000);
  }

  it('says "applied" only of a change that changed the record', async () => {
    const recordId = world.a.recordIds[0] as string;
    const edit = notesEdit(Date.now() + 1000, recordId, 'Changé pour de vrai', 'cccccccccccccccc');
    const push = async () =>
      (
        await call(world.url, '/api/sync/push', {
          method: 'POST',
          token: world.a.concierge.token,
          body: JSON.stringify({ mutations: [{ ...edit, id: newId() }] }),
        })
      ).json as unknown as PushResponse;
    const before = (await world.store.snapshot(world.a.networkId)).find((change) => change.id === recordId);
    expect((await push()).results[0]?.status).toBe('applied');
    const after = (await world.store.snapshot(world.a.networkId)).find((change) => change.id === recordId);
    expect(JSON.parse(after?.data ?? '{}').notes).toBe('Changé pour de vrai');
    expect(after?.seq).toBeGreaterThan(before?.seq ?? 0);
    // The same change again under a new id changes nothing, and says so.
    expect((await push()).results[0]?.status).toBe('unchanged');
    expect((await world.store.snapshot(world.a.networkId)).find((change) => change.id === recordId)).toEqual(after);
  });
});
