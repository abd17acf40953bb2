// Starts the real Valise server (test/helpers/server-process.ts) with its own data folder,
// serving a built app; stops it the way a deploy would, with SIGTERM.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from '../../helpers/server-process';
import { DIST } from './paths';
import { builtServer } from './server-bundle';

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
  /** A command the server runs under (the bench's `nice`): node's command line is appended to it. */
  launcher?: readonly string[];
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'valise-e2e-'));
  const distDir = options.distDir ?? DIST;
  const removeOwnData = () => {
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  const server = await startServerProcess(
    { ...options.env, VALISE_DATA: dataDir, VALISE_DIST: distDir },
    // A release's server runs from its own sources; today's from the e2e run's build, if any.
    {
      port: options.port,
      root: options.root,
      entry: options.root ? undefined : builtServer(),
      launcher: options.launcher,
    },
  ).catch((error: unknown) => {
    removeOwnData();
    throw error;
  });
  return {
    url: server.url,
    port: server.port,
    dataDir,
    distDir,
    output: server.output,
    stop: async () => {
      // No SIGKILL to fall back on: the server exits by itself at most 10 s after SIGTERM
      // (src/server/main.ts, in every release), so waiting for its exit is bounded.
      await server.kill('SIGTERM');
      removeOwnData();
    },
  };
}
