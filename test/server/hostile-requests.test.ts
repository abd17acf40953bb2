// Thousands of generated hostile requests against a real server on loopback: malformed JSON,
// wrong types, huge bodies, deep nesting, unicode edge cases and invalid UTF-8, SQL-looking
// strings, ids of the other network, future clocks, revoked and foreign tokens. Every answer is
// a 2xx or a 4xx (JSON with a code on the API), no answer carries the other network's data, the
// server stays up, and afterwards each network holds what it held plus only its applied writes.
// On SQLite, then on PostgreSQL (whose text columns refuse what SQLite keeps, such as NUL).
// VALISE_HOSTILE_RUNS / VALISE_HOSTILE_SEED extend or replay a run.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { RECORD_TYPES } from '../../src/domain/record-types';
import { formatHlc } from '../../src/protocol/hlc';
import type { PushResponse } from '../../src/protocol/wire';
import { PostgresStore } from '../../src/server/store/postgres';
import type { RawChange } from '../../src/server/store/store';
import {
  call,
  type HostileWorld,
  leakedSecrets,
  type OpenStore,
  rawCall,
  startHostileWorld,
  type Tenant,
} from '../helpers/hostile-world';
import { visitCreation } from '../helpers/mutations';
import { describeOnPostgres } from '../helpers/postgres-suite';

const RUNS = Number(process.env.VALISE_HOSTILE_RUNS ?? 5000);
/** PostgreSQL's turn is shorter: the same requests, and what differs is only the store. */
const POSTGRES_RUNS = Math.ceil(RUNS / 5);
const SEED = process.env.VALISE_HOSTILE_SEED ? Number(process.env.VALISE_HOSTILE_SEED) : undefined;
const MAX_BODY = 256 * 1024;

/** The world the requests are aimed at: each store's suite starts its own. */
let world: HostileWorld;
const before = new Map<string, RawChange[]>();

async function startWorld(openStore?: OpenStore): Promise<void> {
  world = await startHostileWorld(
    { VALISE_MAX_BODY_BYTES: String(MAX_BODY), VALISE_MAX_ATTACHMENT_BYTES: '65536' },
    openStore,
  );
  for (const tenant of [world.a, world.b]) before.set(tenant.networkId, await world.store.snapshot(tenant.networkId));
}

type Who = 'none' | 'garbage' | 'malformed' | 'basic' | 'a-admin' | 'a-concierge' | 'a-revoked' | 'b-concierge';

const SQL = [
  "'; DROP TABLE records; --",
  '" OR 1=1 --',
  "1; UPDATE devices SET role='admin'",
  "' UNION SELECT token_hash FROM devices --",
  '$1',
  '%s%s%s',
];
const UNICODE = [
  '\u0000',
  '\ud800',
  '\udfff',
  '\u202e\u0041',
  '\ufeff',
  '🚲'.repeat(500),
  'e\u0301',
  '\uffff',
  'Ω≈ç√∫',
];
const FUTURE_CLOCK = '9999-12-31T23:59:59.999Z-ffff-ffffffffffffffff';

const weird = fc.oneof(fc.constantFrom(...SQL, ...UNICODE), fc.string({ unit: 'binary', maxLength: 60 }));
const scalar = fc.oneof(
  weird,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('-1', '1e308', 'NaN', '9007199254740993', '0x10', ' 1', '1.5'),
);
const hostileValue = fc.oneof(scalar, fc.jsonValue({ maxDepth: 4 }), fc.array(scalar, { maxLength: 50 }));

function idOf(tenant: () => Tenant) {
  return fc.constantFrom(0, 1, 2).map((index) => tenant().recordIds[index] as string);
}

const anyId = fc.oneof(
  fc.constant(null).map(() => newId()),
  idOf(() => world.a),
  idOf(() => world.b),
  weird,
);

const clockValue = fc.oneof(
  fc.constant(FUTURE_CLOCK),
  fc
    .integer({ min: -1e12, max: 1e12 })
    .map((offset) => formatHlc({ millis: Math.max(0, world.now + offset), counter: 0, node: 'dddddddddddddddd' })),
  weird,
);

/** Starts from a valid creation or edit and breaks some of it. */
const hostileMutation = fc
  .record(
    {
      base: fc.constantFrom('creation', 'edit'),
      id: fc.option(anyId, { nil: undefined, freq: 2 }),
      type: fc.option(fc.oneof(fc.constantFrom(...RECORD_TYPES), weird), { nil: undefined, freq: 2 }),
      recordId: fc.option(anyId, { nil: undefined, freq: 2 }),
      field: fc.option(
        fc.tuple(fc.oneof(fc.constantFrom('notes', 'services', 'deleted', 'networkId', 'id'), weird), hostileValue),
        {
          nil: undefined,
          freq: 2,
        },
      ),
      clock: fc.option(clockValue, { nil: undefined, freq: 2 }),
      extra: fc.option(fc.dictionary(weird, hostileValue, { maxKeys: 3 }), { nil: undefined, freq: 2 }),
    },
    { requiredKeys: ['base'] },
  )
  .map(({ base, id, type, recordId, field, clock, extra }) => {
    const valid = visitCreation(world.now, 'dddddddddddddddd', typeof recordId === 'string' ? recordId : newId());
    const mutation: Record<string, unknown> =
      base === 'creation'
        ? { ...valid }
        : {
            ...valid,
            fields: { notes: 'modifié', updatedAt: valid.fields.updatedAt },
            clocks: { notes: valid.clocks.notes },
          };
    if (id !== undefined) mutation.id = id;
    if (type !== undefined) mutation.type = type;
    if (recordId !== undefined) mutation.recordId = recordId;
    const fields = { ...(mutation.fields as Record<string, unknown>) };
    const clocks = { ...(mutation.clocks as Record<string, unknown>) };
    if (field) {
      fields[field[0]] = field[1];
      clocks[field[0]] = clock ?? valid.clocks.notes;
    } else if (clock !== undefined) {
      for (const key of Object.keys(clocks)) clocks[key] = clock;
    }
    mutation.fields = fields;
    mutation.clocks = clocks;
    return extra ? { ...mutation, ...extra } : mutation;
  });

type Body = string | Uint8Array<ArrayBuffer> | undefined;

const body: fc.Arbitrary<Body> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '{',
      '{"mutations":',
      'null',
      '[]',
      '"x"',
      '1',
      '{"mutations":null}',
      '{"mutations":{}}',
      '{"__proto__":{"admin":true},"mutations":[]}',
      '{"constructor":{"prototype":{"role":"admin"}}}',
      '\u0000',
      '{"mutations":[1,2,3]}',
    ),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 5 }).map((value) => JSON.stringify(value)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('[', '{"a":'), fc.integer({ min: 100, max: 100_000 }))
      .map(([open, depth]) => `${open.repeat(depth)}1${(open === '[' ? ']' : '}').repeat(depth)}`),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: MAX_BODY - 64, max: MAX_BODY * 2 })
      .map((size) => JSON.stringify({ mutations: [], padding: 'x'.repeat(size) })),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => new Uint8Array(bytes)) },
  {
    weight: 6,
    arbitrary: fc.array(hostileMutation, { maxLength: 6 }).map((mutations) => JSON.stringify({ mutations })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        code: fc.oneof(weird, fc.stringMatching(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)),
        deviceName: scalar,
        memberName: scalar,
        clockNode: scalar,
      })
      .map((value) => JSON.stringify(value)),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ role: fc.oneof(fc.constantFrom('admin', 'concierge', 'root'), scalar), expiresInHours: scalar })
      .map((value) => JSON.stringify(value)),
  },
);

const segment = fc.oneof(
  fc.constantFrom('%zz', '..%2f..%2fpackage.json', '%00', '%E0%A4%A', 'a'.repeat(2000)),
  fc.stringMatching(/^[0-9a-f]{64}$/),
  fc.constant(null).map(() => world.a.attachment.sha256),
  fc.constant(null).map(() => world.b.attachment.sha256),
  fc.constant(null).map(() => world.b.concierge.deviceId),
  weird.map((value) => encodeURIComponent(value.replace(/[\ud800-\udfff]/g, ''))),
);

const path = fc.oneof(
  fc.constantFrom(
    '/api/sync/push',
    '/api/sync/push',
    '/api/sync/push',
    '/api/join',
    '/api/join',
    '/api/session',
    '/api/health',
    '/api/admin/invitations',
    '/api/admin/invitations/cancel',
    '/api/admin/devices',
    '/',
    '/index.html',
    '/assets/../../package.json',
    '/api/sync/pull?since=%',
  ),
  fc
    .tuple(scalar, scalar)
    .map(
      ([since, limit]) =>
        `/api/sync/pull?since=${encodeURIComponent(String(since).replace(/[\ud800-\udfff]/g, ''))}&limit=${encodeURIComponent(String(limit).replace(/[\ud800-\udfff]/g, ''))}`,
    ),
  segment.map((value) => `/api/attachments/${value}`),
  segment.map((value) => `/api/admin/devices/${value}/revoke`),
  segment.map((value) => `/api/admin/invitations/${value}/cancel`),
  segment.map((value) => `/api/${value}`),
);

const who = fc.constantFrom<Who>(
  'none',
  'basic',
  'garbage',
  'malformed',
  'a-admin',
  'a-concierge',
  'a-concierge',
  'a-revoked',
  'b-concierge',
);

const contentType = fc.constantFrom(
  undefined,
  'application/json',
  'text/plain',
  'image/png',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  '../../x',
);

const request = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      method: fc.constantFrom('GET', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
      path,
      who,
      contentType,
      body,
    }),
  },
  // A third are pushes by any caller, of mutations broken in places (some come through whole),
  // sent as JSON so they reach the validation and the plan: the first branch tries odd types.
  {
    weight: 1,
    arbitrary: fc.record({
      method: fc.constant('POST'),
      path: fc.constant('/api/sync/push'),
      who,
      contentType: fc.constant('application/json'),
      body: fc.array(hostileMutation, { minLength: 1, maxLength: 6 }).map((mutations) => JSON.stringify({ mutations })),
    }),
  },
  // Some are whole pushes by a member of network A, so applied writes mix with the hostile ones
  // in every run: left to the broken ones alone (a few in a hundred get through whole), the
  // 1,000-request run on PostgreSQL applied none twice on 2026-12-05, failing its own check.
  {
    weight: 1,
    arbitrary: fc.record({
      method: fc.constant('POST'),
      path: fc.constant('/api/sync/push'),
      who: fc.constantFrom<Who>('a-admin', 'a-concierge'),
      contentType: fc.constant('application/json'),
      body: fc.integer({ min: 1, max: 3 }).map((count) =>
        JSON.stringify({
          mutations: Array.from({ length: count }, () => visitCreation(world.now, 'dddddddddddddddd')),
        }),
      ),
    }),
  },
);

function authorization(who: Who): string | undefined {
  switch (who) {
    case 'none':
      return undefined;
    case 'garbage':
      return `Bearer ${'Q'.repeat(43)}`;
    case 'malformed':
      return 'Bearer x y z';
    case 'basic':
      return 'Basic YWRtaW46YWRtaW4=';
    case 'a-admin':
      return `Bearer ${world.a.admin.token}`;
    case 'a-concierge':
      return `Bearer ${world.a.concierge.token}`;
    case 'a-revoked':
      return `Bearer ${world.a.revoked.token}`;
    case 'b-concierge':
      return `Bearer ${world.b.concierge.token}`;
  }
}

const applied = new Map<string, Set<string>>();
/** Secrets of another network that a network's own members sent in a request. */
const knownTo = new Map<string, Set<string>>();

function neverBreaks(runs: number): void {
  it(`never 5xx, never leak, never corrupt, over ${runs} generated requests`, async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async ({ method, path: target, who, contentType, body: payload }) => {
        const headers: Record<string, string> = {};
        const auth = authorization(who);
        if (auth) headers.Authorization = auth;
        if (contentType) headers['Content-Type'] = contentType;
        const answer = await rawCall(world.url, target, {
          method,
          headers,
          ...(payload !== undefined ? { body: payload } : {}),
        });
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        expect(
          answer.status,
          `${method} ${target} answered ${answer.status}: ${answer.text.slice(0, 300)}`,
        ).toBeLessThan(500);
        if (answer.status >= 400 && target.startsWith('/api') && method !== 'HEAD') {
          expect(answer.json?.code, answer.text.slice(0, 300)).toEqual(expect.any(String));
          expect(answer.text).not.toMatch(/\n\s+at |SQLITE|better-sqlite3|node_modules/);
        }
        const sent = `${target}${typeof payload === 'string' ? payload : ''}`;
        const caller = who.startsWith('a-') && who !== 'a-revoked' ? world.a : who === 'b-concierge' ? world.b : null;
        // What a network's members once sent is theirs to read again: a record of A whose id is
        // a string of B's, written by A's member, may come back to A (the replay of a refusal
        // naming it, 2026-12-06) without B's data having crossed.
        const theirs = caller ? (knownTo.get(caller.networkId) ?? new Set<string>()) : new Set<string>();
        for (const other of [world.a, world.b]) {
          if (other === caller) continue;
          const leaks = leakedSecrets(answer.text, other).filter(
            (secret) => !sent.includes(secret) && !theirs.has(secret),
          );
          expect(leaks, `${method} ${target} as ${who}`).toEqual([]);
          if (caller) for (const secret of leakedSecrets(sent, other)) theirs.add(secret);
        }
        if (caller) knownTo.set(caller.networkId, theirs);
        if (caller && target === '/api/sync/push' && answer.status === 200) {
          const mutations = JSON.parse(payload as string).mutations as { id: string; recordId: string }[];
          const results = (answer.json as unknown as PushResponse).results;
          const mine = applied.get(caller.networkId) ?? new Set<string>();
          for (const [index, result] of results.entries())
            if (result.status === 'applied') mine.add(mutations[index]?.recordId as string);
          applied.set(caller.networkId, mine);
        }
      }),
      { numRuns: runs, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );

    expect((await call(world.url, '/api/health')).status).toBe(200);
    // Refusals dominate, and valid requests did get through: the generator reaches both sides.
    expect([...statuses.keys()].some((status) => status >= 400)).toBe(true);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    expect(applied.get(world.a.networkId)?.size ?? 0).toBeGreaterThan(0);

    for (const tenant of [world.a, world.b]) {
      const after = await world.store.snapshot(tenant.networkId);
      const old = new Map((before.get(tenant.networkId) ?? []).map((change) => [change.id, change]));
      const writes = applied.get(tenant.networkId) ?? new Set<string>();
      for (const change of after) {
        if (old.get(change.id)?.data === change.data) continue;
        const about = change.type === 'conflicts' ? (JSON.parse(change.data).recordId as string) : change.id;
        expect(writes.has(about), `${change.type} ${change.id} changed without an applied write`).toBe(true);
      }
      for (const id of old.keys()) expect(after.some((change) => change.id === id)).toBe(true);
      const file = await world.store.getAttachment(tenant.networkId, tenant.attachment.sha256);
      expect([...(file?.data ?? [])]).toEqual([...tenant.attachment.bytes]);
      const devices = await world.store.listDevices(tenant.networkId);
      expect(devices.filter((device) => device.revokedAt).map((device) => device.id)).toEqual([
        tenant.revoked.deviceId,
      ]);
    }
  }, 900_000);
}

describe('hostile requests on SQLite', () => {
  beforeAll(() => startWorld(), 60_000);
  afterAll(async () => {
    await world?.stop();
  });
  neverBreaks(RUNS);
});

describeOnPostgres('hostile requests on PostgreSQL', (cluster) => {
  beforeAll(async () => {
    await startWorld(async () => {
      const store = new PostgresStore(await cluster().createDatabase());
      await store.migrate();
      return store;
    });
  }, 120_000);
  afterAll(async () => {
    await world?.stop();
  }, 60_000);
  neverBreaks(POSTGRES_RUNS);
});
