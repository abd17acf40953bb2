// `npm start` under a process manager or in a container: stopping means a SIGTERM to the npm
// process alone. npm hands it to its script's shell; a shell that does not pass it on left the
// server running, orphaned, holding the port and the data folder, and the next start refused.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { freePort } from '../helpers/free-port';
import { serverFolder } from '../helpers/server-folder';
import { waitForOutput } from '../helpers/wait-for';

const ROOT = join(import.meta.dirname, '../..');

let dir: string;
beforeEach(() => {
  dir = serverFolder('npm-start');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

it('stops the server when the npm process is told to stop: the port and the data folder are free again', async () => {
  // The folder's stand-in build is newer than the sources: npm start serves it without building.
  const dist = join(dir, 'dist');
  const port = await freePort();
  const npm = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...process.env, VALISE_DATA: join(dir, 'data'), VALISE_DIST: dist, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: whatever it leaves behind is found and ended after the test.
    detached: true,
  });
  let output = '';
  for (const stream of [npm.stdout, npm.stderr]) stream?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // 'close' comes once every process holding npm's output has ended, the server included.
  const closed = new Promise<void>((resolve) => npm.once('close', () => resolve()));
  try {
    await waitForOutput(npm, () => output, /"message":"Valise is listening"/, {
      failure: 'npm start did not start the server',
      timeout: 60_000,
    });
    npm.kill('SIGTERM');
    const outlived = new Promise<never>((_, reject) =>
      AbortSignal.timeout(30_000).addEventListener('abort', () =>
        reject(new Error(`the server outlived npm by 30 s, still on port ${port}:\n${output}`)),
      ),
    );
    await Promise.race([closed, outlived]);
    expect(output).toMatch(/"message":"shutting down","signal":"SIGTERM"/);
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
  } finally {
    // Without a pid npm never started; -0 would be this test runner's own group.
    if (npm.pid !== undefined) {
      try {
        process.kill(-npm.pid, 'SIGKILL');
      } catch {
        // The group has ended: nothing was left behind.
      }
    }
  }
}, 120_000);
