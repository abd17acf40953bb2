// One device attacks at the default body limit while another syncs normally: the normal
// client never waits behind more than a second of the server's work (p99), the server's heap
// does not blow up, and every "applied" answer changed the record it names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { formatHlc } from '../../src/protocol/hlc';
import {
  MAX_MAP_ENTRIES,
  MAX_PUSH_MUTATIONS,
  MAX_RECORD_CHARS,
  type Mutation,
  type PushResponse,
} from '../../src/protocol/wire';
import { MAX_PUSH_WORK_CHARS } from '../../src/server/push/plan';
import { call, type HostileWorld, rawCall, startHostileWorld } from '../helpers/hostile-world';
import { diagnosticCreation, notesEdit } from '../helpers/mutations';

let world: HostileWorld;

beforeAll(async () => {
  // Default limits: body size, fair share.
  world = await startHostileWorld({ VALISE_DEVICE_RATE: '10', VALISE_ADDRESS_RATE: '0' });
}, 60_000);
afterAll(async () => {
  await world?.stop();
});

const MB = 1024 * 1024;

interface Attack {
  /** Done once before the attack, not measured. */
  setup?: () => Promise<void>;
  request: () => { path: string; body: string; token?: string };
  /** What each answer to the attack must say. */
  check: (answer: { status: number; text: string; json: Record<string, unknown> | null }) => void;
}

const refusedBeforeWork: Attack['check'] = (answer) => {
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.status).toBeLessThan(500);
};

/** A full map (2,000 answers, close to 1 MB) that a flood of wrong entries then aims at. */
let fullMap: Mutation | null = null;
const ATTACKS: Record<string, Attack> = {
  'a push of 8 MB of empty mutations': {
    request: () => ({
      path: '/api/sync/push',
      // Built by repeat, not by joining millions of strings: a long pause of the test process
      // is a pause of the server it holds (see `pullWork`).
      body: `{"mutations":[${'{},'.repeat(Math.floor((8 * MB - 20) / 3) - 1)}{}]}`,
      token: world.a.concierge.token,
    }),
    check: refusedBeforeWork,
  },
  'a join of 8 MB of nested arrays': {
    request: () => ({ path: '/api/join', body: `${'['.repeat(4 * MB - 8)}${']'.repeat(4 * MB - 8)}` }),
    check: refusedBeforeWork,
  },
  'a push of 1,000 wrong entries, each refused, on a full 1 MB map': {
    setup: async () => {
      fullMap = diagnosticCreation(world.now, MAX_MAP_ENTRIES, 'y'.repeat(400));
      const answer = await push([fullMap]);
      expect(answer.results[0]?.status).toBe('applied');
    },
    request: () => {
      const clock = formatHlc({ millis: world.now + 1, counter: 0, node: 'dddddddddddddddd' });
      const recordId = fullMap?.recordId as string;
      const mutations = Array.from({ length: MAX_PUSH_MUTATIONS }, (_, index) => ({
        id: newId(),
        type: 'diagnostics',
        recordId,
        fields: { [`answers.q${index}`]: 'pas une réponse' },
        clocks: { [`answers.q${index}`]: clock },
      }));
      return { path: '/api/sync/push', body: JSON.stringify({ mutations }), token: world.a.admin.token };
    },
    check: (answer) => {
      expect(answer.status).toBe(200);
      const results = (answer.json as unknown as PushResponse).results;
      // The push stops at its work bound (each of these costs a check of the whole record):
      // the rest is left unanswered, for a device to send again.
      expect(results.length).toBeGreaterThan(0);
      const recordChars = JSON.stringify(fullMap?.fields).length;
      expect(results.length).toBeLessThanOrEqual(Math.ceil(MAX_PUSH_WORK_CHARS / recordChars) + 1);
      expect(results.every((result) => result.status === 'rejected' && result.code === 'invalid_record')).toBe(true);
      // The record once, then a bounded refusal per mutation: never a copy per refusal.
      expect(answer.text.length).toBeLessThan(MAX_RECORD_CHARS + results.length * 3000);
    },
  },
  'a push of one map of 20,000 entries, ten times the limit': {
    request: () => {
      const crowded = diagnosticCreation(world.now, 10 * MAX_MAP_ENTRIES, 'x');
      return { path: '/api/sync/push', body: JSON.stringify({ mutations: [crowded] }), token: world.b.admin.token };
    },
    check: (answer) => {
      expect(answer.status).toBe(200);
      expect((answer.json as unknown as PushResponse).results[0], answer.text).toMatchObject({
        status: 'rejected',
        code: 'invalid_record',
        issues: [{ field: 'answers', type: 'max_entries', limit: MAX_MAP_ENTRIES }],
        current: null,
      });
      expect(answer.text.length).toBeLessThan(1000);
    },
  },
};

/**
 * One pull of the normal client, and the CPU time this process spent while it waited for the
 * answer. The server runs in this process, so that is the work the normal client waited
 * behind: a server that handles an attack in one long block shows it whole, and a server that
 * interleaves its work with other requests shows only its slices. Wall-clock time would show
 * the machine's load as well: at load 25, a pull that waited behind 0.2 s of work took 7.7 s,
 * beyond any bound a quiet machine would set; its CPU time stayed 0.2 s.
 * Each pull opens its own connection: a pause of the test process longer than the server's
 * keep-alive (building a body under load) would otherwise let the server close a pooled
 * connection just as the next request goes out on it (ECONNRESET).
 */
async function pullWork(): Promise<{ status: number; cpuMs: number; wallMs: number }> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const answer = await rawCall(world.url, '/api/sync/pull?since=0&limit=10', {
    method: 'GET',
    headers: { Authorization: `Bearer ${world.b.concierge.token}` },
  });
  const cpu = process.cpuUsage(cpuBefore);
  return { status: answer.status, cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - started };
}

const percentile99 = (values: number[]): number =>
  [...values].sort((x, y) => x - y)[Math.floor(values.length * 0.99)] as number;

async function push(mutations: Mutation[]): Promise<PushResponse> {
  const answer = await call(world.url, '/api/sync/push', {
    method: 'POST',
    token: world.a.admin.token,
    body: JSON.stringify({ mutations }),
  });
  expect(answer.status, answer.text.slice(0, 300)).toBe(200);
  return answer.json as unknown as PushResponse;
}

describe('while one device attacks', () => {
  for (const [name, attack] of Object.entries(ATTACKS)) {
    it(`keeps a normal client's wait under 1 s of its work at p99, and its memory: ${name}`, async () => {
      await attack.setup?.();
      // Each round a new request (fresh mutation ids: a repeated one is answered from memory).
      const requests = [0, 1, 2].map(() => attack.request());
      const heapBefore = process.memoryUsage().heapUsed;
      let attacking = true;
      let peakHeap = heapBefore;
      const attacker = (async () => {
        try {
          for (const { path, body, token } of requests) {
            const answer = await rawCall(world.url, path, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
              body,
            });
            attack.check(answer);
          }
        } finally {
          attacking = false;
        }
      })();
      // Its failure is awaited below, after the measure; meanwhile it must not go unobserved.
      attacker.catch(() => undefined);
      const pulls: { cpuMs: number; wallMs: number }[] = [];
      while (attacking || pulls.length < 20) {
        const pull = await pullWork();
        expect(pull.status).toBe(200);
        pulls.push(pull);
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      }
      await attacker;
      const p99 = percentile99(pulls.map((pull) => pull.cpuMs));
      const wallP99 = percentile99(pulls.map((pull) => pull.wallMs));
      expect(
        p99,
        `p99 ${Math.round(p99)} ms of work (${Math.round(wallP99)} ms of wall-clock time) over ${pulls.length} pulls`,
      ).toBeLessThan(1000);
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
