// `npm start` refusing to start, as an admin meets it: its exit code and what it printed.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

/** Runs the server until it exits by itself (a refused start); its exit code and output. */
export function refusedStart(dir: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, HOST: '127.0.0.1', VALISE_DIST: join(dir, 'dist'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The server did not stop by itself:\n${output}`));
    }, 60_000);
    // 'close', not 'exit': by then all it printed has been read (its refusal is printed just before it exits).
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** Exit code 1, the words an admin needs, and no stack trace. */
export function expectPlainRefusal(answer: { code: number | null; output: string }, words: RegExp): void {
  expect(answer.code, answer.output).toBe(1);
  expect(answer.output).toMatch(words);
  expect(answer.output, 'no stack trace').not.toMatch(/\n\s+at /);
}
