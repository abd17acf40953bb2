// A Chromium driven over a bare DevTools pipe (--remote-debugging-pipe: fd 3 in, fd 4 out,
// NUL-terminated JSON), using only Target.* and Runtime.evaluate. Playwright enables the
// Network domain on every page, and Chromium then copies each request body into DevTools events
// and keeps response bodies: seconds of a 10,000-record push or pull that a phone never pays.
// Nothing here enables a domain, so the page runs as it would with no DevTools attached.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CHROMIUM_ARGS, chromiumPath, type Viewport } from '../e2e/helpers/browser';
import { waitFor } from '../helpers/wait-for';

interface Reply {
  id?: number;
  result?: Record<string, unknown>;
  error?: { message: string };
}

export interface BarePage {
  /** Evaluates `expression` in the page, awaiting a promise, and returns its value as JSON. */
  evaluate<T>(expression: string): Promise<T>;
}

export interface BareChromium {
  /** Opens `url` in a new tab and waits until `ready` (an expression) is true there. */
  open(url: string, ready: string): Promise<BarePage>;
  close(): Promise<void>;
}

/** Chromium in a persistent profile on disk (what a phone has), removed once closed. */
export async function launchBareChromium(viewport: Viewport): Promise<BareChromium> {
  const profile = mkdtempSync(join(tmpdir(), 'valise-bare-'));
  const child = spawn(
    chromiumPath(),
    [
      ...CHROMIUM_ARGS,
      // A foreground tab, as Playwright's launch had it: the figures stay comparable.
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      `--user-data-dir=${profile}`,
      `--window-size=${viewport.width},${viewport.height}`,
      '--remote-debugging-pipe',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const protocol = pipeProtocol(child, () => stderr);
  try {
    await protocol.send('Target.getTargets');
  } catch (error) {
    child.kill();
    await exited;
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
    throw error;
  }

  return {
    async open(url, ready) {
      const { targetId } = await protocol.send('Target.createTarget', { url });
      const { sessionId } = await protocol.send('Target.attachToTarget', { targetId, flatten: true });
      const evaluate = async <T>(expression: string): Promise<T> => {
        const { result, exceptionDetails } = (await protocol.send(
          'Runtime.evaluate',
          { expression, awaitPromise: true, returnByValue: true },
          sessionId as string,
        )) as { result: { value?: T }; exceptionDetails?: { exception?: { description?: string }; text: string } };
        if (exceptionDetails)
          throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
        return result.value as T;
      };
      // The tab may still be on its blank document: an evaluation there ends with it, so ask again.
      await waitFor(`${url} never became ready (${ready})`, () => evaluate<boolean>(`(${ready}) === true`), {
        timeout: 120_000,
        interval: 50,
      });
      return { evaluate };
    },
    async close() {
      await protocol.send('Browser.close').catch(() => undefined);
      await exited;
      rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

function pipeProtocol(child: ChildProcess, stderr: () => string) {
  const input = child.stdio[3] as Writable;
  const output = child.stdio[4] as Readable;
  const waiting = new Map<number, { resolve(result: Record<string, unknown>): void; reject(error: Error): void }>();
  let lastId = 0;
  let pending = '';
  let gone: Error | null = null;
  output.setEncoding('utf8');
  output.on('data', (chunk: string) => {
    pending += chunk;
    for (let end = pending.indexOf('\0'); end >= 0; end = pending.indexOf('\0')) {
      const reply = JSON.parse(pending.slice(0, end)) as Reply;
      pending = pending.slice(end + 1);
      const caller = reply.id === undefined ? undefined : waiting.get(reply.id);
      if (!caller) continue; // events: none are enabled that the bench needs
      waiting.delete(reply.id as number);
      if (reply.error) caller.reject(new Error(reply.error.message));
      else caller.resolve(reply.result ?? {});
    }
  });
  child.once('exit', (code) => {
    gone = new Error(`Chromium exited (${code}): ${stderr()}`);
    for (const caller of waiting.values()) caller.reject(gone);
    waiting.clear();
  });
  // Closing the browser also closes the pipe; a write then must not crash the bench.
  input.on('error', () => undefined);
  return {
    send(method: string, params: Record<string, unknown> = {}, sessionId?: string) {
      if (gone) return Promise.reject(gone);
      const id = ++lastId;
      return new Promise<Record<string, unknown>>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
      });
    },
  };
}
