// Web Locks, which an origin's tabs (and its installed window) share in Chromium, Firefox and
// WebKit: what only one tab of the device at a time may do. A page without them — not a secure
// context, such as an http:// address on a local network — goes ahead at once, as every tab did
// before the locks: what they guard is safe twice, only wasteful.

function webLocks(): LockManager | undefined {
  return typeof navigator === 'undefined' ? undefined : (navigator as Partial<Navigator>).locks;
}

/** Runs `task` and returns true if no other tab holds `name`; false, without running it, if one does. */
export async function unlessAnotherTabHolds(name: string, task: () => Promise<void>): Promise<boolean> {
  const locks = webLocks();
  if (!locks) {
    await task();
    return true;
  }
  return locks.request(name, { ifAvailable: true }, async (lock) => {
    if (!lock) return false;
    await task();
    return true;
  });
}

/** Runs `task` once no other tab holds `name`, holding it meanwhile. */
export async function oneTabAtATime(name: string, task: () => Promise<void>): Promise<void> {
  const locks = webLocks();
  await (locks ? locks.request(name, task) : task());
}
