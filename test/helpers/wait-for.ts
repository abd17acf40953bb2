// The one polling wait of the tests and their tools: a state is checked again until it holds,
// never slept on for a fixed time. Inside a vitest test, `expect.poll` and `vi.waitFor` do the
// same; this serves the drivers, helpers and tools that vitest does not run, or that run
// outside a test. Where the state announces itself (a child's 'exit', a line it prints), wait
// for that event instead.

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
