// A running server whose PostgreSQL is gone: the device's request is answered, 503
// store_unreachable, instead of a bare 500 — or, behind a link that drops every packet, instead of
// hanging until the system's TCP timeout, minutes after the device gave up on it.

import { rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { readConfig } from '../../src/server/config';
import { PostgresStore } from '../../src/server/store/postgres';
import { freePort } from '../helpers/free-port';
import { serverFolder } from '../helpers/server-folder';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A listener that takes connections and never says a word: a database behind a dead link. */
async function silentListener(): Promise<number> {
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A device's authenticated request to the app in process around a PostgreSQL store at `port`. */
async function askThroughStoreAt(port: number, connectTimeoutMs?: number) {
  const store = new PostgresStore(`postgres://valise@127.0.0.1:${port}/valise`, 4, connectTimeoutMs);
  const dir = serverFolder('store-unreachable');
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => store.close());
  const config = readConfig({ VALISE_DATA: dir, VALISE_DIST: join(dir, 'dist'), VALISE_ADDRESS_RATE: '0' });
  const app = createApp({ store, config, log: () => {} });
  const response = await app.fetch(
    new Request('http://valise.test/api/sync/pull?since=0&limit=10', {
      headers: { Authorization: `Bearer ${'a'.repeat(43)}` },
    }),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
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
