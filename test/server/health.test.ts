// GET /api/health as an admin's monitoring reads it: 200 only when the store answers, takes a
// write and has room on its disk for a device's largest write; otherwise 503 with a code and a
// sentence. It needs no token, so checking costs the store one small write per interval
// however many callers ask. The full disk is a real one: a small tmpfs mounted, in a mount
// namespace of its own, over the server's data folder.
import { createHash, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { readConfig } from '../../src/server/config';
import { HEALTH_CHECK_INTERVAL_MS } from '../../src/server/ops/health';
import { PostgresStore } from '../../src/server/store/postgres';
import { SqliteStore } from '../../src/server/store/sqlite';
import type { Store } from '../../src/server/store/store';
import { freePort } from '../helpers/free-port';
import { makeReadOnly } from '../helpers/postgres-cluster';
import { describeOnPostgres } from '../helpers/postgres-suite';
import { fillServerDisk, privateTmpfsUnavailable, startServerOnSmallDisk } from '../helpers/private-tmpfs';
import { serverFolder } from '../helpers/server-folder';
import { joinFirstAdmin, type ServerProcess } from '../helpers/server-process';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** The app in process around `store`, with a clock the test moves. */
function appOn(store: Store, now: () => number) {
  const dir = serverFolder('health');
  folders.push(dir);
  const config = readConfig({ VALISE_DATA: dir, VALISE_DIST: join(dir, 'dist'), VALISE_ADDRESS_RATE: '0' });
  const app = createApp({ store, config, now, log: () => {} });
  return async () => {
    const response = await app.fetch(new Request('http://valise.test/api/health'));
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
}

describe('health of a working server', () => {
  it('answers 200 ok, and checks the store once per interval however many callers ask', async () => {
    const dir = serverFolder('health-store');
    folders.push(dir);
    const store = new SqliteStore(join(dir, 'valise.sqlite'));
    await store.migrate();
    let writes = 0;
    const writeMeta = store.writeMeta.bind(store);
    store.writeMeta = (entries) => {
      writes++;
      return writeMeta(entries);
    };
    let now = Date.parse('2026-12-05T07:00:00.000Z');
    const health = appOn(store, () => now);

    const answers = await Promise.all(Array.from({ length: 50 }, () => health()));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ ok: true, store: 'sqlite' });
    }
    expect(writes).toBe(1);
    expect((await store.readMeta()).healthCheckedAt).toBe(new Date(now).toISOString());

    now += HEALTH_CHECK_INTERVAL_MS;
    expect((await health()).status).toBe(200);
    expect(writes).toBe(2);
    await store.close();
  });

  it('answers 503 store_unreachable when PostgreSQL does not answer', async () => {
    const store = new PostgresStore(`postgres://valise@127.0.0.1:${await freePort()}/valise`);
    const health = appOn(store, Date.now);
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body).toMatchObject({ ok: false, code: 'store_unreachable', error: expect.any(String) });
    await store.close();
  });
});

const noTmpfs = privateTmpfsUnavailable();
const LARGEST_WRITE = 256 * 1024;

describe.skipIf(noTmpfs !== null)(`on a real full disk${noTmpfs ? ` (skipped: ${noTmpfs})` : ''}`, () => {
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.kill('SIGKILL');
  });

  it('answers 503 disk_full once a device’s largest write no longer fits, and 200 again once space is freed', async () => {
    const dir = serverFolder('health-disk');
    folders.push(dir);
    const started = await startServerOnSmallDisk(dir, LARGEST_WRITE);
    server = started.server;
    const { url } = server;
    const health = async () => {
      const response = await fetch(`${url}/api/health`);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    expect(await health()).toMatchObject({ status: 200, body: { ok: true } });
    const { token } = await joinFirstAdmin(server);
    const file = randomBytes(LARGEST_WRITE);
    const upload = () =>
      fetch(`${url}/api/attachments/${createHash('sha256').update(file).digest('hex')}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream' },
        body: file,
      });

    // 64 KB are left: a small write still fits, a device's file does not.
    const filler = fillServerDisk(server, started.dataDir, 64 * 1024);

    await expect.poll(async () => (await health()).status, { timeout: 20_000 }).toBe(503);
    const degraded = await health();
    expect(degraded.body).toMatchObject({ ok: false, store: 'sqlite', code: 'disk_full' });
    expect(degraded.body.error).toMatch(/disk holding the data has less than/);
    // Health told the truth: the largest write a device may send fails.
    expect((await upload()).status).toBeGreaterThanOrEqual(500);

    rmSync(filler);
    await expect.poll(async () => (await health()).status, { timeout: 20_000 }).toBe(200);
    expect((await upload()).status).toBe(200);
  }, 120_000);
});

describeOnPostgres('on PostgreSQL', (cluster) => {
  it('answers 503 store_not_writable for a database that answers but refuses writes (a read-only standby)', async () => {
    const url = await cluster().createDatabase();
    const writable = new PostgresStore(url);
    await writable.migrate();
    await writable.close();
    await makeReadOnly(url);

    const store = new PostgresStore(url);
    expect(await store.ping()).toBe(true);
    const { status, body } = await appOn(store, Date.now)();
    expect(status).toBe(503);
    expect(body).toMatchObject({ ok: false, store: 'postgres', code: 'store_not_writable' });
    expect(body.error).toMatch(/does not take writes/);
    await store.close();
  });
});
