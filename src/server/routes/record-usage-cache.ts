// The admin's count of a network's records and their bytes is a scan of all its records: about
// 0.4 s per 100 MB on SQLite, whose synchronous driver holds every network's requests meanwhile,
// and Réglages asks again after each sync. A size is fine approximate, so a network's figure is
// reused for a few minutes, and requests that arrive while it is being counted share one scan.
import type { RecordUsage, Store } from '../store/store';

/** How long a network's counted figure is shown before it is counted again. */
export const RECORD_USAGE_TTL_MS = 5 * 60_000;

interface Counted {
  at: number;
  usage: Promise<RecordUsage>;
}

export class RecordUsageCache {
  private readonly counted = new Map<string, Counted>();

  constructor(private readonly now: () => number) {}

  read(store: Store, networkId: string): Promise<RecordUsage> {
    const at = this.now();
    const cached = this.counted.get(networkId);
    if (cached && at - cached.at < RECORD_USAGE_TTL_MS && at >= cached.at) return cached.usage;
    // Old figures go, so the map holds only the networks whose admins looked lately.
    for (const [id, entry] of this.counted) if (at - entry.at >= RECORD_USAGE_TTL_MS) this.counted.delete(id);
    const usage = store.recordUsage(networkId);
    this.counted.set(networkId, { at, usage });
    // A failed count (the database unreachable) is not kept: the next request counts again.
    usage.catch(() => {
      if (this.counted.get(networkId)?.usage === usage) this.counted.delete(networkId);
    });
    return usage;
  }
}
