// The server's disk fills while a phone pushes its visits: the server answers that its disk is
// full (not a bare "internal" failure), commits none of the push, the phone keeps every change
// in its outbox, and once the admin frees space the same changes go, each applied once. The
// disk is a real one: a small tmpfs over the server's data folder, in a mount namespace of its
// own (as the server's health test does).
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createRecord } from '../../src/db/writes';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, type PullResponse } from '../../src/protocol/wire';
import { fillServerDisk, privateTmpfsUnavailable, startServerOnSmallDisk } from '../helpers/private-tmpfs';
import { serverFolder } from '../helpers/server-folder';
import { joinFirstAdmin, type ServerProcess } from '../helpers/server-process';
import { TestDevice } from '../helpers/test-device';
import { TEST_SERVER_URL } from '../helpers/test-server';
import { firstMeetingVisit as visit } from '../helpers/visit-fields';

const noTmpfs = privateTmpfsUnavailable();
const LARGEST_WRITE = 256 * 1024;

describe.skipIf(noTmpfs !== null)(`a server whose disk is full${noTmpfs ? ` (skipped: ${noTmpfs})` : ''}`, () => {
  let server: ServerProcess | undefined;
  let phone: TestDevice | undefined;
  const dir = serverFolder('full-server-disk');
  afterAll(async () => {
    await phone?.close();
    await server?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers disk_full, keeps the phone’s changes in its outbox, and takes them once space is freed', async () => {
    const started = await startServerOnSmallDisk(dir, LARGEST_WRITE);
    server = started.server;
    const { url } = server;
    const api = (path: string, token: string, body?: unknown) =>
      fetch(`${url}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
          [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const office = await joinFirstAdmin(server);
    const { code } = (await (await api('/api/admin/invitations', office.token, { role: 'concierge' })).json()) as {
      code: string;
    };
    const answers: { status: number; code?: string }[] = [];
    phone = await TestDevice.open('Camille', async (target, init) => {
      const response = await fetch(target.replace(TEST_SERVER_URL, url), init);
      if (target.includes('/api/sync/push'))
        answers.push({ status: response.status, code: ((await response.clone().json()) as { code?: string }).code });
      return response;
    });
    await phone.join(code);
    await phone.sync();

    const notes = 'Compte rendu de la rencontre, tapé sur place. '.repeat(200);
    for (let index = 0; index < 20; index++) await createRecord(phone.context, 'visits', visit(`${index} ${notes}`));
    const outbox = await phone.outboxSize();
    // 64 KB are left, less than the phone's push of 20 visits of 9 KB each.
    const filler = fillServerDisk(server, started.dataDir, 64 * 1024);

    await phone.sync();
    expect(phone.engine.status).toMatchObject({ state: 'error', error: 'server', pending: 20 });
    expect(answers.at(-1)).toEqual({ status: 503, code: 'disk_full' });
    expect(await phone.outboxSize()).toBe(outbox);
    const seen = async () =>
      ((await (await api('/api/sync/pull?since=0', office.token)).json()) as PullResponse).changes.filter(
        (change) => change.type === 'visits',
      );
    expect(await seen()).toEqual([]);

    rmSync(filler);
    await phone.sync();
    expect(phone.engine.status).toMatchObject({ state: 'idle', error: null, pending: 0 });
    expect(await phone.outboxSize()).toBe(0);
    const visits = await seen();
    expect(visits).toHaveLength(20);
    expect(new Set(visits.map((change) => change.id)).size).toBe(20);
  }, 120_000);
});
