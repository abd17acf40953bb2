// A store from before member ids, migrated: who could change a note before still can, and no
// one else. Devices joined under one name were one author then, and stay one member.
import { join as joinPath } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { formatHlc } from '../../src/protocol/hlc';
import {
  type JoinResponse,
  type Mutation,
  PROTOCOL_VERSION,
  type PullResponse,
  type PushResponse,
} from '../../src/protocol/wire';
import { POSTGRES_MIGRATIONS } from '../../src/server/store/postgres-schema';
import { SQLITE_MIGRATIONS } from '../../src/server/store/sqlite-schema';
import { recordCreation } from '../helpers/mutations';
import { describeOnPostgres } from '../helpers/postgres-suite';
import { TEST_SERVER_URL, TestServer } from '../helpers/test-server';

const NOW = Date.parse('2026-11-28T10:00:00.000Z');

/** How many steps a store had applied before the one that gave members ids. */
const before = (steps: readonly unknown[]) =>
  steps.findIndex((step) => typeof step === 'function' && step.name === 'memberIds');

/** Puts the stopped server's store back in its layout from before member ids. */
type RollBack = (server: TestServer) => Promise<void>;

async function keepsAuthorship(rollBack: RollBack): Promise<void> {
  let now = NOW;
  const server = await TestServer.start(() => now);
  try {
    const networkId = (await server.createNetwork('Réseau')).id;
    const call = async (path: string, token: string, body?: unknown) =>
      (
        await server.fetch(`${TEST_SERVER_URL}${path}`, {
          method: body === undefined ? 'GET' : 'POST',
          // Today's app: a request without the header is answered in 0.1.0's shape (no authorId).
          headers: {
            Authorization: `Bearer ${token}`,
            'Content-Type': 'application/json',
            'X-Valise-Protocol': `${PROTOCOL_VERSION}`,
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        })
      ).json();
    const join = async (memberName: string, clockNode: string) => {
      const code = await server.invite(networkId);
      const response = await server.fetch(`${TEST_SERVER_URL}/api/join`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code, deviceName: 'Téléphone', memberName, clockNode }),
      });
      return ((await response.json()) as JoinResponse).token;
    };
    const push = async (token: string, mutation: Mutation) =>
      ((await call('/api/sync/push', token, { mutations: [mutation] })) as PushResponse).results[0]?.status;
    const noteBy = (name: string, node: string) =>
      recordCreation(
        'eventNotes',
        {
          eventId: newId(),
          text: `Note de ${name}`,
          tag: 'note',
          authorName: name,
          writtenAt: new Date(NOW).toISOString(),
        },
        { now: NOW, node },
      );
    const rewrite = (recordId: string, node: string): Mutation => {
      now += 1000;
      const clock = formatHlc({ millis: now, counter: 0, node });
      return {
        id: newId(),
        type: 'eventNotes',
        recordId,
        fields: { text: `Réécrite par ${node}` },
        clocks: { text: clock },
      };
    };

    // Before member ids: Alix on her phone and her laptop, both joined as « Alix ».
    const phone = await join('Alix', 'a1a1a1a1a1a1a1a1');
    const laptop = await join('Alix', 'a3a3a3a3a3a3a3a3');
    const bastien = await join('Bastien', 'b2b2b2b2b2b2b2b2');
    const alixNote = noteBy('Alix', 'a1a1a1a1a1a1a1a1');
    const bastienNote = noteBy('Bastien', 'b2b2b2b2b2b2b2b2');
    await push(phone, alixNote);
    await push(bastien, bastienNote);
    const cursor = ((await call('/api/sync/pull?since=0', bastien)) as PullResponse).cursor;
    await server.whileStopped(() => rollBack(server));

    expect(await push(laptop, rewrite(alixNote.recordId, 'a3a3a3a3a3a3a3a3'))).toBe('applied');
    expect(await push(bastien, rewrite(alixNote.recordId, 'b2b2b2b2b2b2b2b2'))).toBe('rejected');
    expect(await push(bastien, rewrite(bastienNote.recordId, 'b2b2b2b2b2b2b2b2'))).toBe('applied');
    // Every device pulls the notes again, with who wrote them.
    const pulled = ((await call(`/api/sync/pull?since=${cursor}`, bastien)) as PullResponse).changes;
    const memberOf = async (token: string) => ((await call('/api/session', token)) as JoinResponse).memberId;
    expect(pulled.find((change) => change.id === alixNote.recordId)?.data).toMatchObject({
      text: 'Réécrite par a3a3a3a3a3a3a3a3',
      authorName: 'Alix',
      authorId: await memberOf(phone),
    });
    expect(await memberOf(laptop)).toBe(await memberOf(phone));
  } finally {
    await server.stop();
  }
}

describe('a SQLite store migrated to member ids', () => {
  it('keeps who may change each event note', async () => {
    await keepsAuthorship(async (server) => {
      const db = new Database(joinPath(server.dir, 'valise.sqlite'));
      db.exec(`
        DROP INDEX devices_member;
        ALTER TABLE devices DROP COLUMN member_id;
        ALTER TABLE invitations DROP COLUMN for_member;
        UPDATE records SET data = json_remove(data, '$.authorId'), clocks = json_remove(clocks, '$.authorId')
          WHERE type = 'eventNotes';
      `);
      db.pragma(`user_version = ${before(SQLITE_MIGRATIONS)}`);
      db.close();
    });
  });
});

describeOnPostgres('a PostgreSQL store migrated to member ids', (cluster) => {
  const databases = new Map<string, string>();
  const original = TestServer.storeFactory;
  beforeAll(() => {
    TestServer.storeFactory = cluster().storeFactory(databases);
  });
  afterAll(() => {
    TestServer.storeFactory = original;
  });

  it('keeps who may change each event note', async () => {
    await keepsAuthorship(async (server) => {
      const client = new pg.Client({ connectionString: databases.get(server.dir) });
      await client.connect();
      try {
        await client.query(`
          ALTER TABLE devices DROP COLUMN member_id;
          ALTER TABLE invitations DROP COLUMN for_member;
          UPDATE records SET data = (data::jsonb - 'authorId')::text, clocks = (clocks::jsonb - 'authorId')::text
            WHERE type = 'eventNotes';
        `);
        await client.query('UPDATE schema_version SET version = $1', [before(POSTGRES_MIGRATIONS)]);
      } finally {
        await client.end();
      }
    });
  }, 60_000);
});
