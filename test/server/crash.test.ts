// SIGKILL of the real server process while devices push, on SQLite and on PostgreSQL: after a
// restart every acknowledged mutation is there, every batch is whole or absent, and replaying
// every batch (as devices do after a lost answer) changes nothing that was already applied.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutation, PullResponse, PushResponse } from '../../src/protocol/wire';
import { visitCreation } from '../helpers/mutations';
import { describeOnPostgres } from '../helpers/postgres-suite';
import { serverFolder } from '../helpers/server-folder';
import { joinFirstAdmin, type ServerProcess, startServerProcess } from '../helpers/server-process';

const BATCH = 40;
const PUSHERS = 4;
/** Pushes acknowledged before the kill: the restarted server must still have them all. */
const ACKNOWLEDGED_BEFORE_KILL = 8;

async function post(url: string, token: string, body: unknown): Promise<Response> {
  return fetch(`${url}/api/sync/push`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function pullAll(url: string, token: string): Promise<PullResponse['changes']> {
  const changes: PullResponse['changes'] = [];
  let since = 0;
  for (;;) {
    const response = await fetch(`${url}/api/sync/pull?since=${since}&limit=5000`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const page = (await response.json()) as PullResponse;
    changes.push(...page.changes);
    since = page.cursor;
    if (!page.hasMore) return changes;
  }
}

async function crashDuringPushes(env: NodeJS.ProcessEnv) {
  let server: ServerProcess = await startServerProcess(env);
  const { token } = await joinFirstAdmin(server);

  const sent: Mutation[][] = [];
  const acknowledged: Mutation[][] = [];
  let killed = false;
  let readyToKill = () => {};
  const enoughAcknowledged = new Promise<void>((resolve) => {
    readyToKill = resolve;
  });
  const pusher = async () => {
    while (!killed) {
      const batch = Array.from({ length: BATCH }, () => visitCreation(Date.now()));
      sent.push(batch);
      try {
        const response = await post(server.url, token, { mutations: batch });
        const body = (await response.json()) as PushResponse;
        if (response.status === 200 && body.results.every((result) => result.status === 'applied')) {
          acknowledged.push(batch);
          if (acknowledged.length === ACKNOWLEDGED_BEFORE_KILL) readyToKill();
        }
      } catch {
        // The connection died with the server: this batch is unacknowledged.
      }
    }
  };
  const pushers = Array.from({ length: PUSHERS }, pusher);
  await enoughAcknowledged;
  // Pushes are in flight on every connection at this point: the kill lands in one of them.
  await server.kill('SIGKILL');
  killed = true;
  await Promise.all(pushers);

  server = await startServerProcess(env);
  try {
    const before = await pullAll(server.url, token);
    const present = new Set(before.map((change) => change.id));
    for (const batch of acknowledged) for (const mutation of batch) expect(present.has(mutation.recordId)).toBe(true);
    const sizes = sent.map((batch) => batch.filter((mutation) => present.has(mutation.recordId)).length);
    expect(sizes.filter((size) => size !== 0 && size !== BATCH)).toEqual([]);

    for (const batch of sent) {
      const replay = (await (await post(server.url, token, { mutations: batch })).json()) as PushResponse;
      expect(replay.results.every((result) => result.status === 'applied')).toBe(true);
    }
    const after = await pullAll(server.url, token);
    // What was applied before the crash kept its place in the change order: not applied twice.
    const seqBefore = new Map(before.map((change) => [change.id, change.seq]));
    for (const change of after) if (seqBefore.has(change.id)) expect(change.seq).toBe(seqBefore.get(change.id));
    const ids = after.map((change) => change.id);
    expect(ids).toHaveLength(sent.length * BATCH);
    expect(new Set(ids).size).toBe(ids.length);
    return { acknowledged: acknowledged.length, sent: sent.length };
  } finally {
    await server.kill('SIGKILL');
  }
}

let dir: string;
beforeAll(() => {
  dir = serverFolder('crash');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('a server killed during pushes', () => {
  it('on SQLite loses nothing acknowledged and applies nothing by halves or twice', async () => {
    const outcome = await crashDuringPushes({ VALISE_DATA: join(dir, 'sqlite'), VALISE_DIST: join(dir, 'dist') });
    // Some batches were in flight when the process died.
    expect(outcome.sent).toBeGreaterThan(outcome.acknowledged);
  }, 180_000);

  describeOnPostgres('on PostgreSQL', (cluster) => {
    it('loses nothing acknowledged and applies nothing by halves or twice', async () => {
      const outcome = await crashDuringPushes({
        DATABASE_URL: await cluster().createDatabase(),
        VALISE_DATA: join(dir, 'unused'),
        VALISE_DIST: join(dir, 'dist'),
      });
      expect(outcome.sent).toBeGreaterThan(outcome.acknowledged);
    }, 180_000);
  });
});
