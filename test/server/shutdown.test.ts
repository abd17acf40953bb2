// SIGTERM (a deploy, a restart) while a device is uploading a push: the server stops taking
// new connections, finishes that push, answers it and ends its connection, and exits cleanly;
// the push is kept.
import { rmSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse, PushResponse } from '../../src/protocol/wire';
import { visitCreation } from '../helpers/mutations';
import { serverFolder } from '../helpers/server-folder';
import { joinFirstAdmin, startServerProcess } from '../helpers/server-process';

let dir: string;
beforeAll(() => {
  dir = serverFolder('shutdown');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('graceful shutdown', () => {
  it('finishes a push in flight on SIGTERM, then exits 0 and refuses new connections', async () => {
    const env = { VALISE_DATA: join(dir, 'data'), VALISE_DIST: join(dir, 'dist') };
    const server = await startServerProcess(env);
    const joined = await joinFirstAdmin(server);

    const mutations = Array.from({ length: 20 }, () => visitCreation(Date.now()));
    const body = Buffer.from(JSON.stringify({ mutations }));
    const url = new URL(server.url);
    const answer = new Promise<{ status: number; text: string; connection?: string }>((resolve, reject) => {
      const upload = request(
        {
          host: url.hostname,
          port: url.port,
          path: '/api/sync/push',
          method: 'POST',
          headers: {
            Authorization: `Bearer ${joined.token}`,
            'Content-Type': 'application/json',
            'Content-Length': String(body.length),
            // The server's "100 Continue" says it has read the request's head: the push is in flight.
            Expect: '100-continue',
          },
        },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => {
            text += chunk.toString();
          });
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, text, connection: response.headers.connection }),
          );
        },
      );
      upload.on('error', reject);
      // Half the body now, the rest after SIGTERM: the request is in flight when it arrives.
      upload.write(body.subarray(0, body.length / 2));
      upload.once('continue', () => {
        server.child.kill('SIGTERM');
        // The server stops taking new connections: waited for, however long SIGTERM takes to land.
        expect
          .poll(
            () =>
              fetch(`${server.url}/api/health`).then(
                () => 'answered',
                () => 'refused',
              ),
            { timeout: 15_000 },
          )
          .toBe('refused')
          .then(() => upload.end(body.subarray(body.length / 2)), reject);
      });
    });

    const { status, text, connection } = await answer;
    expect(status).toBe(200);
    // A connection busy when the server began closing ends with its answer: reused by its
    // client (a proxy's pool, a monitor), it kept the server up until killed mid-request.
    expect(connection).toBe('close');
    const results = (JSON.parse(text) as PushResponse).results;
    expect(results.every((result) => result.status === 'applied')).toBe(true);
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('"message":"shutting down"');

    const again = await startServerProcess(env);
    try {
      const pulled = (await (
        await fetch(`${again.url}/api/sync/pull?since=0`, { headers: { Authorization: `Bearer ${joined.token}` } })
      ).json()) as PullResponse;
      expect(pulled.changes.map((change) => change.id).sort()).toEqual(mutations.map((m) => m.recordId).sort());
    } finally {
      await again.kill('SIGKILL');
    }
  }, 120_000);
});
