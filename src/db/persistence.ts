// Browser storage can be evicted (Safari after days unused, any browser short of space).
// `persist()` asks the browser to keep Valise's data; we ask on the first write of the tab —
// the first moment there is something to lose — rather than on load, where Firefox would show
// its permission prompt before the user did anything.

export interface StorageStatus {
  /** null when the browser cannot tell (no StorageManager). */
  persisted: boolean | null;
  /** Whether the browser has `persist()` at all (WebKit and Safari have none). */
  canAsk: boolean;
  usage: number | null;
  quota: number | null;
}

let requested: Promise<boolean> | null = null;

function storageManager(): StorageManager | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/** Asks once per tab for persistent storage; resolves whether storage is persistent. Never throws. */
export function requestPersistentStorage(): Promise<boolean> {
  requested ??= (async () => {
    const storage = storageManager();
    if (!storage?.persist || !storage.persisted) return false;
    try {
      return (await storage.persisted()) || (await storage.persist());
    } catch {
      return false;
    }
  })();
  return requested;
}

/** Forgets that this tab asked (tests; and the Réglages button asks again on purpose). */
export function resetPersistenceRequest(): void {
  requested = null;
}

export async function readStorageStatus(): Promise<StorageStatus> {
  const storage = storageManager();
  const [persisted, estimate] = await Promise.all([
    storage?.persisted ? storage.persisted().catch(() => null) : null,
    storage?.estimate ? storage.estimate().catch(() => null) : null,
  ]);
  return {
    persisted,
    canAsk: typeof storage?.persist === 'function',
    usage: estimate?.usage ?? null,
    quota: estimate?.quota ?? null,
  };
}
