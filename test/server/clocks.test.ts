// Strict clocks: a timestamp that names no real instant is refused in words, one far ahead is
// clamped, so no device can lock a field against every later write.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatHlc, HybridClock, MAX_CLOCK_AHEAD_MS, parseHlc } from '../../src/protocol/hlc';
import type { JoinResponse, PullResponse, PushResponse } from '../../src/protocol/wire';
import { newSealKey } from '../../src/server/push/conflict-seal';
import { planPush, SERVER_CLOCK_NODE } from '../../src/server/push/plan';
import { notesEdit, PUSHER, visitCreation } from '../helpers/mutations';
import { TEST_SERVER_URL, TestServer } from '../helpers/test-server';

const NOW = Date.parse('2026-11-28T10:00:00.000Z');
const UNREAL = '9999-99-99T99:99:99.999Z-ffff-ffffffffffffffff';

const digits = (length: number) => fc.stringMatching(new RegExp(`^[0-9]{${length}}$`));
/** Anything of the clock's shape: real dates, impossible ones, leap days, far past and future. */
const shapedClock = fc.oneof(
  fc
    .tuple(digits(4), digits(2), digits(2), digits(2), digits(2), digits(2), digits(3))
    .map(([y, mo, d, h, mi, s, ms]) => `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z-0000-00000000000000aa`),
  fc
    .integer({ min: 0, max: Date.parse('9999-12-31T23:59:59.999Z') })
    .map((millis) => formatHlc({ millis, counter: 0, node: '00000000000000aa' })),
  fc
    .integer({ min: -1e9, max: 1e9 })
    .map((offset) => formatHlc({ millis: NOW + offset, counter: 0, node: 'ab'.repeat(8) })),
);

describe('clocks a push may carry', () => {
  it('writes only clocks that parse to a real instant within the clamp window', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(shapedClock, fc.constant(UNREAL)), { minLength: 1, maxLength: 4 }), (clocks) => {
        const context = {
          networkId: '01a2249d-1778-7775-a433-d6a687fef917',
          role: 'concierge' as const,
          clock: new HybridClock(SERVER_CLOCK_NODE, () => NOW),
          now: NOW,
          sealKey: newSealKey(),
          authorOf: () => '',
          pusher: PUSHER,
        };
        const mutation = visitCreation(NOW);
        Object.keys(mutation.clocks).forEach((key, index) => {
          mutation.clocks[key] = clocks[index % clocks.length] as string;
        });
        const plan = planPush(context, [mutation], new Map(), new Map());
        const accepted = clocks.every((clock) => parseHlc(clock) !== null);
        expect(plan.results[0]?.result.status).toBe(accepted ? 'applied' : 'rejected');
        for (const row of plan.writes) {
          for (const clock of Object.values(row.clocks)) {
            const parts = parseHlc(clock);
            expect(Number.isFinite(parts?.millis)).toBe(true);
            expect(parts?.millis as number).toBeLessThanOrEqual(NOW + MAX_CLOCK_AHEAD_MS);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('a clock that is no real time', () => {
  let server: TestServer;
  let networkId: string;

  async function call(path: string, token: string, body?: unknown) {
    const response = await server.fetch(`${TEST_SERVER_URL}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: await response.json() };
  }

  async function join(role: 'admin' | 'concierge'): Promise<JoinResponse> {
    const code = await server.invite(networkId, role);
    const response = await server.fetch(`${TEST_SERVER_URL}/api/join`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code, deviceName: 'Téléphone', memberName: role, clockNode: '0123456789abcdef' }),
    });
    return (await response.json()) as JoinResponse;
  }

  beforeEach(async () => {
    server = await TestServer.start(() => NOW);
    networkId = (await server.createNetwork('Réseau')).id;
  });
  afterEach(async () => {
    await server.stop();
  });

  it('is refused in words and no longer locks the field against an admin correction', async () => {
    const concierge = await join('concierge');
    const admin = await join('admin');
    const visit = visitCreation(NOW);
    await call('/api/sync/push', concierge.token, { mutations: [visit] });

    const hostile = notesEdit(NOW, visit.recordId, 'Verrouillé');
    hostile.clocks.notes = UNREAL;
    const refused = (await call('/api/sync/push', concierge.token, { mutations: [hostile] })).body as PushResponse;
    expect(refused.results[0]).toMatchObject({ status: 'rejected' });
    expect(refused.results[0]?.status === 'rejected' && refused.results[0].reason).toContain(
      `the clock of notes (${UNREAL}) is not a real time`,
    );

    const correction = notesEdit(NOW + 1000, visit.recordId, 'Corrigé par un admin', 'aaaaaaaaaaaaaaaa');
    const corrected = (await call('/api/sync/push', admin.token, { mutations: [correction] })).body as PushResponse;
    expect(corrected.results[0]).toEqual({ id: correction.id, status: 'applied' });
    const pulled = (await call('/api/sync/pull?since=0', admin.token)).body as PullResponse;
    expect(pulled.changes.find((change) => change.id === visit.recordId)?.data.notes).toBe('Corrigé par un admin');
  });
});
