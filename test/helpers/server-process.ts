// The real server (src/server/main.ts) as a child process, for the crash and shutdown suites,
// the e2e suites (test/e2e/helpers/server.ts) and the load tool: started on a free port with
// the given environment, ready once it says it is listening, killed with any signal.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { JoinResponse } from '../../src/protocol/wire';
import { freePort } from './free-port';
import { waitForOutput } from './wait-for';

const ROOT = join(import.meta.dirname, '../..');
/** What the server logs once its port takes connections (src/server/main.ts, every release). */
const LISTENING = /"message":"Valise is listening"/;
/** Seconds on a loaded 2-core machine: tsx compiles the server before it opens the store. */
const STARTUP_MS = 60_000;

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (null when killed by a signal), once all it printed has been read. */
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

export interface ServerProcessOptions {
  /** Reuse a port (a restart keeps the origin); default a free one. */
  port?: number;
  /** The source tree to run (a previous release's); default this one. */
  root?: string;
  /** A built server (test/e2e/helpers/server-bundle.ts) for plain Node; default the sources, through tsx. */
  entry?: string;
  /**
   * A command that runs the server: node's command line is appended to it (e.g. a new mount
   * namespace with a small disk of its own). The server keeps the launcher's process id.
   */
  launcher?: readonly string[];
}

export async function startServerProcess(
  env: NodeJS.ProcessEnv,
  options: ServerProcessOptions = {},
): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const node = options.entry
    ? [process.execPath, options.entry]
    : [process.execPath, '--import', 'tsx', 'src/server/main.ts'];
  const [command, ...args] = [...(options.launcher ?? []), ...node] as [string, ...string[]];
  const child = spawn(command, args, {
    cwd: options.root ?? ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  // 'close', not 'exit': the exit can come before the last lines printed have come through the pipe.
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  await waitForOutput(child, () => output, LISTENING, {
    failure: 'The server did not start listening',
    timeout: STARTUP_MS,
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    exited,
    output: () => output,
    kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** The first admin's invitation code, printed by the server on its very first start. */
export function firstInvitationCode(output: string): string {
  const code = output.match(/code: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/)?.[1];
  if (!code) throw new Error(`No invitation code in the server's output:\n${output}`);
  return code;
}

/** The first admin's device (Camille's "Poste"), joined with the invitation the server printed. */
export async function joinFirstAdmin(server: ServerProcess): Promise<JoinResponse> {
  const response = await fetch(`${server.url}/api/join`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      code: firstInvitationCode(server.output()),
      deviceName: 'Poste',
      memberName: 'Camille',
      clockNode: '0123456789abcdef',
    }),
  });
  if (response.status !== 200) throw new Error(`The first admin could not join: ${await response.text()}`);
  return (await response.json()) as JoinResponse;
}
