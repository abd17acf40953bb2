// Starts the real Valise server (src/server/main.ts) as a child process, on a free port with
// its own data folder, serving a built app; stops it the way a deploy would (SIGTERM, then
// SIGKILL if it lingers).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, ROOT } from './paths';

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  distDir: string;
  /** What the server printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** Built app to serve; default the project's dist/. */
  distDir?: string;
  /** Reuse a data folder (a restart); default a new temporary one, removed by stop(). */
  dataDir?: string;
  /** Reuse a port (a restart keeps the origin, and so the service worker); default a free one. */
  port?: number;
  /** More settings (VALISE_TRUSTED_PROXIES, VALISE_PUBLIC_URL…). */
  env?: NodeJS.ProcessEnv;
  /** The source tree to run (a previous release's: test/e2e/helpers/release-build.ts); default this one. */
  root?: string;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'valise-e2e-'));
  const distDir = options.distDir ?? DIST;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: options.root ?? ROOT,
    env: {
      ...process.env,
      ...options.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      VALISE_DATA: dataDir,
      VALISE_DIST: distDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, () => output);
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  return {
    url,
    port,
    dataDir,
    distDir,
    output: () => output,
    stop: async () => {
      await stopProcess(child);
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The Valise server exited (${child.exitCode}) before answering:\n${output()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The Valise server did not answer ${url}/api/health within 30 s:\n${output()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
