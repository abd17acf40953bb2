// A running server whose PostgreSQL is gone: the device's request is answered, 503
// store_unreachable, instead of a bare 500 — or, behind a link that drops every packet, instead of
// hanging until the system's TCP timeout, minutes after the device gave up on it, whether the
// link goes silent before the request's connection is made or while a statement waits on it.

import { rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JoinResponse } from '../../src/protocol/wire';
import { createApp } from '../../src/server/app';
import { readConfig } from '../../src/server/config';
import { issueInvitation } from '../../src/server/invitations';
import { PostgresStore } from '../../src/server/store/postgres';
import { freePort } from '../helpers/free-port';
import { describeOnPostgres } from '../helpers/postgres-suite';
import { serverFolder } from '../helpers/server-folder';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * A listener on a free loopback port, closed after the test with every socket `take` answers
 * for each connection it gets (those it opens for it too): its port.
 */
async function loopbackListener(take: (socket: Socket) => Socket[]): Promise<number> {
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => sockets.push(...take(socket)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return (server.address() as { port: number }).port;
}

/** A listener that takes connections and never says a word: a database behind a dead link. */
function silentListener(): Promise<number> {
  return loopbackListener((socket) => [socket]);
}

/**
 * A TCP link to the PostgreSQL at `port` that forwards both ways until, once `silenceOn` was
 * called, a statement holding its words passes: from then on it drops every byte, either way,
 * and closes nothing, as a firewall dropping packets does, until `answerAgain`. What it dropped
 * is lost, as on a connection TCP has given up on: a connection that lived through the silence
 * never answers again.
 */
async function linkThatGoesSilent(port: number) {
  let trigger: string | null = null;
  let silent = false;
  const linkPort = await loopbackListener((inbound) => {
    const outbound = connect(port, '127.0.0.1');
    inbound.on('data', (chunk: Buffer) => {
      if (trigger !== null && chunk.includes(trigger)) [trigger, silent] = [null, true];
      if (!silent) outbound.write(chunk);
    });
    outbound.on('data', (chunk: Buffer) => {
      if (!silent) inbound.write(chunk);
    });
    for (const [one, other] of [
      [inbound, outbound],
      [outbound, inbound],
    ] as const) {
      one.on('error', () => {});
      one.on('close', () => other.destroy());
    }
    return [inbound, outbound];
  });
  return {
    port: linkPort,
    silenceOn(words: string) {
      trigger = words;
    },
    answerAgain() {
      silent = false;
    },
  };
}

/** The app in process around `store`: a request to it, as a device with `token` sends it. */
function appAround(store: PostgresStore) {
  const dir = serverFolder('store-unreachable');
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => store.close());
  const config = readConfig({ VALISE_DATA: dir, VALISE_DIST: join(dir, 'dist'), VALISE_ADDRESS_RATE: '0' });
  const app = createApp({ store, config, log: () => {} });
  return async (path: string, token: string, body?: unknown) => {
    const response = await app.fetch(
      new Request(`http://valise.test${path}`, {
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) }),
      }),
    );
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
}

const PULL = '/api/sync/pull?since=0&limit=10';

/** A device's authenticated request to the app in process around a PostgreSQL store at `port`. */
async function askThroughStoreAt(port: number, connectTimeoutMs?: number) {
  const store = new PostgresStore(`postgres://valise@127.0.0.1:${port}/valise`, 4, { connectMs: connectTimeoutMs });
  return appAround(store)(PULL, 'a'.repeat(43));
}

describe('a server whose PostgreSQL cannot be reached', () => {
  it('answers 503 store_unreachable when nothing listens at the database’s address', async () => {
    const { status, body } = await askThroughStoreAt(await freePort());
    expect(status).toBe(503);
    expect(body).toMatchObject({
      code: 'store_unreachable',
      error: expect.stringMatching(/cannot reach its database/),
    });
  });

  it('answers 503 store_unreachable once its connection timeout has passed when the database never answers', async () => {
    const { status, body } = await askThroughStoreAt(await silentListener(), 300);
    expect(status).toBe(503);
    expect(body).toMatchObject({ code: 'store_unreachable' });
  });
});

describeOnPostgres('a server whose link to PostgreSQL goes silent', (cluster) => {
  it('answers the request waiting on it 503 store_unreachable, and serves again on a new connection once the database answers', async () => {
    const url = new URL(await cluster().createDatabase());
    const direct = new PostgresStore(url.href);
    await direct.migrate();
    const { code } = await issueInvitation(direct, (await direct.createNetwork('Réseau')).id, 'admin', 24);
    await direct.close();

    const link = await linkThatGoesSilent(cluster().port);
    url.port = String(link.port);
    const ask = appAround(new PostgresStore(url.href, 4, { answerMs: 2_000 }));
    const joined = await ask('/api/join', '', {
      code,
      deviceName: 'Téléphone',
      memberName: 'Camille',
      clockNode: '0123456789abcdef',
    });
    const { token } = joined.body as unknown as JoinResponse;
    expect((await ask(PULL, token)).status).toBe(200);

    // Past the token's check, on its pooled connection: the pull's first statement is lost.
    link.silenceOn('pg_advisory_xact_lock_shared');
    expect(await ask(PULL, token)).toMatchObject({ status: 503, body: { code: 'store_unreachable' } });

    link.answerAgain();
    expect((await ask(PULL, token)).status).toBe(200);
  });
});
