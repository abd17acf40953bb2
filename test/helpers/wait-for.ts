// How the tests and their tools wait: for a state, never for a fixed time. A state that
// announces itself (a line a child process prints) is waited for as that event; any other is
// checked again until it holds, by the one polling wait here. Inside a vitest test,
// `expect.poll` and Testing Library's `waitFor` do the same; these serve the drivers, helpers and tools that
// vitest does not run, or that run outside a test.
import type { ChildProcess } from 'node:child_process';

export interface WaitOptions {
  /** How long the state may take; generous, because the test machine is loaded. */
  timeout?: number;
  /** How long between two checks. */
  interval?: number;
  /** Gives up at once with its reason: the process that was to reach the state has died. */
  signal?: AbortSignal;
}

/**
 * Resolves with the first truthy value `check` returns. A throw counts as "not yet" (a server
 * not listening yet, a page between two documents). Fails after `timeout` with `failure` and
 * the last thing `check` said.
 */
export async function waitFor<T>(
  failure: string,
  check: () => T | Promise<T>,
  { timeout = 30_000, interval = 100, signal }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    signal?.throwIfAborted();
    try {
      const value = await check();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`${failure} (within ${timeout / 1000} s; last: ${String(last)})`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/**
 * Resolves once what `child` printed, as `output()` gathers it from stdout and stderr, matches
 * `pattern`. Fails as soon as the child has exited (its output read to the end, to say why),
 * or after `timeout`; the child is left as it is.
 */
export function waitForOutput(
  child: ChildProcess,
  output: () => string,
  pattern: RegExp,
  { failure, timeout = 30_000 }: { failure: string; timeout?: number },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = AbortSignal.timeout(timeout);
    const settle = (error?: Error) => {
      child.stdout?.off('data', onOutput);
      child.stderr?.off('data', onOutput);
      child.off('close', onClose);
      deadline.removeEventListener('abort', onDeadline);
      if (error) reject(error);
      else resolve();
    };
    const onOutput = () => {
      if (pattern.test(output())) settle();
    };
    // 'close', not 'exit': by then all it printed has been read.
    const onClose = (code: number | null) => settle(new Error(`${failure}: it exited (${code}):\n${output()}`));
    const onDeadline = () => settle(new Error(`${failure} within ${timeout / 1000} s:\n${output()}`));
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    child.once('close', onClose);
    deadline.addEventListener('abort', onDeadline, { once: true });
    onOutput();
  });
}
